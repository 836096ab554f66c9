package lab.backprop.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * When a written number counts as the value: at the precision it was written with (the
 * contract's -0.0188 for −0.018820882852641253), by significant digits, by tolerance.
 */
class JudgeTest {

	private static final double DL_DW = -0.018820882852641253;

	private final Judge asWritten = Judge.of(null, null, null);

	@Test
	void aNumberPassesAtThePrecisionItIsWrittenWith() {
		assertThat(asWritten.passes("-0.0188", DL_DW)).isTrue();
		assertThat(asWritten.passes("-0.0187", DL_DW)).as("one unit off").isTrue();
		assertThat(asWritten.passes("-0.0189", DL_DW)).as("one unit off").isTrue();
		assertThat(asWritten.passes("-0.0186", DL_DW)).as("two units off").isFalse();
		assertThat(asWritten.passes("-0.019", DL_DW)).isTrue();
		assertThat(asWritten.passes("-0.02", DL_DW)).isTrue();
		assertThat(asWritten.passes("-0.01882088", DL_DW)).isTrue();
		assertThat(asWritten.passes("-0.01882091", DL_DW)).as("three units in the 7th digit").isFalse();
		assertThat(asWritten.passes("0.0188", DL_DW)).as("the sign").isFalse();
		assertThat(asWritten.passes("-0.188", DL_DW)).as("a factor of 10").isFalse();
		assertThat(asWritten.passes("-1.88e-2", DL_DW)).as("exponent form").isTrue();
	}

	/** A trailing zero is a digit written: 0.2350 claims four digits, 0.235 three. */
	@Test
	void trailingZerosCount() {
		double slope = 0.23557444490981472;
		assertThat(asWritten.passes("0.235", slope)).isTrue();
		assertThat(asWritten.passes("0.2350", slope)).isFalse();
		assertThat(asWritten.passes("0.2356", slope)).isTrue();
	}

	@Test
	void fifteenDigitsOrMoreAreJudgedWithin1eMinus9Relative() {
		assertThat(asWritten.passes("-0.0188208828526413", DL_DW)).isTrue();
		assertThat(asWritten.passes("-0.0188208829000000", DL_DW)).as("2.5e-9 relative off, 15 digits").isFalse();
		assertThat(asWritten.passes("-0.018820882852641253", DL_DW)).isTrue();
	}

	@Test
	void zerosKeepTheirLastDecimalPlace() {
		assertThat(asWritten.passes("0", 0.0)).isTrue();
		assertThat(asWritten.passes("0.000", 0.0004)).isTrue();
		assertThat(asWritten.passes("0.000", -0.0012)).as("rounds to −0.001, one unit").isTrue();
		assertThat(asWritten.passes("0.000", 0.0016)).as("rounds to 0.002, two units").isFalse();
		assertThat(asWritten.passes("0.001", 0.0)).as("one unit from an exact 0").isTrue();
		assertThat(asWritten.passes("0.002", 0.0)).isFalse();
	}

	@Test
	void significantDigitsJudgeEveryNumberAlike() {
		Judge three = Judge.of(3, null, null);
		assertThat(three.passes("-0.018820882852641253", DL_DW)).isTrue();
		assertThat(three.passes("-0.01882", DL_DW)).isTrue();
		assertThat(three.passes("-0.0188", DL_DW)).isTrue();
		assertThat(three.passes("-0.019", DL_DW)).as("0.0002 from −0.0188, two units of 1e-4").isFalse();
		assertThat(three.passes("1e-16", 0.0)).as("an exact 0 allows 1e-15").isTrue();
		assertThat(three.passes("1e-12", 0.0)).isFalse();
	}

	@Test
	void aToleranceJudgesByDistance() {
		Judge tolerance = Judge.of(null, 1e-3, 1e-6);
		assertThat(tolerance.passes("-0.01883", DL_DW)).as("9e-6 ≤ 1e-6 + 1.9e-5").isTrue();
		assertThat(tolerance.passes("-0.0189", DL_DW)).isFalse();
		assertThat(Judge.of(null, null, 0.0).passes("-0.018820882852641253", DL_DW)).as("exactly").isTrue();
	}

	/**
	 * Any value, written rounded half up to any number of digits below 15 (give or take
	 * one unit), passes; two units away it does not.
	 */
	@Property(tries = 2000)
	void theRoundedValueAndOneUnitAroundItPassTwoUnitsDoNot(@ForAll @DoubleRange(min = -1e6, max = 1e6) double value,
			@ForAll @IntRange(min = 1, max = 14) int digits) {
		if (value == 0.0) {
			return;
		}
		BigDecimal rounded = new BigDecimal(value).round(new MathContext(digits, RoundingMode.HALF_UP));
		BigDecimal unit = rounded.ulp();
		assertThat(asWritten.passes(rounded.toString(), value)).as(rounded.toString()).isTrue();
		assertThat(Judge.of(digits, null, null).passes(rounded.toString(), value)).isTrue();
		for (BigDecimal near : new BigDecimal[] { rounded.add(unit), rounded.subtract(unit) }) {
			if (near.precision() == digits && near.signum() == rounded.signum()) {
				assertThat(asWritten.passes(near.toString(), value)).as(near.toString()).isTrue();
			}
		}
		BigDecimal far = rounded.add(unit.multiply(BigDecimal.valueOf(2)));
		if (far.precision() == digits && far.signum() == rounded.signum()) {
			assertThat(asWritten.passes(far.toString(), value)).as(far.toString()).isFalse();
		}
	}

}
