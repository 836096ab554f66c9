package lab.backprop.engine.optim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealMatrix;

import lab.backprop.engine.BackwardPass;
import lab.backprop.engine.Layer;
import lab.backprop.engine.Network;
import lab.backprop.engine.NonFiniteValueException;
import lab.backprop.engine.linalg.Halves;
import lab.backprop.engine.linalg.Matrices;
import lab.backprop.engine.linalg.RowMajorMatrix;

/**
 * An optimizer whose rule acts on each parameter element by element, as PyTorch's do: the
 * subclass writes the rule for an array of parameters (a weight matrix row after row, or
 * a bias) with the matching arrays of the gradient and of its buffers; this class walks
 * the network.
 */
public interface TensorOptimizer extends Optimizer {

	/**
	 * One tensor of parameters, row after row, and the rule's buffers for it by name,
	 * each as long as {@code values}.
	 */
	record Tensor(double[] values, Map<String, double[]> buffers) {

		public double[] buffer(String name) {
			return buffers.get(name);
		}

	}

	/**
	 * The rule on the elements {@code from} (inclusive) to {@code to} of one tensor:
	 * reads the parameters and buffers of {@code now} and the gradient, and writes the
	 * new ones into {@code next}. {@code next} may hold the very arrays of {@code now}
	 * (an update in place): the rule reads each element before it writes it. A large
	 * tensor is updated in two ranges at once, on two cores.
	 * @param now before the first step every buffer is all zeros
	 * @param t the number of this step, 1 for the first
	 */
	void update(Tensor now, double[] grad, Tensor next, long t, double lr, int from, int to);

	/**
	 * {@link #update} that also says whether every value it wrote (the new parameters and
	 * buffers from {@code from} to {@code to}) is finite; {@code false} when one may not
	 * be (the arrays are then checked one by one to name it). By default the written
	 * ranges are read again; a rule can check its values in its own loop instead, while
	 * they are in registers (one pass over memory instead of two).
	 */
	default boolean updateAndCheck(Tensor now, double[] grad, Tensor next, long t, double lr, int from, int to) {
		update(now, grad, next, t, lr, from, to);
		boolean finite = Matrices.isFinite(next.values(), from, to);
		for (String name : bufferNames()) {
			finite &= Matrices.isFinite(next.buffer(name), from, to);
		}
		return finite;
	}

	/**
	 * Tensors from this many parameters on are updated on two cores ({@link Halves}):
	 * about a tenth of a millisecond of work.
	 */
	int SHARED_SIZE = 1 << 15;

	@Override
	default Update step(Network network, BackwardPass gradients, double learningRate, OptimizerState state) {
		return step(network, gradients, learningRate, state, null);
	}

	/**
	 * The new parameters and buffers are written into {@code spare}'s arrays when it is
	 * given, else into new ones. Reading the old values and writing the new ones in one
	 * pass, into arrays kept from two steps before, a training loop copies and allocates
	 * nothing per step; the old parameters stay as they were, for a step that does not
	 * end finite.
	 */
	@Override
	default Update step(Network network, BackwardPass gradients, double learningRate, OptimizerState state,
			Update spare) {
		long t = state.step() + 1;
		List<Layer> layers = new ArrayList<>(network.depth());
		List<OptimizerState.LayerState> states = new ArrayList<>(network.depth());
		for (int i = 0; i < network.depth(); i++) {
			Layer layer = network.layer(i);
			BackwardPass.LayerGradients g = gradients.layers().get(i);
			OptimizerState.LayerState old = state.layers().isEmpty() ? null : state.layers().get(i);
			Layer spareLayer = spare == null ? null : spare.network().layer(i);
			OptimizerState.LayerState spareState = spare == null || spare.state().layers().isEmpty() ? null
					: spare.state().layers().get(i);

			// An element-wise rule sees the whole weight matrix as one row of parameters.
			Tensor weights = new Tensor(Matrices.data(layer.weights()),
					buffers(old == null ? null : old.weights(), Matrices::data, layer.inputs() * layer.outputs()));
			Tensor newWeights = new Tensor(
					spareLayer == null ? new double[weights.values().length] : Matrices.data(spareLayer.weights()),
					buffers(spareState == null ? null : spareState.weights(), Matrices::data, weights.values().length));
			boolean[] weightsFinite = apply(weights, Matrices.data(g.dLdW()), newWeights, t, learningRate);

			Tensor bias = new Tensor(Matrices.data(layer.bias()),
					buffers(old == null ? null : old.bias(), values -> values, layer.outputs()));
			Tensor newBias = new Tensor(
					spareLayer == null ? new double[layer.outputs()] : Matrices.data(spareLayer.bias()),
					buffers(spareState == null ? null : spareState.bias(), values -> values, layer.outputs()));
			boolean[] biasFinite = apply(bias, Matrices.data(g.dLdb()), newBias, t, learningRate);

			String where = "update.layers[" + i + "].";
			check(weightsFinite[0], where + "weights");
			check(biasFinite[0], where + "bias");
			Map<String, RealMatrix> weightState = new HashMap<>();
			for (int b = 0; b < bufferNames().size(); b++) {
				String name = bufferNames().get(b);
				check(weightsFinite[b + 1], "optimizerState.layers[" + i + "].weights." + name);
				check(biasFinite[b + 1], "optimizerState.layers[" + i + "].bias." + name);
				weightState.put(name, new RowMajorMatrix(layer.inputs(), layer.outputs(), newWeights.buffer(name)));
			}
			layers.add(new Layer(new RowMajorMatrix(layer.inputs(), layer.outputs(), newWeights.values()),
					new ArrayRealVector(newBias.values(), false), layer.activation()));
			states.add(new OptimizerState.LayerState(weightState, newBias.buffers()));
		}
		return new Update(new Network(layers), new OptimizerState(t, bufferNames().isEmpty() ? List.of() : states));
	}

	/**
	 * Runs the rule over a whole tensor, on two cores when it is large, and says which of
	 * the new arrays are finite: the values first, then the buffers in
	 * {@link #bufferNames()}'s order. The rule checks what it writes as it goes; only
	 * when that finds something not finite are the arrays read one by one to say which.
	 */
	private boolean[] apply(Tensor now, double[] grad, Tensor next, long t, double lr) {
		// one answer per range: the first, and the second when there are two
		boolean[] rangesFinite = { true, true };
		int size = now.values().length;
		Halves.run(size, size >= SHARED_SIZE,
				(from, to) -> rangesFinite[from == 0 ? 0 : 1] = updateAndCheck(now, grad, next, t, lr, from, to));
		List<double[]> written = new ArrayList<>();
		written.add(next.values());
		for (String name : bufferNames()) {
			written.add(next.buffer(name));
		}
		boolean[] finite = new boolean[written.size()];
		for (int j = 0; j < written.size(); j++) {
			finite[j] = rangesFinite[0] && rangesFinite[1] || Matrices.isFinite(written.get(j));
		}
		return finite;
	}

	/**
	 * The rule's buffers as arrays: those of {@code kept} (a state's), or new ones of
	 * zeros when there are none yet.
	 */
	private <T> Map<String, double[]> buffers(Map<String, T> kept, Function<T, double[]> array, int length) {
		Map<String, double[]> buffers = new HashMap<>();
		for (String name : bufferNames()) {
			buffers.put(name, kept == null ? new double[length] : array.apply(kept.get(name)));
		}
		return buffers;
	}

	/**
	 * g + wd·θ, PyTorch's L2 weight decay, added to the gradient before the rule sees it
	 * (nothing is added without it, so a gradient of −0 stays −0).
	 */
	static double withWeightDecay(double grad, double theta, double weightDecay) {
		return weightDecay == 0.0 ? grad : grad + weightDecay * theta;
	}

	/** PyTorch's lerp, a + w·(b − a), computed from the nearer end as its kernel does. */
	static double lerp(double a, double b, double w) {
		return w < 0.5 ? a + w * (b - a) : b - (b - a) * (1.0 - w);
	}

	private static void check(boolean finite, String quantity) {
		if (!finite) {
			throw new NonFiniteValueException(quantity);
		}
	}

}
