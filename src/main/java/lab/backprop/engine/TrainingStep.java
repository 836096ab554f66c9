package lab.backprop.engine;

import org.apache.commons.math3.linear.RealMatrix;

/**
 * One step of training, in the seed's order: forward pass and loss, backward pass, gradient-descent
 * update, and the forward pass again with the new parameters.
 */
public final class TrainingStep {

	private final MatrixProducts products;

	public TrainingStep(MatrixProducts products) {
		this.products = products;
	}

	public TrainingStep() {
		this(MatrixProducts.COMMONS_MATH);
	}

	/** Everything one step computed; {@code after} is a complete forward pass with {@code updated}. */
	public record Result(ForwardPass forward, BackwardPass backward, double learningRate, Network updated,
			ForwardPass after) {

		/** after.loss − forward.loss: negative when the step helped. */
		public double lossChange() {
			return after.loss() - forward.loss();
		}
	}

	/**
	 * @param inputs batch × features
	 * @param labels batch × outputs of the last layer
	 * @throws NonFiniteValueException naming the first quantity that overflowed
	 */
	public Result run(Network network, RealMatrix inputs, RealMatrix labels, Loss loss, double learningRate) {
		ForwardPass forward = ForwardPass.run(network, inputs, labels, loss, products, "forward");
		BackwardPass backward = BackwardPass.run(network, forward, labels, loss, products);
		Network updated = GradientDescent.step(network, backward, learningRate);
		ForwardPass after = ForwardPass.run(updated, inputs, labels, loss, products, "after");
		double change = after.loss() - forward.loss();
		Finite.check(change, "after.lossChange");
		return new Result(forward, backward, learningRate, updated, after);
	}
}
