package lab.backprop.engine;

/**
 * Asked between steps of a long computation whether to stop early (a time limit, the
 * service shutting down, a client gone), so that the engine needs no clock or server of
 * its own.
 */
@FunctionalInterface
public interface Interruption {

	/** Never stops. */
	Interruption NONE = () -> null;

	/** {@code null} to go on, or why to stop now. */
	Training.StopReason check();

}
