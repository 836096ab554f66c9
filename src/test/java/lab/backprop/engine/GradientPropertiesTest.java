package lab.backprop.engine;

import static lab.backprop.NumericAssertions.assertNear;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealMatrix;
import lab.backprop.engine.linalg.MatrixProducts;
import lab.backprop.engine.linalg.Matrices;

/**
 * Over random dense networks (depth 1–4, widths 1–6, batch 1–5, every activation, every
 * loss with an output activation it is defined for): the analytic gradients agree with
 * central finite differences of the reported loss, the update is exactly θ − η·g, and
 * `after` is a fresh forward pass with the updated parameters.
 */
class GradientPropertiesTest {

	private static final double H = 1e-6;

	private static final double TOLERANCE = 1e-6;

	private final TrainingStep step = new TrainingStep();

	record Case(Network network, RealMatrix inputs, RealMatrix labels, Loss loss, double learningRate) {

		@Override
		public String toString() {
			List<String> layers = new ArrayList<>();
			for (Layer layer : network.layers()) {
				layers.add(layer.inputs() + "→" + layer.outputs() + " " + layer.activation().wireName());
			}
			return layers + " batch " + inputs.getRowDimension() + " " + loss.wireName();
		}
	}

	@Provide
	Arbitrary<Case> networks() {
		Arbitrary<Integer> depth = Arbitraries.integers().between(1, 4);
		return depth.flatMap(
				d -> Combinators
					.combine(Arbitraries.integers().between(1, 6).list().ofSize(d + 1),
							Arbitraries.of(Activation.values()).list().ofSize(d), Arbitraries.of(Loss.values()),
							Arbitraries.integers().between(1, 5), Arbitraries.longs())
					.as(GradientPropertiesTest::build));
	}

	private static Case build(List<Integer> widths, List<Activation> activations, Loss loss, int batch, long seed) {
		Random random = new Random(seed);
		List<Activation> chosen = new ArrayList<>(activations);
		boolean probabilities = loss == Loss.BINARY_CROSS_ENTROPY || loss == Loss.CROSS_ENTROPY;
		if (probabilities && chosen.get(chosen.size() - 1) != Activation.SIGMOID
				&& chosen.get(chosen.size() - 1) != Activation.SOFTMAX) {
			chosen.set(chosen.size() - 1, random.nextBoolean() ? Activation.SIGMOID : Activation.SOFTMAX);
		}
		int last = chosen.size() - 1;
		if (loss == Loss.BINARY_CROSS_ENTROPY && chosen.get(last) == Activation.SOFTMAX && widths.get(last + 1) == 1) {
			// a softmax over one output is exactly 1, whose binary cross-entropy is truly
			// infinite (a 422)
			chosen.set(last, Activation.SIGMOID);
		}
		List<Layer> layers = new ArrayList<>();
		for (int i = 0; i < chosen.size(); i++) {
			layers.add(new Layer(Matrices.of(uniform(random, widths.get(i), widths.get(i + 1), 1.5)),
					new ArrayRealVector(uniform(random, 1, widths.get(i + 1), 0.5)[0]), chosen.get(i)));
		}
		int outputs = widths.get(widths.size() - 1);
		double[][] labels = probabilities ? probabilities(random, batch, outputs)
				: uniform(random, batch, outputs, 1.0);
		return new Case(new Network(layers), Matrices.of(uniform(random, batch, widths.get(0), 2.0)),
				Matrices.of(labels), loss, 0.01 + random.nextDouble());
	}

	@Property(tries = 300)
	void gradientsAgreeWithFiniteDifferences(@ForAll("networks") Case c) {
		TrainingStep.Result result = stepOf(c);
		Assume.that(awayFromKinks(result.forward()));

		for (int l = 0; l < c.network().depth(); l++) {
			Layer layer = c.network().layer(l);
			BackwardPass.LayerGradients g = result.backward().layers().get(l);
			for (int i = 0; i < layer.inputs(); i++) {
				for (int j = 0; j < layer.outputs(); j++) {
					double numeric = centralDifference(c, l, i, j, false);
					assertNear("dL/dW layer " + l + " [" + i + "][" + j + "] of " + c, g.dLdW().getEntry(i, j), numeric,
							TOLERANCE);
				}
			}
			for (int j = 0; j < layer.outputs(); j++) {
				assertNear("dL/db layer " + l + " [" + j + "] of " + c, g.dLdb().getEntry(j),
						centralDifference(c, l, 0, j, true), TOLERANCE);
			}
		}
		RealMatrix dLdInputs = result.backward().layers().get(0).dLdInput();
		for (int n = 0; n < c.inputs().getRowDimension(); n++) {
			for (int f = 0; f < c.inputs().getColumnDimension(); f++) {
				assertNear("dL/dInput [" + n + "][" + f + "] of " + c, dLdInputs.getEntry(n, f),
						inputDifference(c, n, f), TOLERANCE);
			}
		}
	}

	@Property(tries = 300)
	void updateIsParameterMinusLearningRateTimesGradient(@ForAll("networks") Case c) {
		TrainingStep.Result result = stepOf(c);
		double eta = c.learningRate();
		for (int l = 0; l < c.network().depth(); l++) {
			Layer before = c.network().layer(l);
			Layer after = result.updated().layer(l);
			BackwardPass.LayerGradients g = result.backward().layers().get(l);
			assertThat(after.activation()).isEqualTo(before.activation());
			for (int i = 0; i < before.inputs(); i++) {
				for (int j = 0; j < before.outputs(); j++) {
					assertThat(after.weights().getEntry(i, j))
						.isEqualTo(before.weights().getEntry(i, j) - eta * g.dLdW().getEntry(i, j));
				}
			}
			for (int j = 0; j < before.outputs(); j++) {
				assertThat(after.bias().getEntry(j)).isEqualTo(before.bias().getEntry(j) - eta * g.dLdb().getEntry(j));
			}
		}
	}

	@Property(tries = 300)
	void afterIsAFreshForwardPassWithTheUpdatedParameters(@ForAll("networks") Case c) {
		TrainingStep.Result result = stepOf(c);
		ForwardPass fresh = ForwardPass.run(result.updated(), c.inputs(), c.labels(), c.loss(),
				MatrixProducts.COMMONS_MATH, "check");
		assertThat(result.after().loss()).isEqualTo(fresh.loss());
		assertThat(result.after().prediction().getData()).isDeepEqualTo(fresh.prediction().getData());
		assertThat(result.lossChange()).isEqualTo(fresh.loss() - result.forward().loss());
	}

	private TrainingStep.Result stepOf(Case c) {
		return step.run(c.network(), c.inputs(), c.labels(), c.loss(), c.learningRate());
	}

	/** (L(θ + h) − L(θ − h)) / 2h for one weight (or bias) of layer l. */
	private double centralDifference(Case c, int l, int i, int j, boolean bias) {
		double[] losses = new double[2];
		for (int s = 0; s < 2; s++) {
			double delta = s == 0 ? H : -H;
			List<Layer> layers = new ArrayList<>(c.network().layers());
			Layer layer = layers.get(l);
			RealMatrix weights = layer.weights().copy();
			ArrayRealVector b = new ArrayRealVector(layer.bias());
			if (bias) {
				b.setEntry(j, b.getEntry(j) + delta);
			}
			else {
				weights.setEntry(i, j, weights.getEntry(i, j) + delta);
			}
			layers.set(l, new Layer(weights, b, layer.activation()));
			losses[s] = loss(new Network(layers), c.inputs(), c);
		}
		return (losses[0] - losses[1]) / (2 * H);
	}

	private double inputDifference(Case c, int n, int f) {
		RealMatrix plus = c.inputs().copy();
		RealMatrix minus = c.inputs().copy();
		plus.addToEntry(n, f, H);
		minus.addToEntry(n, f, -H);
		return (loss(c.network(), plus, c) - loss(c.network(), minus, c)) / (2 * H);
	}

	private static double loss(Network network, RealMatrix inputs, Case c) {
		return ForwardPass.run(network, inputs, c.labels(), c.loss(), MatrixProducts.COMMONS_MATH, "check").loss();
	}

	/**
	 * ReLU and leaky ReLU have a kink at 0, where a finite difference straddling it means
	 * nothing.
	 */
	private static boolean awayFromKinks(ForwardPass forward) {
		for (ForwardPass.LayerValues layer : forward.layers()) {
			if (layer.activation() == Activation.RELU || layer.activation() == Activation.LEAKY_RELU) {
				for (double[] row : layer.z().getData()) {
					for (double z : row) {
						if (Math.abs(z) < 1e-4) {
							return false;
						}
					}
				}
			}
		}
		return true;
	}

	private static double[][] uniform(Random random, int rows, int columns, double scale) {
		double[][] values = new double[rows][columns];
		for (double[] row : values) {
			for (int j = 0; j < columns; j++) {
				row[j] = (2 * random.nextDouble() - 1) * scale;
			}
		}
		return values;
	}

	/** Rows of non-negative labels summing to 1 (one-hot or soft), as classifiers use. */
	private static double[][] probabilities(Random random, int rows, int columns) {
		double[][] values = new double[rows][columns];
		for (double[] row : values) {
			if (random.nextBoolean()) {
				row[random.nextInt(columns)] = 1.0;
			}
			else {
				double sum = 0;
				for (int j = 0; j < columns; j++) {
					row[j] = random.nextDouble();
					sum += row[j];
				}
				for (int j = 0; j < columns; j++) {
					row[j] /= sum;
				}
			}
		}
		return values;
	}

}
