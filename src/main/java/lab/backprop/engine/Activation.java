package lab.backprop.engine;

import java.util.Locale;

import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;

import lab.backprop.engine.fdlibm.FdLibm;
import lab.backprop.engine.linalg.Matrices;
import lab.backprop.engine.linalg.RowMajorMatrix;

/**
 * The activation functions a layer can apply to its weighted sums z, with their
 * derivatives.
 *
 * <p>
 * All but {@link #SOFTMAX} act element by element: {@code a = f(z)} and
 * {@code dA/dZ = f'(z)}. Softmax mixes a row's outputs, so its derivative is a Jacobian;
 * only its product with the incoming gradient ({@link #backpropagate}) is computed.
 */
public enum Activation {

	SIGMOID {
		@Override
		double value(double z) {
			return 1.0 / (1.0 + Math.exp(-z));
		}

		@Override
		double slope(double z, double a) {
			// a(1 - a) is the textbook form (and the seed's); for large z, 1 - a loses
			// every digit,
			// so the complement is computed directly as sigmoid(-z).
			return z <= 1.0 ? a * (1.0 - a) : a * value(-z);
		}
	},

	TANH {
		@Override
		double value(double z) {
			// fdlibm's bits, StrictMath's: Java 24+ computes Math.tanh with an intrinsic
			// whose last bit differs, so the image (Java 25) and a JDK 17 would disagree.
			// The port saves JDK 17's JNI call into C fdlibm.
			return FdLibm.tanh(z);
		}

		@Override
		double slope(double z, double a) {
			if (Math.abs(z) < 1.0) {
				return 1.0 - a * a;
			}
			// sech^2 z stays accurate where 1 - tanh^2 z cancels to 0
			double cosh = FdLibm.cosh(z);
			return 1.0 / (cosh * cosh);
		}

		@Override
		public RealMatrix apply(RealMatrix z) {
			double[] from = Matrices.data(z);
			double[] to = new double[from.length];
			for (int i = 0; i < from.length; i++) {
				to[i] = value(from[i]);
			}
			return new RowMajorMatrix(z.getRowDimension(), z.getColumnDimension(), to);
		}

		@Override
		public RealMatrix derivative(RealMatrix z, RealMatrix a) {
			MatrixUtils.checkAdditionCompatible(z, a);
			double[] x = Matrices.data(z);
			double[] y = Matrices.data(a);
			double[] to = new double[x.length];
			for (int i = 0; i < x.length; i++) {
				to[i] = slope(x[i], y[i]);
			}
			return new RowMajorMatrix(z.getRowDimension(), z.getColumnDimension(), to);
		}
	},

	RELU {
		@Override
		double value(double z) {
			return z > 0.0 ? z : 0.0;
		}

		@Override
		double slope(double z, double a) {
			return z > 0.0 ? 1.0 : 0.0;
		}

		@Override
		public RealMatrix apply(RealMatrix z) {
			double[] from = Matrices.data(z);
			double[] to = new double[from.length];
			for (int i = 0; i < from.length; i++) {
				to[i] = value(from[i]);
			}
			return new RowMajorMatrix(z.getRowDimension(), z.getColumnDimension(), to);
		}

		@Override
		public RealMatrix derivative(RealMatrix z, RealMatrix a) {
			MatrixUtils.checkAdditionCompatible(z, a);
			double[] x = Matrices.data(z);
			double[] y = Matrices.data(a);
			double[] to = new double[x.length];
			for (int i = 0; i < x.length; i++) {
				to[i] = slope(x[i], y[i]);
			}
			return new RowMajorMatrix(z.getRowDimension(), z.getColumnDimension(), to);
		}
	},

	/** Slope 0.01 below zero and at zero, as PyTorch's default {@code LeakyReLU}. */
	LEAKY_RELU {
		@Override
		double value(double z) {
			return z > 0.0 ? z : LEAKY_SLOPE * z;
		}

		@Override
		double slope(double z, double a) {
			return z > 0.0 ? 1.0 : LEAKY_SLOPE;
		}
	},

	LINEAR {
		@Override
		double value(double z) {
			return z;
		}

		@Override
		double slope(double z, double a) {
			return 1.0;
		}
	},

	/**
	 * Softmax across each row's outputs, computed with the row maximum subtracted (no
	 * overflow).
	 */
	SOFTMAX {
		@Override
		double value(double z) {
			throw new IllegalStateException("softmax is not element-wise");
		}

		@Override
		double slope(double z, double a) {
			throw new IllegalStateException("softmax is not element-wise");
		}

		@Override
		public RealMatrix apply(RealMatrix z) {
			RealMatrix a = z.copy();
			for (int row = 0; row < a.getRowDimension(); row++) {
				double[] values = a.getRow(row);
				double max = Double.NEGATIVE_INFINITY;
				for (double v : values) {
					max = Math.max(max, v);
				}
				double sum = 0.0;
				for (int k = 0; k < values.length; k++) {
					values[k] = Math.exp(values[k] - max);
					sum += values[k];
				}
				for (int k = 0; k < values.length; k++) {
					values[k] /= sum;
				}
				a.setRow(row, values);
			}
			return a;
		}

		@Override
		public RealMatrix derivative(RealMatrix z, RealMatrix a) {
			return null;
		}

		/**
		 * dL/dz_j = a_j (g_j - sum_k a_k g_k): the softmax Jacobian applied to g = dL/dA.
		 *
		 * <p>
		 * Numerics: where one output a_t is near 1, g_t − Σ_k a_k g_k subtracts a_t·g_t
		 * from g_t, and a_t has already lost the digits of 1 − a_t. As Σ_k a_k = 1, that
		 * bracket is Σ_{k≠t} a_k (g_t − g_k) = g_t·Σ_{k≠t} a_k − Σ_{k≠t} a_k g_k,
		 * weighted by the small outputs, which are accurate; every other bracket is (g_j
		 * − g_t) plus the top's. The same O(k) work per row as the textbook form, and the
		 * same value in exact arithmetic.
		 */
		@Override
		public RealMatrix backpropagate(RealMatrix dLdA, RealMatrix z, RealMatrix a, RealMatrix derivative) {
			RealMatrix dLdZ = dLdA.copy();
			for (int row = 0; row < dLdZ.getRowDimension(); row++) {
				double[] g = dLdA.getRow(row);
				double[] out = a.getRow(row);
				int top = 0;
				for (int k = 1; k < out.length; k++) {
					top = out[k] > out[top] ? k : top;
				}
				double others = 0.0;
				double othersTimesG = 0.0;
				for (int k = 0; k < g.length; k++) {
					if (k != top) {
						others += out[k];
						othersTimesG += out[k] * g[k];
					}
				}
				double topBracket = g[top] * others - othersTimesG;
				double gTop = g[top];
				for (int k = 0; k < g.length; k++) {
					g[k] = out[k] * (k == top ? topBracket : (g[k] - gTop) + topBracket);
				}
				dLdZ.setRow(row, g);
			}
			return dLdZ;
		}
	};

	static final double LEAKY_SLOPE = 0.01;

	abstract double value(double z);

	abstract double slope(double z, double a);

	/**
	 * a = f(z). The busy activations (tanh, relu) write this and {@link #derivative} out
	 * as loops of their own: there the JIT sees one {@code value} and inlines it, where
	 * through {@link Matrices#map} and {@link Matrices#combine}, whose operator every
	 * activation shares, it called it per element (an itable stub in the profile).
	 */
	public RealMatrix apply(RealMatrix z) {
		return Matrices.map(z, this::value);
	}

	/**
	 * The element-wise derivative dA/dZ, or {@code null} where it is a Jacobian
	 * (softmax).
	 */
	public RealMatrix derivative(RealMatrix z, RealMatrix a) {
		return Matrices.combine(z, a, this::slope);
	}

	/** dL/dZ from dL/dA: the chain rule through this activation. */
	public RealMatrix backpropagate(RealMatrix dLdA, RealMatrix z, RealMatrix a, RealMatrix derivative) {
		return Matrices.hadamard(dLdA, derivative);
	}

	/** The name used on the wire: lower snake case. */
	/**
	 * The softmax Jacobian of one example, da_j/dz_k = a_j (δ_jk − a_k), from its
	 * {@code output} a: what {@link #SOFTMAX}'s backward step applies without forming it.
	 */
	public static double[][] softmaxJacobian(double[] output) {
		double[][] jacobian = new double[output.length][output.length];
		for (int j = 0; j < output.length; j++) {
			for (int k = 0; k < output.length; k++) {
				jacobian[j][k] = output[j] * ((j == k ? 1.0 : 0.0) - output[k]);
			}
		}
		return jacobian;
	}

	public String wireName() {
		return name().toLowerCase(Locale.ROOT);
	}

}
