package lab.backprop.check;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * When a written number counts as a value: by default at the precision it was written
 * with, or by the request's {@code significantDigits} or {@code tolerance}. The same rule
 * judges a number against the right value and against what a slip gives.
 */
abstract sealed class Judge {

	/** From this many significant digits on, a number is judged within {@link #CLOSE}. */
	static final int MANY_DIGITS = 15;

	/** The relative distance a number written with many digits may be off. */
	static final double CLOSE = 1e-9;

	/**
	 * How far from an exact 0 a number of many digits, or one judged at a number of
	 * significant digits, may be: the rounding of a sum that cancels to 0.
	 */
	static final double NEAR_ZERO = 1e-15;

	/** Whether {@code written} (a JSON number's text) counts as {@code expected}. */
	abstract boolean passes(String written, double expected);

	static Judge of(Integer significantDigits, Double relative, Double absolute) {
		if (significantDigits != null) {
			return new Digits(significantDigits);
		}
		if (relative != null || absolute != null) {
			return new Distance(relative == null ? 0.0 : relative, absolute == null ? 0.0 : absolute);
		}
		return new AsWritten();
	}

	/**
	 * d significant digits (d < 15): the expected value rounded to d digits, give or take
	 * one unit in the last digit, so {@code -0.0188} passes for −0.018820882852641253
	 * (and {@code -0.0187} and {@code -0.0189} do too). A written 0 ({@code 0.000}) keeps
	 * its last decimal place: the expected value rounded there, give or take one unit.
	 * More digits: within 1e-9 relative.
	 */
	static final class AsWritten extends Judge {

		@Override
		boolean passes(String written, double expected) {
			BigDecimal given = new BigDecimal(written);
			if (given.signum() == 0) {
				BigDecimal unit = given.ulp();
				BigDecimal rounded = new BigDecimal(expected).setScale(given.scale(), RoundingMode.HALF_UP);
				return rounded.abs().compareTo(unit) <= 0;
			}
			if (given.precision() >= MANY_DIGITS) {
				return close(given.doubleValue(), expected);
			}
			return withinOneUnit(given, expected, given.precision());
		}

	}

	/** Every number as if written with {@code digits} significant digits. */
	static final class Digits extends Judge {

		private final int digits;

		Digits(int digits) {
			this.digits = digits;
		}

		@Override
		boolean passes(String written, double expected) {
			BigDecimal given = new BigDecimal(written);
			if (expected == 0.0) {
				return Math.abs(given.doubleValue()) <= NEAR_ZERO;
			}
			return withinOneUnit(given, expected, digits);
		}

	}

	/** |given − expected| ≤ absolute + relative · |expected|. */
	static final class Distance extends Judge {

		private final double relative;

		private final double absolute;

		Distance(double relative, double absolute) {
			this.relative = relative;
			this.absolute = absolute;
		}

		@Override
		boolean passes(String written, double expected) {
			return Math.abs(Double.parseDouble(written) - expected) <= absolute + relative * Math.abs(expected);
		}

	}

	/**
	 * Exactly, in decimal: the expected value rounded to {@code digits} significant
	 * digits, and the given one at most one unit of that last digit away. An expected 0
	 * has no significant digits: the given number's own last digit is the unit.
	 */
	static boolean withinOneUnit(BigDecimal given, double expected, int digits) {
		if (expected == 0.0) {
			return given.abs().compareTo(given.ulp()) <= 0;
		}
		BigDecimal rounded = new BigDecimal(expected).round(new MathContext(digits, RoundingMode.HALF_UP));
		return given.subtract(rounded).abs().compareTo(rounded.ulp()) <= 0;
	}

	static boolean close(double given, double expected) {
		if (expected == 0.0) {
			return Math.abs(given) <= NEAR_ZERO;
		}
		return Math.abs(given - expected) <= CLOSE * Math.abs(expected);
	}

}
