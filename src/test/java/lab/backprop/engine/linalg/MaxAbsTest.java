package lab.backprop.engine.linalg;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The largest |v| on the vector lanes and element by element: both the plain maximum of
 * Math.abs over the array (a stream's, the reference), on random and extreme values of
 * every length, including tails shorter than a lane.
 */
class MaxAbsTest {

	@Test
	void bothLoopsGiveTheLargestMagnitude() {
		assertThat(VectorLanes.AVAILABLE).as("surefire runs with --add-modules=jdk.incubator.vector").isTrue();
		Random random = new Random(23);
		double[] extremes = { 0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, 1e-310, Double.MIN_NORMAL, 1.0, -1.0,
				1e300, -1e300, Double.MAX_VALUE, -Double.MAX_VALUE };
		for (int length = 0; length < 70; length++) {
			for (int round = 0; round < 30; round++) {
				double[] values = new double[length];
				double scale = Math.pow(10, random.nextInt(600) - 300);
				for (int k = 0; k < length; k++) {
					values[k] = round % 2 == 0 ? random.nextGaussian() * scale
							: extremes[random.nextInt(extremes.length)];
				}
				double expected = java.util.Arrays.stream(values).map(Math::abs).max().orElse(0.0);
				assertThat(VectorMaxAbs.maxAbs(values)).as("lanes, length %d", length).isEqualTo(expected);
				assertThat(Matrices.scalarMaxAbs(values)).as("scalar, length %d", length).isEqualTo(expected);
				assertThat(Matrices.maxAbs(values)).isEqualTo(expected);
			}
		}
	}

	@Test
	void theLargestIsFoundWhereverItIs() {
		double[] values = new double[784 * 256];
		for (int at : new int[] { 0, 1, 7, 8, 9, 100_003, values.length - 1 }) {
			java.util.Arrays.fill(values, -0.25);
			values[at] = -7.5;
			assertThat(VectorMaxAbs.maxAbs(values)).as("at %d", at).isEqualTo(7.5);
			assertThat(Matrices.scalarMaxAbs(values)).as("at %d", at).isEqualTo(7.5);
		}
	}

}
