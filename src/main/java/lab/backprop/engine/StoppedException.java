package lab.backprop.engine;

/**
 * A computation that has no partial answer (the gradient check) was stopped by an
 * {@link Interruption}: {@link #reason()} says why.
 */
public class StoppedException extends RuntimeException {

	private final Training.StopReason reason;

	public StoppedException(Training.StopReason reason) {
		super("stopped: " + reason);
		this.reason = reason;
	}

	public Training.StopReason reason() {
		return reason;
	}

}
