package lab.backprop.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealMatrix;
import lab.backprop.engine.linalg.MatrixProducts;
import lab.backprop.engine.linalg.Matrices;

/**
 * Over random networks (0–2 hidden layers of any activation, widths 1–4, batch 1–4) whose
 * output layer is saturated (every |z| between about 6 and 40) and whose labels are 0 or
 * 1 (±1 for tanh's squared errors; one-hot for softmax), mostly near the prediction and
 * sometimes opposite: the forward pass, the loss and the output layer's gradients are
 * each within 1e-12 of the exact step ({@link ExactStep}), relative to the largest
 * element of their array. Where an element is a sum (z, dL/dW, dL/db, dL/dInput) whose
 * terms cancel, the bound is relative to the sum of their magnitudes instead when that is
 * larger: what a sum of doubles can achieve, and what docs/numerics.md promises.
 *
 * <p>
 * Every activation meets every loss whose logarithms it can take: binary cross-entropy
 * needs ŷ < 1, so it follows sigmoid, tanh and softmax only (its edges with ReLU, leaky
 * ReLU and linear outputs are in {@link SaturatedOutputTest}).
 */
class SaturatedNetworksPropertyTest {

	private static final double TOLERANCE = 1e-12;

	private static final ExactStep EXACT = new ExactStep(100);

	record Case(Network network, RealMatrix inputs, RealMatrix labels, Loss loss) {

		@Override
		public String toString() {
			List<String> layers = new ArrayList<>();
			for (Layer layer : network.layers()) {
				layers.add(layer.activation().wireName() + " W=" + Arrays.deepToString(Matrices.rows(layer.weights()))
						+ " b=" + Arrays.toString(layer.bias().toArray()));
			}
			return layers + " x=" + Arrays.deepToString(Matrices.rows(inputs)) + " y="
					+ Arrays.deepToString(Matrices.rows(labels)) + " " + loss.wireName();
		}
	}

	@Provide
	Arbitrary<Case> saturatedNetworks() {
		return Combinators
			.combine(Arbitraries.integers().between(0, 2), Arbitraries.of(Activation.values()),
					Arbitraries.of(Loss.values()), Arbitraries.integers().between(1, 4), Arbitraries.longs())
			.filter((hidden, output, loss, batch, seed) -> loss != Loss.BINARY_CROSS_ENTROPY
					|| output == Activation.SIGMOID || output == Activation.TANH || output == Activation.SOFTMAX)
			.as(SaturatedNetworksPropertyTest::build);
	}

	private static Case build(int hidden, Activation output, Loss loss, int batch, long seed) {
		Random random = new Random(seed);
		int width = 1 + random.nextInt(4);
		double[][] x = uniform(random, batch, width, 1.0);
		List<Layer> layers = new ArrayList<>();
		for (int l = 0; l < hidden; l++) {
			int next = 1 + random.nextInt(4);
			Activation activation = Activation.values()[random.nextInt(Activation.values().length)];
			layers.add(new Layer(Matrices.of(uniform(random, width, next, 1.0 / width)),
					new ArrayRealVector(uniform(random, 1, next, 0.5)[0]), activation));
			width = next;
		}
		int outputs = output == Activation.SOFTMAX ? 2 + random.nextInt(3) : 1 + random.nextInt(4);
		// weights of at most 1/fan-in keep every hidden output and x·W within ±2; with a
		// bias of 10 to 38 of either sign, every z is far from 0 and |z| ≤ 40
		double[] bias = new double[outputs];
		for (int j = 0; j < outputs; j++) {
			bias[j] = (random.nextBoolean() ? 1 : -1) * (10 + 28 * random.nextDouble());
		}
		layers.add(new Layer(Matrices.of(uniform(random, width, outputs, 1.0 / width)), new ArrayRealVector(bias),
				output));
		Network network = new Network(layers);
		RealMatrix inputs = Matrices.of(x);
		RealMatrix z = ForwardPass
			.run(network, inputs, Matrices.of(new double[batch][outputs]), Loss.MSE, MatrixProducts.COMMONS_MATH,
					"forward")
			.outputLayer()
			.z();
		return new Case(network, inputs, Matrices.of(labels(random, output, loss, Matrices.rows(z))), loss);
	}

	/** Mostly the label the output is near, one in four times the opposite one. */
	private static double[][] labels(Random random, Activation output, Loss loss, double[][] z) {
		boolean logs = loss == Loss.BINARY_CROSS_ENTROPY || loss == Loss.CROSS_ENTROPY;
		double[][] y = new double[z.length][z[0].length];
		for (int i = 0; i < z.length; i++) {
			if (output == Activation.SOFTMAX) {
				int top = 0;
				for (int j = 1; j < z[i].length; j++) {
					top = z[i][j] > z[i][top] ? j : top;
				}
				y[i][random.nextInt(4) == 0 ? random.nextInt(z[i].length) : top] = 1;
				continue;
			}
			for (int j = 0; j < z[i].length; j++) {
				boolean right = random.nextInt(4) != 0;
				boolean positive = z[i][j] > 0;
				if (output == Activation.TANH && !logs) {
					y[i][j] = positive == right ? 1 : -1;
				}
				else if (output == Activation.SIGMOID || !logs) {
					y[i][j] = positive == right ? 1 : 0;
				}
				else {
					// a label of 1 needs ŷ > 0 to have a logarithm
					y[i][j] = positive && right ? 1 : 0;
				}
			}
		}
		return y;
	}

	@Property(tries = 300)
	void everyValueOfASaturatedOutputLayerIsExact(@ForAll("saturatedNetworks") Case c) {
		ExactStep.Values exact = EXACT.of(c.network(), c.inputs(), c.labels(), c.loss());
		ForwardPass forward = ForwardPass.run(c.network(), c.inputs(), c.labels(), c.loss(),
				MatrixProducts.COMMONS_MATH, "forward");
		for (double[] row : Matrices.rows(forward.outputLayer().z())) {
			for (double v : row) {
				assertThat(Math.abs(v)).as("the output layer is saturated").isGreaterThan(5.0);
			}
		}
		BackwardPass backward = BackwardPass.run(c.network(), forward, c.labels(), c.loss(),
				MatrixProducts.COMMONS_MATH);
		Deviations deviations = Deviations.of(forward, backward, exact, true);
		assertThat(deviations.largest()).as("%s", deviations).isLessThanOrEqualTo(TOLERANCE);
	}

	private static double[][] uniform(Random random, int rows, int columns, double range) {
		double[][] m = new double[rows][columns];
		for (int i = 0; i < rows; i++) {
			for (int j = 0; j < columns; j++) {
				m[i][j] = (2 * random.nextDouble() - 1) * range;
			}
		}
		return m;
	}

}
