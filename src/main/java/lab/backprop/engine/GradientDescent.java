package lab.backprop.engine;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;

/** Plain gradient descent: θ ← θ − η · dL/dθ for every weight and bias. */
public final class GradientDescent {

	private GradientDescent() {
	}

	public static Network step(Network network, BackwardPass gradients, double learningRate) {
		List<Layer> updated = new ArrayList<>(network.depth());
		for (int i = 0; i < network.depth(); i++) {
			Layer layer = network.layer(i);
			BackwardPass.LayerGradients g = gradients.layers().get(i);
			RealMatrix weights = Matrices.combine(layer.weights(), g.dLdW(), (w, dw) -> w - learningRate * dw);
			Finite.check(weights, "update.layers[" + i + "].weights");
			RealVector bias = layer.bias().combine(1.0, -learningRate, g.dLdb());
			Finite.check(bias, "update.layers[" + i + "].bias");
			updated.add(new Layer(weights, bias, layer.activation()));
		}
		return new Network(updated);
	}
}
