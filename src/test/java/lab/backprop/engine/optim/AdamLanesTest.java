package lab.backprop.engine.optim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleSupplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import lab.backprop.engine.linalg.VectorLanes;

/**
 * Adam's rule on the vector lanes writes the very bits of the scalar rule, and says "not
 * finite" exactly when the scalar rule does: on random values of every size, on
 * overflowing, tiny, subnormal and zero ones, ±0, at the first step and far later, with
 * and without weight decay, from either end of the lerp, on ranges that leave a scalar
 * tail.
 */
class AdamLanesTest {

	/** Lengths around multiples of the widest lanes (8 doubles), and a tensor's size. */
	private static final int[] LENGTHS = { 0, 1, 3, 7, 8, 9, 15, 16, 17, 31, 33, 100, 1021, 784 * 3 };

	@Test
	void theVectorModuleIsThereInTheseTests() {
		assertThat(VectorLanes.AVAILABLE).as("surefire runs with --add-modules=jdk.incubator.vector").isTrue();
	}

	static List<Adam> rules() {
		return List.of(new Adam(0.9, 0.999, 1e-8, 0.0), new Adam(0.9, 0.999, 1e-8, 0.01),
				// 1 − β₁ ≥ 0.5: the lerp from the other end
				new Adam(0.3, 0.5, 1e-3, 0.0), new Adam(0.5, 0.9, 0.0, 2.5), new Adam(0.0, 0.0, 1e-8, 0.0));
	}

	@ParameterizedTest
	@MethodSource("rules")
	void randomValuesOfEverySize(Adam adam) {
		Random random = new Random(11);
		for (int length : LENGTHS) {
			for (long t : new long[] { 1, 2, 10, 1000, 1_000_000 }) {
				double scale = Math.pow(10, random.nextInt(40) - 20);
				compare(adam, length, t, 0.001, () -> random.nextGaussian() * scale,
						() -> Math.abs(random.nextGaussian()) * scale * scale);
			}
		}
	}

	@ParameterizedTest
	@MethodSource("rules")
	void extremeValues(Adam adam) {
		double[] extremes = { 0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL, 1e-310, -3e-320,
				1e-300, 1e-160, 1e154, 1e160, -1e200, 1e300, Double.MAX_VALUE, -Double.MAX_VALUE, 1.0, -1.0, 0.5 };
		Random random = new Random(5);
		DoubleSupplier any = () -> extremes[random.nextInt(extremes.length)];
		DoubleSupplier nonNegative = () -> Math.abs(extremes[random.nextInt(extremes.length)]);
		for (int round = 0; round < 200; round++) {
			int length = LENGTHS[random.nextInt(LENGTHS.length)];
			long t = round % 3 == 0 ? 1 : 1 + random.nextInt(100_000);
			compare(adam, length, t, round % 2 == 0 ? 0.001 : 1e300, any, nonNegative);
		}
	}

	@ParameterizedTest
	@MethodSource("rules")
	void zeroGradients(Adam adam) {
		Random random = new Random(7);
		for (int length : LENGTHS) {
			compare(adam, length, 1, 0.01, () -> random.nextBoolean() ? 0.0 : -0.0, () -> 0.0);
		}
	}

	@ParameterizedTest
	@MethodSource("rules")
	void nonFiniteValuesAreFoundWhereverTheyAre(Adam adam) {
		Random random = new Random(13);
		for (int length : new int[] { 1, 8, 17, 100 }) {
			for (int at = 0; at < length; at += Math.max(1, length / 7)) {
				for (double bad : new double[] { Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY }) {
					double[][] arrays = arrays(length, () -> random.nextGaussian(),
							() -> Math.abs(random.nextGaussian()));
					arrays[random.nextInt(4)][at] = bad;
					boolean[] finite = run(adam, arrays, 3, 0.001, 0, length);
					assertThat(finite[0]).as("vector rule says finite").isFalse();
					assertThat(finite[1]).as("scalar rule says finite").isFalse();
				}
			}
		}
	}

	@Test
	void aRangeInsideTheArraysLeavesTheRestAlone() {
		Adam adam = new Adam(0.9, 0.999, 1e-8, 0.01);
		Random random = new Random(17);
		double[][] arrays = arrays(203, random::nextGaussian, () -> Math.abs(random.nextGaussian()));
		for (int[] range : new int[][] { { 0, 203 }, { 1, 202 }, { 5, 13 }, { 101, 203 }, { 7, 7 } }) {
			run(adam, arrays, 4, 0.001, range[0], range[1]);
		}
	}

	private static void compare(Adam adam, int length, long t, double lr, DoubleSupplier values,
			DoubleSupplier squares) {
		double[][] arrays = arrays(length, values, squares);
		boolean[] finite = run(adam, arrays, t, lr, 0, length);
		assertThat(finite[0]).as("finite, lanes against scalar").isEqualTo(finite[1]);
	}

	/** θ, g, m, v (v ≥ 0, as Adam keeps it). */
	private static double[][] arrays(int length, DoubleSupplier values, DoubleSupplier squares) {
		double[][] arrays = new double[4][length];
		for (int k = 0; k < length; k++) {
			arrays[0][k] = values.getAsDouble();
			arrays[1][k] = values.getAsDouble();
			arrays[2][k] = values.getAsDouble();
			arrays[3][k] = squares.getAsDouble();
		}
		return arrays;
	}

	/**
	 * Runs both rules on {@code from} to {@code to}, checks that they wrote the same bits
	 * there and nothing elsewhere, and answers their finiteness: lanes, then scalar.
	 */
	private static boolean[] run(Adam adam, double[][] arrays, long t, double lr, int from, int to) {
		int length = arrays[0].length;
		List<double[]> lanes = new ArrayList<>();
		List<double[]> scalar = new ArrayList<>();
		for (int j = 0; j < 3; j++) {
			lanes.add(filled(length, 42.0));
			scalar.add(filled(length, 42.0));
		}
		boolean finiteLanes = AdamLanes.updateAndCheck(adam, arrays[0], arrays[1], arrays[2], arrays[3], lanes.get(0),
				lanes.get(1), lanes.get(2), t, lr, from, to);
		boolean finiteScalar = adam.scalarUpdateAndCheck(arrays[0], arrays[1], arrays[2], arrays[3], scalar.get(0),
				scalar.get(1), scalar.get(2), t, lr, from, to);
		for (int j = 0; j < 3; j++) {
			for (int k = 0; k < length; k++) {
				long expected = Double.doubleToRawLongBits(scalar.get(j)[k]);
				assertThat(Double.doubleToRawLongBits(lanes.get(j)[k]))
					.as("array %d element %d of %d (t = %d, %s)", j, k, length, t, adam)
					.isEqualTo(expected);
				if (k < from || k >= to) {
					assertThat(lanes.get(j)[k]).as("outside the range").isEqualTo(42.0);
				}
			}
		}
		return new boolean[] { finiteLanes, finiteScalar };
	}

	private static double[] filled(int length, double value) {
		double[] array = new double[length];
		java.util.Arrays.fill(array, value);
		return array;
	}

}
