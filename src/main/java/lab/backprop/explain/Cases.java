package lab.backprop.explain;

/**
 * The cases a meaning is chosen from: each constant names the last segment of a message
 * key.
 */
final class Cases {

	private Cases() {
	}

	/** The signs of a gradient's elements. */
	enum Sign {

		POSITIVE, NEGATIVE, ZERO, MIXED;

		static Sign of(double[][] values) {
			Counts c = Counts.of(values);
			if (c.positive == c.total) {
				return POSITIVE;
			}
			if (c.negative == c.total) {
				return NEGATIVE;
			}
			if (c.zero == c.total) {
				return ZERO;
			}
			return MIXED;
		}

	}

	/** The size of a gradient's largest element. */
	enum Size {

		LARGE, MODERATE, SMALL;

		static Size of(double maxAbs) {
			if (maxAbs >= Thresholds.LARGE_DL_DPREDICTION) {
				return LARGE;
			}
			return maxAbs < Thresholds.SMALL_DL_DPREDICTION ? SMALL : MODERATE;
		}

	}

	/** Whether the new prediction is nearer the label than the old one. */
	enum Closeness {

		CLOSER, FURTHER, SAME

	}

	/** What the step did to the loss. */
	enum Change {

		LOWERED, RAISED, UNCHANGED

	}

	/** How many elements are positive, negative, zero. */
	record Counts(int positive, int negative, int zero, int total, double maxAbs) {

		static Counts of(double[][] values) {
			int positive = 0;
			int negative = 0;
			int zero = 0;
			int total = 0;
			double max = 0.0;
			for (double[] row : values) {
				for (double v : row) {
					total++;
					if (v > 0) {
						positive++;
					}
					else if (v < 0) {
						negative++;
					}
					else {
						zero++;
					}
					max = Math.max(max, Math.abs(v));
				}
			}
			return new Counts(positive, negative, zero, total, max);
		}

		static Counts of(double[] values) {
			return of(new double[][] { values });
		}
	}

	/** The limits that choose a case. */
	static final class Thresholds {

		/** |dL/dŷ| at or above this: the prediction is far off. */
		static final double LARGE_DL_DPREDICTION = 1.0;

		/** |dL/dŷ| below this: the prediction is close. */
		static final double SMALL_DL_DPREDICTION = 0.01;

		/**
		 * A slope dA/dZ below this (sigmoid, tanh) is saturated: the gradient nearly
		 * vanishes.
		 */
		static final double SATURATED_SLOPE = 0.01;

		/** |z| above this puts a sigmoid or tanh on its flat tails. */
		static final double FAR_Z = 5.0;

		/**
		 * A non-zero gradient element of a saturated output below this in size is tiny: a
		 * step with any learning rate up to 1 moves its weights by less than 1e-8, and a
		 * reader may take it for rounding noise.
		 */
		static final double TINY_GRADIENT = 1e-8;

		/**
		 * A gradient element at or above this in size is large: the step may overshoot.
		 */
		static final double LARGE_GRADIENT = 10.0;

		/**
		 * dL/dZ smaller than this fraction of dL/dA: the activation swallowed the signal.
		 */
		static final double VANISHED_RATIO = 1e-3;

		private Thresholds() {
		}

	}

}
