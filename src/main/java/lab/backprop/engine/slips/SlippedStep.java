package lab.backprop.engine.slips;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;

import lab.backprop.engine.Activation;
import lab.backprop.engine.BackwardPass;
import lab.backprop.engine.ForwardPass;
import lab.backprop.engine.Layer;
import lab.backprop.engine.Loss;
import lab.backprop.engine.Network;
import lab.backprop.engine.NonFiniteValueException;
import lab.backprop.engine.Regularization;
import lab.backprop.engine.TrainingStep;
import lab.backprop.engine.linalg.Matrices;
import lab.backprop.engine.linalg.MatrixProducts;
import lab.backprop.engine.linalg.RowMajorMatrix;
import lab.backprop.engine.optim.Optimizer;
import lab.backprop.engine.optim.OptimizerState;

/**
 * A training step worked with one slip: the forward pass, the backward pass, the update
 * and the forward pass again, in {@link TrainingStep}'s order and on the same pieces
 * (activations, losses, products, the optimizer), with the one thing the slip changes
 * changed. What follows the slip follows from it, as it would on paper: a dropped 2 in
 * dL/dŷ halves every gradient after it and shortens the update. A regularized loss keeps
 * its penalty, and dL/dW the penalty's gradient, in every slip but
 * {@link Slip#PENALTY_FORGOTTEN}; {@link Slip#NOT_AVERAGED} multiplies the data loss
 * alone.
 */
public final class SlippedStep {

	/**
	 * The request a step was computed for.
	 *
	 * @param regularization the penalty on the weights in the loss
	 * ({@link Regularization#NONE} for none)
	 */
	public record Setup(Network network, RealMatrix inputs, RealMatrix labels, Loss loss, double learningRate,
			Optimizer optimizer, OptimizerState state, Regularization regularization) {

		/** A request without a penalty on the weights. */
		public Setup(Network network, RealMatrix inputs, RealMatrix labels, Loss loss, double learningRate,
				Optimizer optimizer, OptimizerState state) {
			this(network, inputs, labels, loss, learningRate, optimizer, state, Regularization.NONE);
		}
	}

	private final MatrixProducts products;

	public SlippedStep(MatrixProducts products) {
		this.products = products;
	}

	/**
	 * The step as a learner who made {@code slip} (in {@code layer}, for a slip of one
	 * layer) would have worked it; empty where the slip cannot be made in this step (no
	 * square to differentiate, a mean over one element, a learning rate of 1, a slope
	 * that is the same at z and at a, ...) or its numbers are not finite.
	 * @throws IllegalArgumentException for a slip of the written answer
	 * ({@link Slip.Scope#VALUE}): see {@link #negated} and {@link #transposed}
	 */
	public Optional<TrainingStep.Result> run(Setup setup, Slip slip, int layer) {
		if (slip.scope() == Slip.Scope.VALUE) {
			throw new IllegalArgumentException(slip + " is a slip of the written answer, not of the computation");
		}
		if (!applies(setup, slip, layer)) {
			return Optional.empty();
		}
		double factor = switch (slip) {
			case MISSING_FACTOR_2 -> 0.5;
			case NOT_AVERAGED -> setup.loss().divisor(setup.labels());
			default -> 1.0;
		};
		double rate = switch (slip) {
			case WRONG_UPDATE_DIRECTION -> -setup.learningRate();
			case LEARNING_RATE_MISSING -> 1.0;
			default -> setup.learningRate();
		};
		double lossFactor = slip == Slip.NOT_AVERAGED ? factor : 1.0;
		int biasForgotten = slip == Slip.BIAS_FORGOTTEN ? layer : -1;
		try {
			ForwardPass forward = forward(setup.network(), setup, lossFactor, biasForgotten);
			BackwardPass backward = backward(setup, forward, factor, slip, layer);
			Optimizer.Update update = setup.optimizer().step(setup.network(), backward, rate, setup.state());
			ForwardPass after = forward(update.network(), setup, lossFactor, biasForgotten);
			if (!Double.isFinite(forward.loss()) || !Double.isFinite(after.loss())) {
				return Optional.empty();
			}
			return Optional.of(new TrainingStep.Result(setup.network(), forward, backward, setup.learningRate(),
					setup.optimizer(), update.network(), update.state(), after));
		}
		catch (NonFiniteValueException e) {
			return Optional.empty();
		}
	}

	/**
	 * Whether the slip changes anything in this step: the others would only repeat the
	 * right step.
	 */
	static boolean applies(Setup setup, Slip slip, int layer) {
		Network network = setup.network();
		if (slip.scope() == Slip.Scope.LAYER && (layer < 0 || layer >= network.depth())) {
			return false;
		}
		return switch (slip) {
			case LEARNING_RATE_MISSING -> setup.learningRate() != 1.0;
			case MISSING_FACTOR_2 -> setup.loss() == Loss.MSE || setup.loss() == Loss.SSE;
			case NOT_AVERAGED -> setup.loss().divisor(setup.labels()) > 1;
			// a penalty of 0 (no weight, or λ = 0) has a gradient of 0 too
			case PENALTY_FORGOTTEN -> setup.regularization().penalty(network) > 0.0;
			// σ'(a) and σ'(z) differ only for the curved activations
			case SLOPE_AT_OUTPUT -> network.layer(layer).activation() == Activation.SIGMOID
					|| network.layer(layer).activation() == Activation.TANH;
			case SLOPE_MISSING -> network.layer(layer).activation() != Activation.LINEAR;
			default -> true;
		};
	}

	/** −value: the right number with the opposite sign. */
	public static RealMatrix negated(RealMatrix value) {
		return value.scalarMultiply(-1.0);
	}

	/** valueᵀ. */
	public static RealMatrix transposed(RealMatrix value) {
		return value.transpose();
	}

	private ForwardPass forward(Network network, Setup setup, double lossFactor, int biasForgotten) {
		List<ForwardPass.LayerValues> values = new ArrayList<>(network.depth());
		RealMatrix input = setup.inputs();
		for (int i = 0; i < network.depth(); i++) {
			Layer layer = network.layer(i);
			RealMatrix z = products.multiply(input, layer.weights());
			if (i != biasForgotten) {
				z = Matrices.addToEachRow(z, layer.bias());
			}
			RealMatrix output = layer.activation().apply(z);
			values.add(new ForwardPass.LayerValues(input, z, layer.activation(), output));
			input = output;
		}
		ForwardPass.LayerValues last = values.get(values.size() - 1);
		double loss = setup.loss()
			.value(new Loss.OutputLayer(last.z(), last.activation(), last.output()), setup.labels()) * lossFactor;
		if (setup.regularization().isNone()) {
			return new ForwardPass(List.copyOf(values), input, loss);
		}
		double penalty = setup.regularization().penalty(network);
		return new ForwardPass(List.copyOf(values), input, loss + penalty, loss, penalty);
	}

	private BackwardPass backward(Setup setup, ForwardPass forward, double factor, Slip slip, int layer) {
		Network network = setup.network();
		ForwardPass.LayerValues last = forward.outputLayer();
		Loss.OutputLayer out = new Loss.OutputLayer(last.z(), last.activation(), last.output());
		RealMatrix dLdPrediction = scaled(setup.loss().gradient(out, setup.labels()), factor);
		BackwardPass.LayerGradients[] gradients = new BackwardPass.LayerGradients[network.depth()];
		RealMatrix dLdOutput = dLdPrediction;
		for (int i = network.depth() - 1; i >= 0; i--) {
			ForwardPass.LayerValues v = forward.layers().get(i);
			Activation activation = v.activation();
			boolean here = i == layer;
			RealMatrix dOutputdZ = here && slip == Slip.SLOPE_AT_OUTPUT
					? activation.derivative(v.output(), activation.apply(v.output()))
					: activation.derivative(v.z(), v.output());
			boolean chainRuleWritten = here && (slip == Slip.SLOPE_AT_OUTPUT || slip == Slip.SLOPE_MISSING);
			RealMatrix fused = i == network.depth() - 1 && !chainRuleWritten
					? setup.loss().outputGradient(out, setup.labels()) : null;
			RealMatrix dLdZ;
			if (fused != null) {
				dLdZ = scaled(fused, factor);
			}
			else if (here && slip == Slip.SLOPE_MISSING) {
				dLdZ = dLdOutput;
			}
			else {
				dLdZ = activation.backpropagate(dLdOutput, v.z(), v.output(), dOutputdZ);
			}
			RealMatrix input = here && slip == Slip.INPUT_MISSING ? ones(v.input()) : v.input();
			RealMatrix dLdW = products.transposeMultiply(input, dLdZ);
			if (slip != Slip.PENALTY_FORGOTTEN) {
				dLdW = setup.regularization().addGradient(dLdW, network.layer(i).weights());
			}
			RealVector dLdb = Matrices.columnSums(dLdZ);
			RealMatrix dLdInput = products.multiplyTranspose(dLdZ, network.layer(i).weights());
			gradients[i] = new BackwardPass.LayerGradients(dLdOutput, dOutputdZ, dLdZ, dLdW, dLdb, dLdInput);
			dLdOutput = dLdInput;
		}
		return new BackwardPass(dLdPrediction, List.copyOf(Arrays.asList(gradients)));
	}

	private static RealMatrix scaled(RealMatrix m, double factor) {
		return factor == 1.0 ? m : m.scalarMultiply(factor);
	}

	/** A matrix of ones shaped like {@code like}: an input that multiplies by 1. */
	private static RealMatrix ones(RealMatrix like) {
		double[] data = new double[like.getRowDimension() * like.getColumnDimension()];
		Arrays.fill(data, 1.0);
		return new RowMajorMatrix(like.getRowDimension(), like.getColumnDimension(), data);
	}

}
