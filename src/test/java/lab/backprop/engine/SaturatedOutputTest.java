package lab.backprop.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import lab.backprop.engine.linalg.MatrixProducts;
import lab.backprop.engine.linalg.Matrices;

/**
 * Every activation × loss pair with its output layer driven into saturation (|z| up to
 * 40) or, for the activations that do not saturate, to the edge of the loss's domain: the
 * forward pass, the loss and the output layer's dL/dŷ, dŷ/dz, dL/dZ, dL/dW, dL/db and
 * dL/dInput, each element within 1e-12 of the exact value ({@link ExactStep}, 100 digits)
 * relative to the largest element of its array. Each case has its labels twice: every
 * prediction right and near certain (the gradients are tiny, and ŷ − y is where digits
 * were lost), and every one wrong.
 */
class SaturatedOutputTest {

	private static final double TOLERANCE = 1e-12;

	private static final ExactStep EXACT = new ExactStep(100);

	/** The same reference with 40 more digits: it must agree, or 100 were too few. */
	private static final ExactStep FINER = new ExactStep(140);

	private static final Map<String, Double> LARGEST = new TreeMap<>();

	/**
	 * Two examples, inputs (1, 1) and (1, −1): z₁ = w₁ + w₂ + b and z₂ = w₁ − w₂ + b, so
	 * the weights that give the chosen z are exact in doubles, and dL/dW and dL/db are
	 * sums over the batch.
	 */
	static Network network(Activation activation, double[][] z) {
		int outputs = z[0].length;
		double bias = 0.25;
		double[][] weights = new double[2][outputs];
		for (int j = 0; j < outputs; j++) {
			weights[0][j] = (z[0][j] + z[1][j]) / 2 - bias;
			weights[1][j] = (z[0][j] - z[1][j]) / 2;
		}
		double[] b = new double[outputs];
		Arrays.fill(b, bias);
		return new Network(List.of(new Layer(Matrices.of(weights), new ArrayRealVector(b), activation)));
	}

	static final RealMatrix INPUTS = Matrices.of(new double[][] { { 1, 1 }, { 1, -1 } });

	/**
	 * Far out on both tails, no two z alike but all of a size, so that no element's error
	 * hides behind a much larger one of its array; a column keeps its sign, so that dL/db
	 * is not a difference of two nearly equal terms (which a double sum cannot resolve:
	 * {@link SaturatedNetworksPropertyTest} measures those against their terms).
	 */
	private static final double[][] SATURATED = { { 40, -37.5 }, { 38.25, -39 } };

	/**
	 * Where ŷ itself is the prediction (ReLU, leaky ReLU, linear), binary cross-entropy
	 * needs 0 < ŷ < 1 for a label of 1: its edges.
	 */
	private static final double[][] EDGES = { { 1 - 0x1p-40, -37.5 }, { 0x1p-40, -39 } };

	private static final double[][] SOFTMAX = { { 40, 0, -37.5 }, { -30.25, 39, 1.5 } };

	static Stream<Arguments> cases() {
		List<Arguments> cases = new ArrayList<>();
		for (Activation activation : Activation.values()) {
			for (Loss loss : Loss.values()) {
				double[][] z = activation == Activation.SOFTMAX ? SOFTMAX : loss == Loss.BINARY_CROSS_ENTROPY
						&& activation != Activation.SIGMOID && activation != Activation.TANH ? EDGES : SATURATED;
				cases.add(Arguments.of(activation, loss, z, rightLabels(activation, loss, z), "right"));
				cases.add(Arguments.of(activation, loss, z, wrongLabels(activation, loss, z), "wrong"));
			}
		}
		return cases.stream();
	}

	/**
	 * The label each output is near: 1 above 0 and 0 below (−1 for tanh's squared
	 * errors); softmax: one-hot on each row's largest z.
	 */
	private static double[][] rightLabels(Activation activation, Loss loss, double[][] z) {
		double[][] y = new double[z.length][z[0].length];
		for (int i = 0; i < z.length; i++) {
			int top = 0;
			for (int j = 0; j < z[i].length; j++) {
				top = z[i][j] > z[i][top] ? j : top;
				boolean squared = loss != Loss.BINARY_CROSS_ENTROPY && loss != Loss.CROSS_ENTROPY;
				y[i][j] = z[i][j] > 0 ? 1 : activation == Activation.TANH && squared ? -1 : 0;
			}
			if (activation == Activation.SOFTMAX) {
				for (int j = 0; j < z[i].length; j++) {
					y[i][j] = j == top ? 1 : 0;
				}
			}
		}
		return y;
	}

	/**
	 * The opposite label; where a log would then be of a value ≤ 0 (a label of 1 on a
	 * prediction ≤ 0, which is truly infinite or undefined), the label stays 0.
	 */
	private static double[][] wrongLabels(Activation activation, Loss loss, double[][] z) {
		double[][] right = rightLabels(activation, loss, z);
		double[][] y = new double[z.length][z[0].length];
		for (int i = 0; i < z.length; i++) {
			for (int j = 0; j < z[i].length; j++) {
				if (activation == Activation.SOFTMAX) {
					y[i][j] = right[i][(j + 1) % z[i].length];
				}
				else if (right[i][j] == -1) {
					y[i][j] = 1;
				}
				else if (right[i][j] == 1) {
					y[i][j] = activation == Activation.TANH && loss != Loss.BINARY_CROSS_ENTROPY
							&& loss != Loss.CROSS_ENTROPY ? -1 : 0;
				}
				else {
					boolean positiveOutput = activation == Activation.SIGMOID;
					boolean logOfLabel = loss == Loss.BINARY_CROSS_ENTROPY || loss == Loss.CROSS_ENTROPY;
					y[i][j] = positiveOutput || !logOfLabel ? 1 : 0;
				}
			}
		}
		return y;
	}

	@ParameterizedTest(name = "{0} + {1}, {4} labels")
	@MethodSource("cases")
	void eachValueIsWithinOneInATrillionOfTheExactOne(Activation activation, Loss loss, double[][] z, double[][] labels,
			String which) {
		Network network = network(activation, z);
		RealMatrix y = Matrices.of(labels);
		ExactStep.Values exact = EXACT.of(network, INPUTS, y, loss);
		assertReferenceHasDigitsToSpare(exact, FINER.of(network, INPUTS, y, loss));

		Deviations deviations = engine(network, y, loss, exact);
		LARGEST.merge(activation.wireName() + " + " + loss.wireName(), deviations.largest(), Math::max);
		assertThat(deviations.largest()).as("%s + %s, %s labels: %s", activation, loss, which, deviations)
			.isLessThanOrEqualTo(TOLERANCE);
	}

	static Deviations engine(Network network, RealMatrix labels, Loss loss, ExactStep.Values exact) {
		try {
			ForwardPass forward = ForwardPass.run(network, INPUTS, labels, loss, MatrixProducts.COMMONS_MATH,
					"forward");
			BackwardPass backward = BackwardPass.run(network, forward, labels, loss, MatrixProducts.COMMONS_MATH);
			return Deviations.of(forward, backward, exact, false);
		}
		catch (NonFiniteValueException e) {
			return Deviations.refused();
		}
	}

	private static void assertReferenceHasDigitsToSpare(ExactStep.Values hundred, ExactStep.Values finer) {
		List<BigDecimal[][]> a = arrays(hundred);
		List<BigDecimal[][]> b = arrays(finer);
		for (int q = 0; q < a.size(); q++) {
			assertThat(deviation(a.get(q), b.get(q))).as("reference quantity %d at 100 vs 140 digits", q)
				.isLessThan(new BigDecimal("1E-40"));
		}
	}

	private static BigDecimal deviation(BigDecimal[][] a, BigDecimal[][] b) {
		BigDecimal largest = BigDecimal.ZERO;
		BigDecimal error = BigDecimal.ZERO;
		for (int i = 0; i < a.length; i++) {
			for (int j = 0; j < a[i].length; j++) {
				largest = largest.max(b[i][j].abs());
				error = error.max(a[i][j].subtract(b[i][j]).abs());
			}
		}
		return largest.signum() == 0 ? error : error.divide(largest, MathContext.DECIMAL64);
	}

	private static List<BigDecimal[][]> arrays(ExactStep.Values v) {
		List<BigDecimal[][]> list = new ArrayList<>(List.of(v.z(), v.prediction(), new BigDecimal[][] { { v.loss() } },
				v.dLdPrediction(), v.dLdZ(), v.dLdW(), v.dLdb(), v.dLdInput()));
		if (v.dOutputdZ() != null) {
			list.add(v.dOutputdZ());
		}
		return list;
	}

	@AfterAll
	static void report() {
		StringBuilder table = new StringBuilder("Largest deviation from the exact step, per activation + loss:\n");
		LARGEST.forEach((pair, value) -> table.append(String.format("  %-34s %.1e%n", pair, value)));
		System.out.print(table);
	}

}
