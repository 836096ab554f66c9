package lab.backprop;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Closeness the way the contract states it: relative error, with an absolute floor near
 * zero.
 */
public final class NumericAssertions {

	private NumericAssertions() {
	}

	public static void assertClose(String what, double actual, double expected, double relative) {
		double scale = Math.max(Math.abs(expected), Double.MIN_NORMAL);
		assertThat(Math.abs(actual - expected) / scale).as("%s: %s vs expected %s", what, actual, expected)
			.isLessThanOrEqualTo(relative);
	}

	/**
	 * |a − b| ≤ tolerance · max(1, |a|, |b|): for finite differences, which are never
	 * exact.
	 */
	public static void assertNear(String what, double actual, double expected, double tolerance) {
		double scale = Math.max(1.0, Math.max(Math.abs(actual), Math.abs(expected)));
		assertThat(Math.abs(actual - expected)).as("%s: %s vs expected %s", what, actual, expected)
			.isLessThanOrEqualTo(tolerance * scale);
	}

}
