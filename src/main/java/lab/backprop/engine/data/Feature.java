package lab.backprop.engine.data;

import java.util.Locale;

/**
 * An input column computed from a two-feature point (x₁, x₂), as TensorFlow Playground
 * offers them. {@link StrictMath} keeps {@code sin} the same on every machine and JDK.
 */
public enum Feature {

	X1("x1") {
		@Override
		public double of(double x1, double x2) {
			return x1;
		}
	},

	X2("x2") {
		@Override
		public double of(double x1, double x2) {
			return x2;
		}
	},

	X1_SQUARED("x1^2") {
		@Override
		public double of(double x1, double x2) {
			return x1 * x1;
		}
	},

	X2_SQUARED("x2^2") {
		@Override
		public double of(double x1, double x2) {
			return x2 * x2;
		}
	},

	X1_TIMES_X2("x1*x2") {
		@Override
		public double of(double x1, double x2) {
			return x1 * x2;
		}
	},

	SIN_X1("sin(x1)") {
		@Override
		public double of(double x1, double x2) {
			return StrictMath.sin(x1);
		}
	},

	SIN_X2("sin(x2)") {
		@Override
		public double of(double x1, double x2) {
			return StrictMath.sin(x2);
		}
	};

	private final String wireName;

	Feature(String wireName) {
		this.wireName = wireName;
	}

	/** The column's value at the point (x₁, x₂). */
	public abstract double of(double x1, double x2);

	/**
	 * The name in requests and answers: {@code x1}, {@code x1^2}, {@code sin(x1)}, ...
	 */
	public String wireName() {
		return wireName;
	}

	/** The feature named {@code name} (ASCII case-insensitively), or {@code null}. */
	public static Feature named(String name) {
		String lower = name.toLowerCase(Locale.ROOT);
		for (Feature feature : values()) {
			if (feature.wireName.equals(lower)) {
				return feature;
			}
		}
		return null;
	}

	/** The rows of {@code features} for each point (x₁, x₂) of {@code points}. */
	public static double[][] columns(double[][] points, Feature... features) {
		double[][] rows = new double[points.length][features.length];
		for (int i = 0; i < points.length; i++) {
			for (int k = 0; k < features.length; k++) {
				rows[i][k] = features[k].of(points[i][0], points[i][1]);
			}
		}
		return rows;
	}

}
