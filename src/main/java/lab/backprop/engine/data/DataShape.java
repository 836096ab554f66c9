package lab.backprop.engine.data;

import java.util.Locale;

/**
 * The classic two-feature data sets, after TensorFlow Playground's generators (its
 * {@code src/dataset.ts}; {@code moons} after scikit-learn's {@code make_moons}), written
 * out here on {@link SeededRandom}. Each gives {@code points} rows (x₁, x₂, label): the
 * classification sets first the points of label 1 (⌈points / 2⌉ of them), then those of
 * label 0. {@code noise} ν (0 to 0.5) is a fraction of the set's {@link #scale()}; every
 * draw is made whatever ν is, so the same seed gives the same draws at every noise.
 */
public enum DataShape {

	/**
	 * Label 1 inside radius 2.5 (r uniform in [0, 2.5)), label 0 in the ring from 3.5 to
	 * 5; angle θ uniform in [0, 2π), point (r sin θ, r cos θ). The label is read at the
	 * point moved by ν · 5 · U(−1, 1) in each coordinate: 1 when that is nearer than 2.5
	 * to the centre.
	 */
	CIRCLE(Kind.CLASSIFICATION, 5) {
		@Override
		void point(int i, int points, double noise, SeededRandom random, double[] row) {
			double s = scale();
			boolean inside = i < positives(points);
			double r = inside ? random.uniform(0, 0.5 * s) : random.uniform(0.7 * s, s);
			double angle = random.uniform(0, 2 * StrictMath.PI);
			double x = r * StrictMath.sin(angle);
			double y = r * StrictMath.cos(angle);
			double nx = x + random.uniform(-s, s) * noise;
			double ny = y + random.uniform(-s, s) * noise;
			set(row, x, y, StrictMath.sqrt(nx * nx + ny * ny) < 0.5 * s ? 1 : 0);
		}
	},

	/**
	 * x₁, x₂ uniform in [−5, 5), each moved 0.3 away from 0; the label, read at the point
	 * moved by ν · 5 · U(−1, 1) in each coordinate, is 1 when exactly one coordinate is
	 * positive (x₁ · x₂ &lt; 0), as XOR.
	 */
	XOR(Kind.CLASSIFICATION, 5) {
		@Override
		void point(int i, int points, double noise, SeededRandom random, double[] row) {
			double s = scale();
			double x = padded(random.uniform(-s, s));
			double y = padded(random.uniform(-s, s));
			double nx = x + random.uniform(-s, s) * noise;
			double ny = y + random.uniform(-s, s) * noise;
			set(row, x, y, (nx > 0) != (ny > 0) ? 1 : 0);
		}

		private static double padded(double v) {
			return v > 0 ? v + 0.3 : v - 0.3;
		}
	},

	/**
	 * Two Gaussian clouds: label 1 around (2, 2), label 0 around (−2, −2), each
	 * coordinate with variance 0.5 + 7ν (0.5 at ν = 0 up to 4 at ν = 0.5, as Playground).
	 */
	GAUSS(Kind.CLASSIFICATION, 2) {
		@Override
		void point(int i, int points, double noise, SeededRandom random, double[] row) {
			boolean positive = i < positives(points);
			double centre = positive ? 2 : -2;
			double sd = StrictMath.sqrt(0.5 + 7 * noise);
			double x = centre + sd * random.gaussian();
			double y = centre + sd * random.gaussian();
			set(row, x, y, positive ? 1 : 0);
		}
	},

	/**
	 * Two arms of 1.75 turns each: the k-th of m points of an arm at radius 5k/m and
	 * angle t = 1.75 · 2π · k/m (+ π for the arm of label 0), point (r sin t, r cos t)
	 * moved by ν · 5 · U(−1, 1) in each coordinate.
	 */
	SPIRAL(Kind.CLASSIFICATION, 5) {
		@Override
		void point(int i, int points, double noise, SeededRandom random, double[] row) {
			double s = scale();
			boolean positive = i < positives(points);
			int m = positive ? positives(points) : points - positives(points);
			int k = positive ? i : i - positives(points);
			double r = (double) k / m * s;
			double t = 1.75 * k / m * 2 * StrictMath.PI + (positive ? 0 : StrictMath.PI);
			double x = r * StrictMath.sin(t) + random.uniform(-1, 1) * noise * s;
			double y = r * StrictMath.cos(t) + random.uniform(-1, 1) * noise * s;
			set(row, x, y, positive ? 1 : 0);
		}
	},

	/**
	 * Two interleaved half circles of radius 3 (scikit-learn's moons, times 3 and
	 * centred): t uniform in [0, π); label 0 on the upper one at (3 cos t − 1.5, 3 sin t
	 * − 0.75), label 1 on the lower one at (1.5 − 3 cos t, 0.75 − 3 sin t); Gaussian
	 * noise of standard deviation 3ν in each coordinate.
	 */
	MOONS(Kind.CLASSIFICATION, 3) {
		@Override
		void point(int i, int points, double noise, SeededRandom random, double[] row) {
			double s = scale();
			boolean lower = i < positives(points);
			double t = random.uniform(0, StrictMath.PI);
			double cx = s * StrictMath.cos(t);
			double sy = s * StrictMath.sin(t);
			double x = lower ? 1.5 - cx : cx - 1.5;
			double y = lower ? 0.75 - sy : sy - 0.75;
			x += s * noise * random.gaussian();
			y += s * noise * random.gaussian();
			set(row, x, y, lower ? 1 : 0);
		}
	},

	/**
	 * x₁, x₂ uniform in [−6, 6); the label (x₁ + x₂) / 10, read at the point moved by ν ·
	 * 6 · U(−1, 1) in each coordinate.
	 */
	PLANE(Kind.REGRESSION, 6) {
		@Override
		void point(int i, int points, double noise, SeededRandom random, double[] row) {
			double s = scale();
			double x = random.uniform(-s, s);
			double y = random.uniform(-s, s);
			double nx = x + random.uniform(-s, s) * noise;
			double ny = y + random.uniform(-s, s) * noise;
			set(row, x, y, (nx + ny) / 10);
		}
	},

	/**
	 * x₁, x₂ uniform in [−6, 6); six bumps at (±4 or 0, ±2.5) with signs +, −, + above
	 * and −, +, − below, each s · max(0, 1 − d/2) at distance d; the label is the bump
	 * largest in absolute value (the first of equals), read at the point moved by ν · 6 ·
	 * U(−1, 1) in each coordinate.
	 */
	GAUSSIANS(Kind.REGRESSION, 6) {
		@Override
		void point(int i, int points, double noise, SeededRandom random, double[] row) {
			double s = scale();
			double x = random.uniform(-s, s);
			double y = random.uniform(-s, s);
			double nx = x + random.uniform(-s, s) * noise;
			double ny = y + random.uniform(-s, s) * noise;
			double label = 0;
			for (double[] bump : BUMPS) {
				double dx = nx - bump[0];
				double dy = ny - bump[1];
				double value = bump[2] * Math.max(0, 1 - StrictMath.sqrt(dx * dx + dy * dy) / 2);
				if (Math.abs(value) > Math.abs(label)) {
					label = value;
				}
			}
			set(row, x, y, label);
		}
	};

	/** The bumps of {@link #GAUSSIANS}: centre x₁, x₂ and sign. */
	private static final double[][] BUMPS = { { -4, 2.5, 1 }, { 0, 2.5, -1 }, { 4, 2.5, 1 }, { -4, -2.5, -1 },
			{ 0, -2.5, 1 }, { 4, -2.5, -1 } };

	/** What the label is. */
	public enum Kind {

		/** One output, label 0 or 1. */
		CLASSIFICATION,

		/** One real output. */
		REGRESSION;

		public String wireName() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	private final Kind kind;

	private final double scale;

	DataShape(Kind kind, double scale) {
		this.kind = kind;
		this.scale = scale;
	}

	public Kind kind() {
		return kind;
	}

	/**
	 * The length {@code noise} is a fraction of: the circle's, the spiral's and XOR's
	 * half-width 5, the moons' radius 3, the plane's and the bumps' half-width 6; for
	 * {@code gauss} the centres' distance from the origin along each axis, 2 (there the
	 * noise widens the clouds instead).
	 */
	public double scale() {
		return scale;
	}

	public String wireName() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** The shape named {@code name}, already lower case, or {@code null}. */
	public static DataShape named(String name) {
		for (DataShape shape : values()) {
			if (shape.wireName().equals(name)) {
				return shape;
			}
		}
		return null;
	}

	/**
	 * {@code points} rows (x₁, x₂, label) in the order generated.
	 * @param noise ν, from 0 to 0.5
	 */
	public double[][] generate(int points, double noise, SeededRandom random) {
		double[][] rows = new double[points][3];
		for (int i = 0; i < points; i++) {
			point(i, points, noise, random, rows[i]);
		}
		return rows;
	}

	abstract void point(int i, int points, double noise, SeededRandom random, double[] row);

	/** The points of label 1 in a classification set: ⌈points / 2⌉. */
	static int positives(int points) {
		return (points + 1) / 2;
	}

	private static void set(double[] row, double x, double y, double label) {
		row[0] = x;
		row[1] = y;
		row[2] = label;
	}

}
