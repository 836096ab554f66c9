package lab.backprop.engine.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import lab.backprop.engine.Activation;
import lab.backprop.engine.Layer;
import lab.backprop.engine.Network;
import lab.backprop.engine.linalg.Matrices;

/**
 * The starting weights: PyTorch's bounds, written out from its {@code torch.nn.init}
 * formulas; uniform in [−bound, bound); biases 0; the documented draw order; a pin.
 */
class InitializerTest {

	/**
	 * torch.nn.init: xavier_uniform_ is gain · √(6 / (fan_in + fan_out)) with gain 1;
	 * kaiming_uniform_(a=0, nonlinearity='relu') is gain · √(3 / fan_in) with gain √2.
	 */
	@Test
	void theBoundsArePyTorchs() {
		assertThat(Initializer.XAVIER.bound(2, 8)).isEqualTo(Math.sqrt(6.0 / 10));
		assertThat(Initializer.XAVIER.bound(784, 256)).isCloseTo(1 * Math.sqrt(6.0 / (784 + 256)), within(1e-16));
		assertThat(Initializer.HE.bound(784, 256)).isCloseTo(Math.sqrt(2) * Math.sqrt(3.0 / 784), within(1e-16));
		assertThat(Initializer.UNIFORM.bound(784, 256)).isEqualTo(0.5);
	}

	@ParameterizedTest
	@EnumSource(Initializer.class)
	void shapesActivationsAndZeroBiases(Initializer init) {
		Network network = init.network(new int[] { 3, 5, 4, 2 },
				List.of(Activation.RELU, Activation.TANH, Activation.SOFTMAX), 9);
		assertThat(network.layers()).extracting(Layer::inputs).containsExactly(3, 5, 4);
		assertThat(network.layers()).extracting(Layer::outputs).containsExactly(5, 4, 2);
		assertThat(network.layers()).extracting(Layer::activation)
			.containsExactly(Activation.RELU, Activation.TANH, Activation.SOFTMAX);
		for (Layer layer : network.layers()) {
			assertThat(layer.bias().toArray()).containsOnly(0.0);
		}
	}

	/**
	 * A 400 × 300 layer: every weight in [−b, b); mean and variance of the uniform
	 * distribution (0 and b²/3) within 5 standard errors; Kolmogorov–Smirnov distance to
	 * its distribution function below the 0.1 % critical value 1.95 / √n.
	 */
	@ParameterizedTest
	@EnumSource(Initializer.class)
	void theWeightsAreUniformWithinTheBound(Initializer init) {
		int in = 400;
		int out = 300;
		double b = init.bound(in, out);
		double[] w = Matrices.data(init.network(new int[] { in, out }, List.of(Activation.RELU), 5).layer(0).weights());
		int n = w.length;
		assertThat(Arrays.stream(w).min().orElseThrow()).isGreaterThanOrEqualTo(-b);
		assertThat(Arrays.stream(w).max().orElseThrow()).isLessThan(b);
		double mean = Arrays.stream(w).average().orElseThrow();
		double variance = Arrays.stream(w).map(v -> (v - mean) * (v - mean)).sum() / (n - 1);
		// uniform on [−b, b]: σ² = b²/3; the variance of the sample variance is (μ₄ −
		// σ⁴)/n with μ₄ = b⁴/5
		assertThat(mean).isCloseTo(0, within(5 * Math.sqrt(b * b / 3 / n)));
		assertThat(variance).isCloseTo(b * b / 3, within(5 * Math.sqrt((b * b * b * b / 5 - b * b * b * b / 9) / n)));
		double[] sorted = w.clone();
		Arrays.sort(sorted);
		double ks = 0;
		for (int i = 0; i < n; i++) {
			double cdf = (sorted[i] + b) / (2 * b);
			ks = Math.max(ks, Math.max(Math.abs(cdf - (double) i / n), Math.abs((i + 1.0) / n - cdf)));
		}
		assertThat(ks).isLessThan(1.95 / Math.sqrt(n));
	}

	/**
	 * Layer by layer, each weight matrix row by row, one uniform draw each: −b + 2b · u.
	 */
	@Test
	void theDrawOrderIsLayerByLayerRowByRow() {
		Network network = Initializer.XAVIER.network(new int[] { 2, 3, 1 },
				List.of(Activation.TANH, Activation.SIGMOID), 4);
		SeededRandom random = new SeededRandom(4);
		for (Layer layer : network.layers()) {
			double b = Initializer.XAVIER.bound(layer.inputs(), layer.outputs());
			for (int i = 0; i < layer.inputs(); i++) {
				for (int j = 0; j < layer.outputs(); j++) {
					assertThat(layer.weights().getEntry(i, j)).isEqualTo(-b + 2 * b * random.uniform());
				}
			}
		}
	}

	/**
	 * Seed 1, sizes 2, 3, 1: written down once (Java 17 and 25 agree) to detect a change.
	 */
	@Test
	void pinnedWeights() {
		Network network = Initializer.XAVIER.network(new int[] { 2, 3, 1 },
				List.of(Activation.TANH, Activation.SIGMOID), 1);
		assertThat(Matrices.rows(network.layer(0).weights()))
			.isDeepEqualTo(new double[][] { { 0.1458291047397362, 0.5384808507041623, 1.0319153311461422 },
					{ -0.12190284774320936, -0.12210992242681096, 0.5759727547667008 } });
		assertThat(Matrices.rows(network.layer(1).weights())).isDeepEqualTo(
				new double[][] { { 0.9243117376815442 }, { 0.056502820439913615 }, { -0.5253942774856997 } });
		Network he = Initializer.HE.network(new int[] { 2, 3, 1 }, List.of(Activation.RELU, Activation.LINEAR), 1);
		assertThat(he.layer(0).weights().getEntry(0, 0)).isEqualTo(0.2305760600604112);
	}

}
