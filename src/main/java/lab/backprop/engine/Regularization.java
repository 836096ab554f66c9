package lab.backprop.engine;

import java.util.Locale;

import org.apache.commons.math3.linear.RealMatrix;

import lab.backprop.engine.linalg.Matrices;

/**
 * A penalty on the weights added to the loss: λ·Σ|w| ({@link Type#L1}) or (λ/2)·Σw²
 * ({@link Type#L2}) over every weight of every layer, never the biases. Its derivative is
 * added to dL/dW: λ·sign(w), with sign(0) = 0 as {@code torch.sign} (so PyTorch's
 * autograd of {@code lam * w.abs().sum()} gives the same), or λ·w.
 *
 * @param type {@code null} for none
 * @param rate λ, finite and ≥ 0
 */
public record Regularization(Type type, double rate) {

	/** No penalty: the loss is the data loss. */
	public static final Regularization NONE = new Regularization(null, 0.0);

	public Regularization {
		if (type != null && !(Double.isFinite(rate) && rate >= 0.0)) {
			throw new IllegalArgumentException("the rate must be a finite number ≥ 0, not " + rate);
		}
	}

	public enum Type {

		/** λ·Σ|w|, derivative λ·sign(w). */
		L1 {
			@Override
			double term(double w) {
				return Math.abs(w);
			}

			@Override
			double slope(double w) {
				return Math.signum(w);
			}
		},

		/** (λ/2)·Σw², derivative λ·w. */
		L2 {
			@Override
			double term(double w) {
				return w * w;
			}

			@Override
			double slope(double w) {
				return w;
			}
		};

		/** One weight's share of the sum, before the factor. */
		abstract double term(double w);

		/** The derivative of {@link #term} divided by the factor's λ part. */
		abstract double slope(double w);

		/** λ for l1, λ/2 for l2: what the sum is multiplied by. */
		double factor(double rate) {
			return this == L1 ? rate : rate / 2.0;
		}

		public String wireName() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	public boolean isNone() {
		return type == null;
	}

	/** The penalty of {@code network}'s weights: 0 for none. */
	public double penalty(Network network) {
		if (type == null) {
			return 0.0;
		}
		double sum = 0.0;
		for (Layer layer : network.layers()) {
			for (double w : Matrices.data(layer.weights())) {
				sum += type.term(w);
			}
		}
		return type.factor(rate) * sum;
	}

	/** d(penalty)/dw for one weight: λ·sign(w) or λ·w. */
	public double derivative(double w) {
		return type == null ? 0.0 : rate * type.slope(w);
	}

	/**
	 * dL/dW with the penalty's derivative added element by element; {@code dataGradient}
	 * itself when there is none.
	 */
	public RealMatrix addGradient(RealMatrix dataGradient, RealMatrix weights) {
		if (type == null) {
			return dataGradient;
		}
		return Matrices.combine(dataGradient, weights, (g, w) -> g + derivative(w));
	}

}
