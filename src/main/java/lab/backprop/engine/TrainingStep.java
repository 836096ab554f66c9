package lab.backprop.engine;

import org.apache.commons.math3.linear.RealMatrix;

import lab.backprop.engine.optim.Optimizer;
import lab.backprop.engine.optim.OptimizerState;
import lab.backprop.engine.linalg.MatrixProducts;

/**
 * One step of training, in the seed's order: forward pass and loss, backward pass, the
 * optimizer's update, and the forward pass again with the new parameters.
 */
public final class TrainingStep {

	private final MatrixProducts products;

	public TrainingStep(MatrixProducts products) {
		this.products = products;
	}

	public TrainingStep() {
		this(MatrixProducts.COMMONS_MATH);
	}

	/**
	 * Everything one step computed; {@code after} is a complete forward pass with
	 * {@code updated}, and {@code state} is the optimizer's state after the step.
	 */
	public record Result(Network network, ForwardPass forward, BackwardPass backward, double learningRate,
			Optimizer optimizer, Network updated, OptimizerState state, ForwardPass after) {

		/** after.loss − forward.loss: negative when the step helped. */
		public double lossChange() {
			return after.loss() - forward.loss();
		}

		/** What the optimizer added to layer {@code l}'s weights: updated − before. */
		public RealMatrix weightChange(int l) {
			return updated.layer(l).weights().subtract(network.layer(l).weights());
		}

		/** What the optimizer added to layer {@code l}'s bias: updated − before. */
		public double[] biasChange(int l) {
			return updated.layer(l).bias().subtract(network.layer(l).bias()).toArray();
		}
	}

	/** A step of plain gradient descent, θ ← θ − η · dL/dθ. */
	public Result run(Network network, RealMatrix inputs, RealMatrix labels, Loss loss, double learningRate) {
		return run(network, inputs, labels, loss, learningRate, Optimizer.plainSgd(), OptimizerState.initial());
	}

	/**
	 * @param inputs batch × features
	 * @param labels batch × outputs of the last layer
	 * @param state the optimizer's state from the previous step, or
	 * {@link OptimizerState#initial()}
	 * @throws NonFiniteValueException naming the first quantity that overflowed
	 */
	public Result run(Network network, RealMatrix inputs, RealMatrix labels, Loss loss, double learningRate,
			Optimizer optimizer, OptimizerState state) {
		return run(network, inputs, labels, loss, Regularization.NONE, learningRate, optimizer, state);
	}

	/** As above, the loss with {@code regularization}'s penalty on the weights. */
	public Result run(Network network, RealMatrix inputs, RealMatrix labels, Loss loss, Regularization regularization,
			double learningRate, Optimizer optimizer, OptimizerState state) {
		return run(network, inputs, labels, loss, regularization, learningRate, optimizer, state, true, null);
	}

	/** A step of a training loop on a batch: see the economies of the next method. */
	Result run(Network network, RealMatrix inputs, RealMatrix labels, Loss loss, Regularization regularization,
			double learningRate, Optimizer optimizer, OptimizerState state, boolean inputGradient,
			Optimizer.Update spare) {
		ForwardPass forward = ForwardPass.run(network, inputs, labels, loss, regularization, products, "forward");
		return continueFrom(forward, network, inputs, labels, loss, regularization, learningRate, optimizer, state,
				inputGradient, spare);
	}

	/**
	 * The rest of a step whose forward pass is already known: training passes the
	 * previous step's {@code after}, which is the same computation on the same
	 * parameters.
	 */
	public Result continueFrom(ForwardPass forward, Network network, RealMatrix inputs, RealMatrix labels, Loss loss,
			double learningRate, Optimizer optimizer, OptimizerState state) {
		return continueFrom(forward, network, inputs, labels, loss, Regularization.NONE, learningRate, optimizer,
				state);
	}

	/** As above, the loss with {@code regularization}'s penalty on the weights. */
	public Result continueFrom(ForwardPass forward, Network network, RealMatrix inputs, RealMatrix labels, Loss loss,
			Regularization regularization, double learningRate, Optimizer optimizer, OptimizerState state) {
		return continueFrom(forward, network, inputs, labels, loss, regularization, learningRate, optimizer, state,
				true, null);
	}

	/**
	 * A step of a training loop, as above but for two economies: without
	 * {@code inputGradient} the backward pass leaves out the first layer's dL/dInput
	 * ({@link BackwardPass#run}), which no later step needs; and the new parameters and
	 * state are written into {@code spare}'s arrays when it is given
	 * ({@link Optimizer#step(Network, BackwardPass, double, OptimizerState, Optimizer.Update)}).
	 */
	Result continueFrom(ForwardPass forward, Network network, RealMatrix inputs, RealMatrix labels, Loss loss,
			Regularization regularization, double learningRate, Optimizer optimizer, OptimizerState state,
			boolean inputGradient, Optimizer.Update spare) {
		BackwardPass backward = BackwardPass.run(network, forward, labels, loss, regularization, products,
				inputGradient);
		Optimizer.Update update = optimizer.step(network, backward, learningRate, state, spare);
		ForwardPass after = ForwardPass.run(update.network(), inputs, labels, loss, regularization, products, "after");
		double change = after.loss() - forward.loss();
		Finite.check(change, "after.lossChange");
		return new Result(network, forward, backward, learningRate, optimizer, update.network(), update.state(), after);
	}

	public MatrixProducts products() {
		return products;
	}

}
