package lab.backprop.engine.optim;

import java.util.List;

import lab.backprop.engine.BackwardPass;
import lab.backprop.engine.Network;

/**
 * An update rule: new parameters and new optimizer state from the gradients and the old
 * state. The state travels with the caller (the service is stateless), so a step is a
 * pure function.
 */
public interface Optimizer {

	/** The wire name of the rule, e.g. {@code sgd}, {@code momentum}, {@code adam}. */
	String type();

	/**
	 * The buffers kept per parameter tensor, in PyTorch's terms written in camelCase
	 * ({@code momentumBuffer}, {@code expAvg}, ...), in the order they are reported.
	 */
	List<String> bufferNames();

	/**
	 * One step. {@code state.step()} counts the steps taken before this one; the returned
	 * state counts this one too.
	 */
	Update step(Network network, BackwardPass gradients, double learningRate, OptimizerState state);

	/**
	 * As above; {@code spare} holds the parameters and state of an earlier step of the
	 * same network that nobody reads any more, whose arrays the rule may overwrite with
	 * the new values instead of allocating new ones ({@code null}: none). They must not
	 * be those of {@code network} or {@code state}. By default it is not used.
	 */
	default Update step(Network network, BackwardPass gradients, double learningRate, OptimizerState state,
			Update spare) {
		return step(network, gradients, learningRate, state);
	}

	/** The parameters and the state after a step. */
	record Update(Network network, OptimizerState state) {
	}

	/** Plain gradient descent, θ ← θ − η · dL/dθ: the default, and the seed's rule. */
	static Optimizer plainSgd() {
		return new Sgd(0.0, 0.0, false, 0.0);
	}

}
