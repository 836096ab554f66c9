package lab.backprop.engine;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.math3.linear.RealMatrix;
import lab.backprop.engine.linalg.Matrices;
import lab.backprop.engine.linalg.MatrixProducts;

/**
 * The forward pass through a network: every layer's values, the prediction and the loss.
 *
 * @param loss the objective: {@code dataLoss + penalty}
 * @param dataLoss the loss of the prediction against the labels
 * @param penalty the regularization's penalty on the weights (0 without one)
 */
public record ForwardPass(List<LayerValues> layers, RealMatrix prediction, double loss, double dataLoss,
		double penalty) {

	/** A pass without a penalty: the loss is the data loss. */
	public ForwardPass(List<LayerValues> layers, RealMatrix prediction, double loss) {
		this(layers, prediction, loss, loss, 0.0);
	}

	/** One layer's forward values, each batch × neurons. */
	public record LayerValues(RealMatrix input, RealMatrix z, Activation activation, RealMatrix output) {
	}

	/**
	 * Runs {@code inputs} through {@code network} and scores the prediction against
	 * {@code labels}. {@code stage} names the response section ("forward" or "after"; ""
	 * for an answer that is the forward pass itself) for a non-finite value.
	 */
	public static ForwardPass run(Network network, RealMatrix inputs, RealMatrix labels, Loss loss,
			MatrixProducts products, String stage) {
		return run(network, inputs, labels, loss, Regularization.NONE, products, stage);
	}

	/** As above, the loss with {@code regularization}'s penalty added. */
	public static ForwardPass run(Network network, RealMatrix inputs, RealMatrix labels, Loss loss,
			Regularization regularization, MatrixProducts products, String stage) {
		List<LayerValues> values = layers(network, inputs, products, stage);
		LayerValues last = values.get(values.size() - 1);
		double value = loss.value(new Loss.OutputLayer(last.z(), last.activation(), last.output()), labels);
		if (regularization.isNone()) {
			Finite.check(value, path(stage, "loss"));
			return new ForwardPass(values, last.output(), value);
		}
		Finite.check(value, path(stage, "dataLoss"));
		double penalty = regularization.penalty(network);
		Finite.check(penalty, path(stage, "penalty"));
		double total = value + penalty;
		Finite.check(total, path(stage, "loss"));
		return new ForwardPass(values, last.output(), total, value, penalty);
	}

	/**
	 * The layers' values of {@code inputs} run through {@code network}, first to last,
	 * without a loss: what a prediction needs.
	 */
	public static List<LayerValues> layers(Network network, RealMatrix inputs, MatrixProducts products, String stage) {
		List<LayerValues> values = new ArrayList<>(network.depth());
		RealMatrix input = inputs;
		for (int i = 0; i < network.depth(); i++) {
			Layer layer = network.layer(i);
			RealMatrix z = Matrices.addToEachRow(products.multiply(input, layer.weights()), layer.bias());
			Finite.check(z, path(stage, "layers[" + i + "].z"));
			// No check needed: every activation maps a finite z to a finite
			// output (bounded, z itself or 0.01·z; ActivationBoundsTest).
			RealMatrix output = layer.activation().apply(z);
			values.add(new LayerValues(input, z, layer.activation(), output));
			input = output;
		}
		return values;
	}

	private static String path(String stage, String quantity) {
		return stage.isEmpty() ? quantity : stage + "." + quantity;
	}

	public LayerValues outputLayer() {
		return layers.get(layers.size() - 1);
	}
}
