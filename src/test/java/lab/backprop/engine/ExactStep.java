package lab.backprop.engine;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;
import java.util.function.BinaryOperator;

import org.apache.commons.math3.linear.RealMatrix;

/**
 * The forward pass, the loss and the output layer's gradients of one step, in
 * {@link BigDecimal} to a chosen number of digits: the exact values the engine's doubles
 * are held to. Every formula is the textbook one, written out plainly (σ(z)(1 − σ(z)),
 * the full softmax Jacobian, ŷ − y, 1/(1 − ŷ)): with a hundred digits, the differences
 * that lose every digit of a double keep sixty. It shares no code with the engine beyond
 * the two enums that name the activation and the loss.
 *
 * <p>
 * For the products ({@code z}, dL/dW, dL/db, dL/dInput), each element also has the sum of
 * its terms' magnitudes: the scale a double sum can be accurate to when its terms cancel.
 */
final class ExactStep {

	/**
	 * The leaky ReLU's slope below 0, the double 0.01 exactly: that is the function the
	 * engine and PyTorch compute.
	 */
	private static final BigDecimal LEAKY_SLOPE = new BigDecimal(0.01);

	/** One step's exact values; {@code dOutputdZ} is null for softmax (a Jacobian). */
	record Values(BigDecimal[][] z, BigDecimal[][] zScale, BigDecimal[][] prediction, BigDecimal loss,
			BigDecimal[][] dLdPrediction, BigDecimal[][] dOutputdZ, BigDecimal[][] dLdZ, BigDecimal[][] dLdW,
			BigDecimal[][] dLdWScale, BigDecimal[][] dLdb, BigDecimal[][] dLdbScale, BigDecimal[][] dLdInput,
			BigDecimal[][] dLdInputScale) {
	}

	private final HighPrecision hp;

	private final MathContext mc;

	ExactStep(int digits) {
		this.hp = new HighPrecision(digits);
		this.mc = hp.context();
	}

	Values of(Network network, RealMatrix inputs, RealMatrix labels, Loss loss) {
		BigDecimal[][] input = exact(inputs);
		BigDecimal[][] z = null;
		BigDecimal[][] zScale = null;
		BigDecimal[][] output = input;
		for (Layer layer : network.layers()) {
			input = output;
			BigDecimal[][] weights = exact(layer.weights());
			BigDecimal[][] bias = { exact(layer.bias().toArray()) };
			z = add(product(input, weights, BigDecimal::multiply), bias, BigDecimal::add);
			zScale = add(product(abs(input), abs(weights), BigDecimal::multiply), abs(bias), BigDecimal::add);
			output = activate(layer.activation(), z);
		}
		Layer last = network.outputLayer();
		BigDecimal[][] y = exact(labels);
		BigDecimal[][] g = dLdPrediction(loss, output, y);
		BigDecimal[][] slope = slope(last.activation(), z, output);
		BigDecimal[][] dLdZ = slope == null ? softmaxChain(output, g) : add(g, slope, BigDecimal::multiply);
		BigDecimal[][] weightsT = transpose(exact(last.weights()));
		BigDecimal[][] inputT = transpose(input);
		BigDecimal[][] ones = new BigDecimal[1][input.length];
		Arrays.fill(ones[0], BigDecimal.ONE);
		return new Values(z, zScale, output, loss(loss, output, y), g, slope, dLdZ, product(inputT, dLdZ),
				product(abs(inputT), abs(dLdZ)), product(ones, dLdZ), product(ones, abs(dLdZ)), product(dLdZ, weightsT),
				product(abs(dLdZ), abs(weightsT)));
	}

	private BigDecimal[][] activate(Activation activation, BigDecimal[][] z) {
		BigDecimal[][] a = new BigDecimal[z.length][z[0].length];
		for (int i = 0; i < z.length; i++) {
			BigDecimal total = BigDecimal.ZERO;
			for (int j = 0; j < z[i].length; j++) {
				BigDecimal v = z[i][j];
				a[i][j] = switch (activation) {
					case SIGMOID -> hp.sigmoid(v);
					case TANH -> hp.tanh(v);
					case RELU -> v.signum() > 0 ? v : BigDecimal.ZERO;
					case LEAKY_RELU -> v.signum() > 0 ? v : v.multiply(LEAKY_SLOPE, mc);
					case LINEAR -> v;
					case SOFTMAX -> hp.exp(v);
				};
				total = total.add(a[i][j], mc);
			}
			if (activation == Activation.SOFTMAX) {
				for (int j = 0; j < z[i].length; j++) {
					a[i][j] = a[i][j].divide(total, mc);
				}
			}
		}
		return a;
	}

	private BigDecimal[][] slope(Activation activation, BigDecimal[][] z, BigDecimal[][] a) {
		if (activation == Activation.SOFTMAX) {
			return null;
		}
		BigDecimal[][] s = new BigDecimal[z.length][z[0].length];
		for (int i = 0; i < z.length; i++) {
			for (int j = 0; j < z[i].length; j++) {
				BigDecimal v = z[i][j];
				BigDecimal out = a[i][j];
				s[i][j] = switch (activation) {
					case SIGMOID -> out.multiply(BigDecimal.ONE.subtract(out), mc);
					case TANH -> BigDecimal.ONE.subtract(out.multiply(out), mc);
					case RELU -> v.signum() > 0 ? BigDecimal.ONE : BigDecimal.ZERO;
					case LEAKY_RELU -> v.signum() > 0 ? BigDecimal.ONE : LEAKY_SLOPE;
					default -> BigDecimal.ONE;
				};
			}
		}
		return s;
	}

	/** dL/dz_j = Σ_k dL/da_k · a_k(δ_kj − a_j) = a_j (g_j − Σ_k a_k g_k). */
	private BigDecimal[][] softmaxChain(BigDecimal[][] a, BigDecimal[][] g) {
		BigDecimal[][] h = new BigDecimal[a.length][a[0].length];
		for (int i = 0; i < a.length; i++) {
			BigDecimal dot = BigDecimal.ZERO;
			for (int k = 0; k < a[i].length; k++) {
				dot = dot.add(a[i][k].multiply(g[i][k], mc), mc);
			}
			for (int j = 0; j < a[i].length; j++) {
				h[i][j] = a[i][j].multiply(g[i][j].subtract(dot, mc), mc);
			}
		}
		return h;
	}

	private BigDecimal loss(Loss loss, BigDecimal[][] p, BigDecimal[][] y) {
		BigDecimal total = BigDecimal.ZERO;
		for (int i = 0; i < p.length; i++) {
			for (int k = 0; k < p[i].length; k++) {
				BigDecimal d = p[i][k].subtract(y[i][k], mc);
				BigDecimal term = switch (loss) {
					case MSE, SSE, QUADRATIC -> d.multiply(d, mc);
					case BINARY_CROSS_ENTROPY -> xLnY(y[i][k], p[i][k])
						.add(xLnY(BigDecimal.ONE.subtract(y[i][k]), BigDecimal.ONE.subtract(p[i][k])), mc)
						.negate();
					case CROSS_ENTROPY -> xLnY(y[i][k], p[i][k]).negate();
				};
				total = total.add(term, mc);
			}
		}
		return total.divide(lossDivisor(loss, y, false), mc);
	}

	private BigDecimal[][] dLdPrediction(Loss loss, BigDecimal[][] p, BigDecimal[][] y) {
		BigDecimal divisor = lossDivisor(loss, y, true);
		BigDecimal[][] g = new BigDecimal[p.length][p[0].length];
		for (int i = 0; i < p.length; i++) {
			for (int k = 0; k < p[i].length; k++) {
				BigDecimal d = p[i][k].subtract(y[i][k], mc);
				BigDecimal value = switch (loss) {
					case MSE, SSE -> d.multiply(BigDecimal.valueOf(2));
					case QUADRATIC -> d;
					case BINARY_CROSS_ENTROPY ->
						xOverY(BigDecimal.ONE.subtract(y[i][k]), BigDecimal.ONE.subtract(p[i][k]))
							.subtract(xOverY(y[i][k], p[i][k]), mc);
					case CROSS_ENTROPY -> xOverY(y[i][k], p[i][k]).negate();
				};
				g[i][k] = value.divide(divisor, mc);
			}
		}
		return g;
	}

	/**
	 * n·k for the element-wise means, n for the per-example ones (2n for the quadratic
	 * loss's value, whose ½ its gradient cancels), 1 for the sum.
	 */
	private static BigDecimal lossDivisor(Loss loss, BigDecimal[][] y, boolean gradient) {
		int n = y.length;
		int k = y[0].length;
		return BigDecimal.valueOf(switch (loss) {
			case MSE, BINARY_CROSS_ENTROPY -> (long) n * k;
			case QUADRATIC -> gradient ? n : 2L * n;
			case CROSS_ENTROPY -> n;
			case SSE -> 1;
		});
	}

	/** x·ln y, 0 where x is 0 (the engine's convention, also for y = 0). */
	private BigDecimal xLnY(BigDecimal x, BigDecimal y) {
		return x.signum() == 0 ? BigDecimal.ZERO : x.multiply(hp.ln(y), mc);
	}

	/** x/y, 0 where x is 0. */
	private BigDecimal xOverY(BigDecimal x, BigDecimal y) {
		return x.signum() == 0 ? BigDecimal.ZERO : x.divide(y, mc);
	}

	/** a · b, exactly. */
	private static BigDecimal[][] product(BigDecimal[][] a, BigDecimal[][] b) {
		return product(a, b, BigDecimal::multiply);
	}

	private static BigDecimal[][] product(BigDecimal[][] a, BigDecimal[][] b, BinaryOperator<BigDecimal> times) {
		BigDecimal[][] c = new BigDecimal[a.length][b[0].length];
		for (int i = 0; i < a.length; i++) {
			for (int j = 0; j < b[0].length; j++) {
				BigDecimal sum = BigDecimal.ZERO;
				for (int k = 0; k < b.length; k++) {
					sum = sum.add(times.apply(a[i][k], b[k][j]));
				}
				c[i][j] = sum;
			}
		}
		return c;
	}

	/**
	 * Element by element; a one-row {@code b} applies to every row (the bias).
	 */
	private static BigDecimal[][] add(BigDecimal[][] a, BigDecimal[][] b, BinaryOperator<BigDecimal> op) {
		BigDecimal[][] c = new BigDecimal[a.length][a[0].length];
		for (int i = 0; i < a.length; i++) {
			for (int j = 0; j < a[i].length; j++) {
				c[i][j] = op.apply(a[i][j], b[b.length == 1 ? 0 : i][j]);
			}
		}
		return c;
	}

	private static BigDecimal[][] abs(BigDecimal[][] a) {
		BigDecimal[][] c = new BigDecimal[a.length][a[0].length];
		for (int i = 0; i < a.length; i++) {
			for (int j = 0; j < a[i].length; j++) {
				c[i][j] = a[i][j].abs();
			}
		}
		return c;
	}

	private static BigDecimal[][] transpose(BigDecimal[][] a) {
		BigDecimal[][] t = new BigDecimal[a[0].length][a.length];
		for (int i = 0; i < a.length; i++) {
			for (int j = 0; j < a[i].length; j++) {
				t[j][i] = a[i][j];
			}
		}
		return t;
	}

	static BigDecimal[][] exact(RealMatrix m) {
		BigDecimal[][] e = new BigDecimal[m.getRowDimension()][];
		for (int i = 0; i < e.length; i++) {
			e[i] = exact(m.getRow(i));
		}
		return e;
	}

	static BigDecimal[] exact(double[] values) {
		BigDecimal[] e = new BigDecimal[values.length];
		for (int i = 0; i < values.length; i++) {
			e[i] = new BigDecimal(values[i]);
		}
		return e;
	}

}
