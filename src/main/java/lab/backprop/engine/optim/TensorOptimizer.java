package lab.backprop.engine.optim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.math3.linear.ArrayRealVector;

import lab.backprop.engine.BackwardPass;
import lab.backprop.engine.Layer;
import lab.backprop.engine.linalg.Matrices;
import lab.backprop.engine.Network;
import lab.backprop.engine.NonFiniteValueException;
import lab.backprop.engine.linalg.RowMajorMatrix;

/**
 * An optimizer whose rule acts on each parameter element by element, as PyTorch's do: the
 * subclass writes the rule for an array of parameters (a weight matrix row after row, or
 * a bias) with the matching arrays of the gradient and of its buffers; this class walks
 * the network.
 */
public interface TensorOptimizer extends Optimizer {

	/**
	 * Updates {@code theta} and the buffers in place.
	 * @param buffers by name, each as long as {@code theta}; all zeros before the first
	 * step
	 * @param t the number of this step, 1 for the first
	 */
	void update(double[] theta, double[] grad, Map<String, double[]> buffers, long t, double lr);

	@Override
	default Update step(Network network, BackwardPass gradients, double learningRate, OptimizerState state) {
		long t = state.step() + 1;
		List<Layer> layers = new ArrayList<>(network.depth());
		List<OptimizerState.LayerState> states = new ArrayList<>(network.depth());
		for (int i = 0; i < network.depth(); i++) {
			Layer layer = network.layer(i);
			BackwardPass.LayerGradients g = gradients.layers().get(i);
			OptimizerState.LayerState old = state.layers().isEmpty() ? null : state.layers().get(i);

			// An element-wise rule sees the whole weight matrix as one row of parameters.
			int rows = layer.inputs();
			int columns = layer.outputs();
			double[] weights = Matrices.data(layer.weights()).clone();
			Map<String, double[]> weightBuffers = new HashMap<>();
			for (String name : bufferNames()) {
				weightBuffers.put(name, old == null ? new double[weights.length] : flat(old.weights().get(name)));
			}
			update(weights, Matrices.data(g.dLdW()), weightBuffers, t, learningRate);

			double[] bias = layer.bias().toArray();
			Map<String, double[]> biasBuffers = new HashMap<>();
			for (String name : bufferNames()) {
				biasBuffers.put(name, old == null ? new double[bias.length] : old.bias().get(name).clone());
			}
			update(bias, g.dLdb().toArray(), biasBuffers, t, learningRate);

			String where = "update.layers[" + i + "].";
			check(weights, where + "weights");
			check(bias, where + "bias");
			Map<String, double[][]> weightState = new HashMap<>();
			for (String name : bufferNames()) {
				check(weightBuffers.get(name), "optimizerState.layers[" + i + "].weights." + name);
				check(biasBuffers.get(name), "optimizerState.layers[" + i + "].bias." + name);
				weightState.put(name, new RowMajorMatrix(rows, columns, weightBuffers.get(name)).getData());
			}
			layers.add(new Layer(new RowMajorMatrix(rows, columns, weights), new ArrayRealVector(bias, false),
					layer.activation()));
			states.add(new OptimizerState.LayerState(weightState, biasBuffers));
		}
		return new Update(new Network(layers), new OptimizerState(t, bufferNames().isEmpty() ? List.of() : states));
	}

	/**
	 * g + wd·θ, PyTorch's L2 weight decay, added to the gradient before the rule sees it.
	 */
	static double[] withWeightDecay(double[] grad, double[] theta, double weightDecay) {
		if (weightDecay == 0.0) {
			return grad;
		}
		double[] g = new double[grad.length];
		for (int k = 0; k < g.length; k++) {
			g[k] = grad[k] + weightDecay * theta[k];
		}
		return g;
	}

	/** PyTorch's lerp, a + w·(b − a), computed from the nearer end as its kernel does. */
	static double lerp(double a, double b, double w) {
		return w < 0.5 ? a + w * (b - a) : b - (b - a) * (1.0 - w);
	}

	/** A copy of a buffer's rows, row after row. */
	private static double[] flat(double[][] rows) {
		return RowMajorMatrix.ofRows(rows).data();
	}

	private static void check(double[] values, String quantity) {
		if (!Matrices.isFinite(values)) {
			throw new NonFiniteValueException(quantity);
		}
	}

}
