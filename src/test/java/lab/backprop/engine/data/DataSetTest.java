package lab.backprop.engine.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The seven generators: a few points pinned (so that a change of generator, on any JDK,
 * cannot pass unnoticed) and the properties every draw must have: labels, ranges, split
 * sizes, and the noiseless shapes at noise 0.
 */
class DataSetTest {

	private static final DataSet.Spec DEFAULTS = new DataSet.Spec(200, 0.1, 0.5, 1);

	/**
	 * Train points 0 and 1 and test point 0 of each data set with the default parameters,
	 * as (x₁, x₂, label). Written down once from this generator (Java 17 and Java 25 gave
	 * the same); they are here to detect a change, not to prove the generator right.
	 */
	private static final double[][][] PINNED = {
			{ { 0.3713895312265783, -0.9208507921172253, 1 }, { -1.626494153793382, -0.11871132284371323, 1 },
					{ 0.06979539086303192, 0.8311231125204803, 1 } },
			{ { -1.328307433352639, -0.9101327033605886, 0 }, { 1.823282131559669, 2.684044757711015, 0 },
					{ -1.9638057016979256, -5.166658997516431, 0 } },
			{ { 0.977871508233227, 1.17737325237835, 1 }, { 1.884088746527107, 0.611688173841928, 1 },
					{ 2.983526659439367, 0.7133933736835703, 1 } },
			{ { 2.4931542013157912, -0.8817123880952988, 0 }, { 2.4756014747461985, 3.7917971432913613, 0 },
					{ -0.6118838322639765, -0.7136611496214166, 0 } },
			{ { -0.8975679878845404, 2.0575267008736886, 0 }, { 3.4810319281716735, -0.978873495839432, 1 },
					{ -3.302054425416186, 2.0715547769962326, 0 } },
			{ { -1.233968920023166, -0.7321592440327063, -0.2226491520678766 },
					{ 1.8279385578716028, 2.8608537092532167, 0.48513265640918346 },
					{ -1.9965668420375113, -5.839990797019717, -0.7615391595279742 } },
			{ { -1.233968920023166, -0.7321592440327063, 0.0 },
					{ 1.8279385578716028, 2.8608537092532167, -0.011531520467990442 },
					{ -1.9965668420375113, -5.839990797019717, 0.0 } } };

	@ParameterizedTest
	@EnumSource(DataShape.class)
	void pinnedPointsOfTheDefaultDraw(DataShape shape) {
		DataSet data = DataSet.generate(shape, DEFAULTS);
		double[][] pinned = PINNED[shape.ordinal()];
		assertThat(point(data.train(), 0)).as("train 0").containsExactly(pinned[0]);
		assertThat(point(data.train(), 1)).as("train 1").containsExactly(pinned[1]);
		assertThat(point(data.test(), 0)).as("test 0").containsExactly(pinned[2]);
	}

	@ParameterizedTest
	@EnumSource(DataShape.class)
	void theSameParametersGiveTheSameNumbersAndAnotherSeedOthers(DataShape shape) {
		DataSet once = DataSet.generate(shape, DEFAULTS);
		DataSet again = DataSet.generate(shape, DEFAULTS);
		assertThat(again.train().coordinates()).isDeepEqualTo(once.train().coordinates());
		assertThat(again.test().labels()).containsExactly(once.test().labels());
		DataSet other = DataSet.generate(shape, new DataSet.Spec(200, 0.1, 0.5, 2));
		assertThat(other.train().coordinates()[0]).isNotEqualTo(once.train().coordinates()[0]);
	}

	@ParameterizedTest
	@EnumSource(DataShape.class)
	void theSplitHasRoundPointsTimesFractionTestPoints(DataShape shape) {
		int[][] cases = { { 200, 50, 100 }, { 2, 50, 1 }, { 3, 50, 2 }, { 7, 0, 0 }, { 4096, 90, 3686 }, { 11, 90, 10 },
				{ 10, 25, 3 } };
		for (int[] c : cases) {
			DataSet data = DataSet.generate(shape, new DataSet.Spec(c[0], 0.1, c[1] / 100.0, 9));
			assertThat(data.test().size()).as("%d points, testFraction %d %%", c[0], c[1]).isEqualTo(c[2]);
			assertThat(data.train().size()).isEqualTo(c[0] - c[2]);
			assertThat(data.train().labelColumn()).hasDimensions(c[0] - c[2], 1);
			assertThat(data.train().coordinates()).hasDimensions(c[0] - c[2], 2);
		}
	}

	@Test
	void aSplitThatLeavesNoTrainingPointIsRefused() {
		assertThatThrownBy(() -> new DataSet.Spec(5, 0.1, 0.9, 1)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("no training point");
		assertThat(new DataSet.Spec(6, 0.1, 0.9, 1).trainPoints()).isEqualTo(1);
	}

	@ParameterizedTest
	@EnumSource(DataShape.class)
	void labelsAndRanges(DataShape shape) {
		for (double noise : new double[] { 0, 0.1, 0.5 }) {
			List<double[]> points = all(DataSet.generate(shape, new DataSet.Spec(1000, noise, 0.3, 4)));
			for (double[] p : points) {
				if (shape.kind() == DataShape.Kind.CLASSIFICATION) {
					assertThat(p[2]).as("%s label", shape).isIn(0.0, 1.0);
				}
				switch (shape) {
					case CIRCLE -> assertThat(Math.hypot(p[0], p[1])).isLessThan(5);
					case XOR, SPIRAL ->
						assertThat(Math.max(Math.abs(p[0]), Math.abs(p[1]))).isLessThanOrEqualTo(5.3 + 5 * noise);
					case PLANE -> assertThat(Math.abs(p[2])).isLessThanOrEqualTo(1.2 * (1 + noise));
					case GAUSSIANS -> assertThat(Math.abs(p[2])).isLessThanOrEqualTo(1);
					default -> {
					}
				}
				if (shape == DataShape.PLANE || shape == DataShape.GAUSSIANS) {
					assertThat(Math.max(Math.abs(p[0]), Math.abs(p[1]))).isLessThan(6);
				}
			}
		}
	}

	/**
	 * Where the label is the class a point was drawn for, ⌈points / 2⌉ points have label
	 * 1, at any noise.
	 */
	@Test
	void twoClassSetsHaveHalfTheirPointsInEachClass() {
		for (DataShape shape : List.of(DataShape.GAUSS, DataShape.SPIRAL, DataShape.MOONS)) {
			for (int n : new int[] { 2, 3, 201 }) {
				List<double[]> points = all(DataSet.generate(shape, new DataSet.Spec(n, 0.3, 0.5, 1)));
				assertThat(points.stream().filter(p -> p[2] == 1).count()).as("%s, %d points", shape, n)
					.isEqualTo((n + 1) / 2);
			}
		}
	}

	@Test
	void circleWithoutNoiseIsTheDiscInsideTheRing() {
		for (double[] p : all(noiseless(DataShape.CIRCLE))) {
			double r = Math.hypot(p[0], p[1]);
			assertThat(p[2] == 1 ? r < 2.5 : r >= 3.5 && r < 5).as("r %s, label %s", r, p[2]).isTrue();
		}
	}

	@Test
	void xorWithoutNoiseIsLabelledByQuadrant() {
		for (double[] p : all(noiseless(DataShape.XOR))) {
			assertThat(p[2]).isEqualTo(p[0] * p[1] < 0 ? 1.0 : 0.0);
			assertThat(Math.min(Math.abs(p[0]), Math.abs(p[1]))).isGreaterThanOrEqualTo(0.3);
		}
	}

	@Test
	void spiralWithoutNoiseLiesOnItsTwoArms() {
		int m = 500;
		for (double[] p : all(noiseless(DataShape.SPIRAL))) {
			double r = Math.hypot(p[0], p[1]);
			long k = Math.round(r / 5 * m);
			double t = 1.75 * k / m * 2 * Math.PI + (p[2] == 1 ? 0 : Math.PI);
			assertThat(p[0]).isCloseTo(r * Math.sin(t), within(1e-12));
			assertThat(p[1]).isCloseTo(r * Math.cos(t), within(1e-12));
		}
	}

	@Test
	void moonsWithoutNoiseLieOnTheirHalfCircles() {
		for (double[] p : all(noiseless(DataShape.MOONS))) {
			boolean lower = p[2] == 1;
			double cx = lower ? 1.5 : -1.5;
			double cy = lower ? 0.75 : -0.75;
			assertThat(Math.hypot(p[0] - cx, p[1] - cy)).isCloseTo(3, within(1e-12));
			assertThat(lower ? p[1] <= 0.75 : p[1] >= -0.75).isTrue();
		}
	}

	@Test
	void gaussWithoutNoiseHasCentresTwoAndVarianceOneHalf() {
		List<double[]> points = all(DataSet.generate(DataShape.GAUSS, new DataSet.Spec(4000, 0, 0.5, 8)));
		for (double label : new double[] { 0, 1 }) {
			double[] xs = points.stream().filter(p -> p[2] == label).mapToDouble(p -> p[0]).toArray();
			double mean = Arrays.stream(xs).average().orElseThrow();
			double variance = Arrays.stream(xs).map(x -> (x - mean) * (x - mean)).sum() / (xs.length - 1);
			assertThat(mean).isCloseTo(label == 1 ? 2 : -2, within(0.1));
			assertThat(variance).isCloseTo(0.5, within(0.05));
		}
	}

	@Test
	void planeWithoutNoiseIsTheSumOverTen() {
		for (double[] p : all(noiseless(DataShape.PLANE))) {
			assertThat(p[2]).isEqualTo((p[0] + p[1]) / 10);
		}
	}

	@Test
	void gaussiansWithoutNoiseAreTheLargestBump() {
		double[][] bumps = { { -4, 2.5, 1 }, { 0, 2.5, -1 }, { 4, 2.5, 1 }, { -4, -2.5, -1 }, { 0, -2.5, 1 },
				{ 4, -2.5, -1 } };
		for (double[] p : all(noiseless(DataShape.GAUSSIANS))) {
			double expected = 0;
			for (double[] b : bumps) {
				double value = b[2] * Math.max(0, 1 - Math.hypot(p[0] - b[0], p[1] - b[1]) / 2);
				expected = Math.abs(value) > Math.abs(expected) ? value : expected;
			}
			assertThat(p[2]).isCloseTo(expected, within(1e-15));
		}
	}

	/**
	 * Every draw is made at every noise, so the noise moves where a label is read, not
	 * where the points are.
	 */
	@Test
	void theNoiseChangesLabelsNotPositionsWhereLabelsAreReadAtAMovedPoint() {
		for (DataShape shape : List.of(DataShape.CIRCLE, DataShape.XOR, DataShape.PLANE, DataShape.GAUSSIANS)) {
			DataSet quiet = DataSet.generate(shape, new DataSet.Spec(300, 0, 0.5, 3));
			DataSet noisy = DataSet.generate(shape, new DataSet.Spec(300, 0.5, 0.5, 3));
			assertThat(noisy.train().coordinates()).as("%s", shape).isDeepEqualTo(quiet.train().coordinates());
			assertThat(noisy.train().labels()).as("%s", shape).isNotEqualTo(quiet.train().labels());
		}
	}

	@Test
	void theInputsAreTheFeaturesInTheOrderGiven() {
		DataSet data = DataSet.generate(DataShape.CIRCLE, DEFAULTS);
		double[] xy = data.train().coordinates()[0];
		double[] row = data.train().inputs(Feature.SIN_X2, Feature.X1, Feature.X1_TIMES_X2)[0];
		assertThat(row).containsExactly(StrictMath.sin(xy[1]), xy[0], xy[0] * xy[1]);
	}

	private static DataSet noiseless(DataShape shape) {
		return DataSet.generate(shape, new DataSet.Spec(1000, 0, 0.5, 6));
	}

	private static double[] point(DataSet.Points points, int i) {
		return new double[] { points.coordinates()[i][0], points.coordinates()[i][1], points.labels()[i] };
	}

	private static List<double[]> all(DataSet data) {
		List<double[]> points = new ArrayList<>();
		for (DataSet.Points part : List.of(data.train(), data.test())) {
			for (int i = 0; i < part.size(); i++) {
				points.add(point(part, i));
			}
		}
		return points;
	}

}
