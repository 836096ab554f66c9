package lab.backprop.engine.data;

import java.util.Arrays;

/**
 * A generated data set split into training and test points. {@link #generate} draws
 * everything from one {@link SeededRandom} of the seed: first the points, in the
 * {@link DataShape}'s order, then a shuffle of them (Fisher–Yates); the last round(points
 * · testFraction) shuffled points (halves rounded up) are the test set, the others the
 * training set, in that order.
 *
 * @param train the training points
 * @param test the test points (none when {@code testFraction} is 0)
 */
public record DataSet(DataShape shape, Spec spec, Points train, Points test) {

	/**
	 * What to generate.
	 *
	 * @param points train plus test, at least 2
	 * @param noise ν, from 0 to 0.5
	 * @param testFraction from 0 to 0.9; the split must leave at least one training point
	 * @param seed the seed of the {@link SeededRandom}
	 */
	public record Spec(int points, double noise, double testFraction, long seed) {

		public Spec {
			if (points < 2 || !(noise >= 0 && noise <= 0.5) || !(testFraction >= 0 && testFraction <= 0.9)) {
				throw new IllegalArgumentException("points " + points + ", noise " + noise + ", testFraction "
						+ testFraction + " are out of range");
			}
			if (DataSet.testPoints(points, testFraction) >= points) {
				throw new IllegalArgumentException(
						"testFraction " + testFraction + " leaves no training point of " + points);
			}
		}

		public int testPoints() {
			return DataSet.testPoints(points, testFraction);
		}

		public int trainPoints() {
			return points - testPoints();
		}

	}

	/**
	 * Points with their labels.
	 *
	 * @param coordinates one row (x₁, x₂) per point
	 * @param labels one label per point
	 */
	public record Points(double[][] coordinates, double[] labels) {

		public int size() {
			return labels.length;
		}

		/** The network's inputs: one row of the {@code features}' values per point. */
		public double[][] inputs(Feature... features) {
			return Feature.columns(coordinates, features);
		}

		/** The labels as a points × 1 matrix. */
		public double[][] labelColumn() {
			double[][] column = new double[labels.length][];
			for (int i = 0; i < labels.length; i++) {
				column[i] = new double[] { labels[i] };
			}
			return column;
		}

	}

	/** round(points · testFraction), a half rounded up. */
	public static int testPoints(int points, double testFraction) {
		return (int) Math.round(points * testFraction);
	}

	public static DataSet generate(DataShape shape, Spec spec) {
		SeededRandom random = new SeededRandom(spec.seed());
		double[][] rows = shape.generate(spec.points(), spec.noise(), random);
		random.shuffle(rows);
		int train = spec.trainPoints();
		return new DataSet(shape, spec, points(rows, 0, train), points(rows, train, rows.length));
	}

	private static Points points(double[][] rows, int from, int to) {
		double[][] coordinates = new double[to - from][];
		double[] labels = new double[to - from];
		for (int i = from; i < to; i++) {
			coordinates[i - from] = Arrays.copyOf(rows[i], 2);
			labels[i - from] = rows[i][2];
		}
		return new Points(coordinates, labels);
	}

}
