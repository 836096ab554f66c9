package lab.backprop.engine;

import java.util.Locale;

import org.apache.commons.math3.linear.RealMatrix;
import lab.backprop.engine.linalg.Matrices;

/**
 * The loss functions: a scalar from the prediction ŷ (n examples × k outputs) and the
 * label y, and its exact gradient dL/dŷ. Reductions follow PyTorch, so a batch mean
 * divides once, here.
 *
 * <p>
 * The cross-entropy losses are computed without clamping, their logarithms from z where
 * the output is a sigmoid, a tanh or a softmax ({@link Probabilities}), so that a
 * prediction that rounds to exactly 0 or 1 still gives the finite, exact loss. Where the
 * output layer is the activation a loss is meant for (sigmoid for binary cross-entropy,
 * softmax for cross-entropy), dL/dZ is computed directly as well. Every ŷ − y is taken
 * from {@link Residuals}, which computes it without cancellation where a saturated output
 * meets a label of 0 or 1.
 */
public enum Loss {

	/** Mean over all n·k elements of (ŷ − y)². */
	MSE {
		@Override
		public double value(OutputLayer out, RealMatrix y) {
			return squaredError(out, y) / elements(y);
		}

		@Override
		public RealMatrix gradient(OutputLayer out, RealMatrix y) {
			double n = elements(y);
			return Matrices.map(Residuals.of(out, y), r -> 2.0 * r / n);
		}
	},

	/** Sum over all elements of (ŷ − y)². */
	SSE {
		@Override
		public double value(OutputLayer out, RealMatrix y) {
			return squaredError(out, y);
		}

		@Override
		public RealMatrix gradient(OutputLayer out, RealMatrix y) {
			return Matrices.map(Residuals.of(out, y), r -> 2.0 * r);
		}
	},

	/** (1/2n) Σ over examples of ‖ŷ − y‖². */
	QUADRATIC {
		@Override
		public double value(OutputLayer out, RealMatrix y) {
			return squaredError(out, y) / (2.0 * y.getRowDimension());
		}

		@Override
		public RealMatrix gradient(OutputLayer out, RealMatrix y) {
			double n = y.getRowDimension();
			return Matrices.map(Residuals.of(out, y), r -> r / n);
		}
	},

	/** Mean over all elements of −[y ln ŷ + (1 − y) ln(1 − ŷ)]. */
	BINARY_CROSS_ENTROPY {
		@Override
		public double value(OutputLayer out, RealMatrix y) {
			Probabilities probabilities = Probabilities.of(out);
			double total = 0.0;
			for (int i = 0; i < y.getRowDimension(); i++) {
				for (int k = 0; k < y.getColumnDimension(); k++) {
					double t = y.getEntry(i, k);
					total -= xTimes(t, probabilities.logP[i][k]) + xTimes(1.0 - t, probabilities.logQ[i][k]);
				}
			}
			return total / elements(y);
		}

		@Override
		public RealMatrix gradient(OutputLayer out, RealMatrix y) {
			double n = elements(y);
			double[][] complement = Probabilities.of(out).q;
			RealMatrix p = out.prediction();
			RealMatrix grad = p.copy();
			for (int i = 0; i < grad.getRowDimension(); i++) {
				for (int j = 0; j < grad.getColumnDimension(); j++) {
					double t = y.getEntry(i, j);
					grad.setEntry(i, j, (xOverY(1.0 - t, complement[i][j]) - xOverY(t, p.getEntry(i, j))) / n);
				}
			}
			return grad;
		}

		@Override
		public RealMatrix outputGradient(OutputLayer out, RealMatrix y) {
			if (out.activation() != Activation.SIGMOID) {
				return null;
			}
			double n = elements(y);
			return Matrices.map(Residuals.of(out, y), r -> r / n);
		}
	},

	/** Mean over examples of −Σₖ y ln ŷ. */
	CROSS_ENTROPY {
		@Override
		public double value(OutputLayer out, RealMatrix y) {
			double[][] logP = Probabilities.of(out).logP;
			double total = 0.0;
			for (int i = 0; i < y.getRowDimension(); i++) {
				for (int k = 0; k < y.getColumnDimension(); k++) {
					total -= xTimes(y.getEntry(i, k), logP[i][k]);
				}
			}
			return total / y.getRowDimension();
		}

		@Override
		public RealMatrix gradient(OutputLayer out, RealMatrix y) {
			double n = y.getRowDimension();
			return Matrices.combine(out.prediction(), y, (p, t) -> -xOverY(t, p) / n);
		}

		/**
		 * With softmax: dL/dz_k = (ŷ_k Σ_j y_j − y_k) / n, which is (ŷ − y)/n for labels
		 * summing to 1.
		 *
		 * <p>
		 * Numerics: for a label of 1 the difference is written (Σy − 1)·ŷ_k + (ŷ_k − 1),
		 * with ŷ_k − 1 from {@link Residuals}: for a one-hot row it is exactly that
		 * residual, −Σ_{j≠k} ŷ_j where k is near certain, instead of a 1 − 1 that rounds
		 * to 0. A label of 0 gives ŷ_k·Σy, a product, and any other label the plain
		 * difference.
		 */
		@Override
		public RealMatrix outputGradient(OutputLayer out, RealMatrix y) {
			if (out.activation() != Activation.SOFTMAX) {
				return null;
			}
			double n = y.getRowDimension();
			RealMatrix residuals = Residuals.of(out, y);
			RealMatrix grad = out.prediction().copy();
			for (int i = 0; i < grad.getRowDimension(); i++) {
				double[] t = y.getRow(i);
				double labelSum = 0.0;
				for (double v : t) {
					labelSum += v;
				}
				double[] p = grad.getRow(i);
				for (int k = 0; k < p.length; k++) {
					p[k] = t[k] == 1.0 ? ((labelSum - 1.0) * p[k] + residuals.getEntry(i, k)) / n
							: (p[k] * labelSum - t[k]) / n;
				}
				grad.setRow(i, p);
			}
			return grad;
		}
	};

	/** The reported scalar loss. */
	public abstract double value(OutputLayer out, RealMatrix y);

	/** dL/dŷ, element by element. */
	public abstract RealMatrix gradient(OutputLayer out, RealMatrix y);

	/**
	 * dL/dZ of the output layer computed directly from the loss and its matching
	 * activation, or {@code null} when the chain rule through the activation is to be
	 * used.
	 */
	public RealMatrix outputGradient(OutputLayer out, RealMatrix y) {
		return null;
	}

	/**
	 * The count the loss divides by: every element for the element-wise means, the
	 * examples for the per-example ones, 1 for a sum.
	 */
	public int divisor(RealMatrix y) {
		return switch (this) {
			case MSE, BINARY_CROSS_ENTROPY -> y.getRowDimension() * y.getColumnDimension();
			case QUADRATIC, CROSS_ENTROPY -> y.getRowDimension();
			case SSE -> 1;
		};
	}

	/**
	 * Whether this loss computes dL/dZ of an {@code output} layer directly
	 * ({@link #outputGradient}): binary cross-entropy after a sigmoid, cross-entropy
	 * after a softmax.
	 */
	public boolean fusesWith(Activation output) {
		return (this == BINARY_CROSS_ENTROPY && output == Activation.SIGMOID)
				|| (this == CROSS_ENTROPY && output == Activation.SOFTMAX);
	}

	public String wireName() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * What a loss needs of the output layer: its weighted sums, activation and
	 * prediction.
	 */
	public record OutputLayer(RealMatrix z, Activation activation, RealMatrix prediction) {
	}

	private static double elements(RealMatrix y) {
		return (double) y.getRowDimension() * y.getColumnDimension();
	}

	private static double squaredError(OutputLayer out, RealMatrix y) {
		RealMatrix r = Residuals.of(out, y);
		return Matrices.sum(r, r, (a, b) -> a * b);
	}

	/** x·v with 0·v = 0, also for an infinite v (a term the label switches off). */
	static double xTimes(double x, double v) {
		return x == 0.0 ? 0.0 : x * v;
	}

	/**
	 * x / y with 0 / y = 0: a term whose label is 0 contributes nothing to the gradient.
	 */
	static double xOverY(double x, double y) {
		return x == 0.0 ? 0.0 : x / y;
	}

	/** ln(1 + e^x) without overflow. */
	static double softplus(double x) {
		return x > 0.0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
	}

}
