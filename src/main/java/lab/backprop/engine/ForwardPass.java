package lab.backprop.engine;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.math3.linear.RealMatrix;
import lab.backprop.engine.linalg.Matrices;
import lab.backprop.engine.linalg.MatrixProducts;

/**
 * The forward pass through a network: every layer's values, the prediction and the loss.
 */
public record ForwardPass(List<LayerValues> layers, RealMatrix prediction, double loss) {

	/** One layer's forward values, each batch × neurons. */
	public record LayerValues(RealMatrix input, RealMatrix z, Activation activation, RealMatrix output) {
	}

	/**
	 * Runs {@code inputs} through {@code network} and scores the prediction against
	 * {@code labels}. {@code stage} names the response section ("forward" or "after") for
	 * a non-finite value.
	 */
	public static ForwardPass run(Network network, RealMatrix inputs, RealMatrix labels, Loss loss,
			MatrixProducts products, String stage) {
		List<LayerValues> values = new ArrayList<>(network.depth());
		RealMatrix input = inputs;
		for (int i = 0; i < network.depth(); i++) {
			Layer layer = network.layer(i);
			RealMatrix z = Matrices.addToEachRow(products.multiply(input, layer.weights()), layer.bias());
			Finite.check(z, stage + ".layers[" + i + "].z");
			RealMatrix output = layer.activation().apply(z);
			Finite.check(output, stage + ".layers[" + i + "].output");
			values.add(new LayerValues(input, z, layer.activation(), output));
			input = output;
		}
		LayerValues last = values.get(values.size() - 1);
		double value = loss.value(new Loss.OutputLayer(last.z(), last.activation(), last.output()), labels);
		Finite.check(value, stage + ".loss");
		return new ForwardPass(values, input, value);
	}

	public LayerValues outputLayer() {
		return layers.get(layers.size() - 1);
	}
}
