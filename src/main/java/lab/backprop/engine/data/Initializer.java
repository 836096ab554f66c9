package lab.backprop.engine.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.commons.math3.linear.ArrayRealVector;

import lab.backprop.engine.Activation;
import lab.backprop.engine.Layer;
import lab.backprop.engine.Network;
import lab.backprop.engine.linalg.Matrices;

/**
 * Starting weights: each drawn uniformly from [−bound, bound), biases 0. The bounds are
 * PyTorch's {@code torch.nn.init} ones for a layer with fan_in inputs and fan_out
 * outputs.
 */
public enum Initializer {

	/** Glorot (Xavier) uniform: √(6 / (fan_in + fan_out)), {@code xavier_uniform_}. */
	XAVIER {
		@Override
		public double bound(int fanIn, int fanOut) {
			return StrictMath.sqrt(6.0 / (fanIn + fanOut));
		}
	},

	/**
	 * He (Kaiming) uniform for ReLU layers: √(6 / fan_in), {@code kaiming_uniform_} with
	 * {@code nonlinearity='relu'}.
	 */
	HE {
		@Override
		public double bound(int fanIn, int fanOut) {
			return StrictMath.sqrt(6.0 / fanIn);
		}
	},

	/** Uniform in [−0.5, 0.5), whatever the layer's size (as TensorFlow Playground). */
	UNIFORM {
		@Override
		public double bound(int fanIn, int fanOut) {
			return 0.5;
		}
	};

	/** The half-width of the weights' interval for a layer of this size. */
	public abstract double bound(int fanIn, int fanOut);

	public String wireName() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * A network of {@code sizes.length − 1} layers (layer l takes sizes[l] inputs and
	 * gives sizes[l + 1] outputs), drawn from one {@link SeededRandom} of {@code seed}:
	 * layer by layer, first to last, each weight matrix row by row (inputs × outputs).
	 */
	public Network network(int[] sizes, List<Activation> activations, long seed) {
		if (sizes.length < 2 || activations.size() != sizes.length - 1) {
			throw new IllegalArgumentException(
					sizes.length + " sizes need " + (sizes.length - 1) + " activations, not " + activations.size());
		}
		SeededRandom random = new SeededRandom(seed);
		List<Layer> layers = new ArrayList<>(activations.size());
		for (int l = 0; l + 1 < sizes.length; l++) {
			int in = sizes[l];
			int out = sizes[l + 1];
			double bound = bound(in, out);
			double[][] weights = new double[in][out];
			for (double[] row : weights) {
				for (int j = 0; j < out; j++) {
					row[j] = random.uniform(-bound, bound);
				}
			}
			layers.add(new Layer(Matrices.of(weights), new ArrayRealVector(out), activations.get(l)));
		}
		return new Network(layers);
	}

}
