package lab.backprop.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;

import org.junit.jupiter.api.Test;

/**
 * The reference itself, held to published constants, so that it cannot be wrong silently:
 * e (OEIS A001113), ln 2 (A002162) and ln 10 (A002392) to 60 digits, and e^±40, σ(40),
 * tanh(20), e^(1/3), ln 10⁻⁷⁰ as mpmath 1.3 prints them at 80 digits.
 */
class HighPrecisionTest {

	private final HighPrecision hp = new HighPrecision(100);

	@Test
	void eAndTheLogarithmsOfTwoAndTenMatchTheirPublishedDigits() {
		assertDigits(hp.exp(BigDecimal.ONE),
				"2.71828182845904523536028747135266249775724709369995957496696762772407663", 70);
		assertDigits(hp.ln(BigDecimal.valueOf(2)),
				"0.693147180559945309417232121458176568075500134360255254120680009493393621", 70);
		assertDigits(hp.ln2(), "0.693147180559945309417232121458176568075500134360255254120680009493393621", 70);
		assertDigits(hp.ln(BigDecimal.TEN),
				"2.30258509299404568401799145468436420760110148862877297603332790096757260967", 70);
	}

	@Test
	void theSaturatedRangeMatchesAnIndependentArbitraryPrecisionLibrary() {
		assertDigits(hp.exp(BigDecimal.valueOf(-40)),
				"4.2483542552915889953292347828586580178795655541664462880508189189260330639269147E-18", 75);
		assertDigits(hp.exp(BigDecimal.valueOf(40)),
				"235385266837019985.40789991074903480450887161725455546723665125118928916352581695", 75);
		assertDigits(hp.sigmoid(BigDecimal.valueOf(40)),
				"0.99999999999999999575164574470841102271927909559549362856523728211383192506698153", 75);
		assertDigits(hp.tanh(BigDecimal.valueOf(20)),
				"0.99999999999999999150329148941682204543855819119098725713047456422766385013396305", 75);
		assertDigits(hp.exp(BigDecimal.ONE.divide(BigDecimal.valueOf(3), new MathContext(130))),
				"1.3956124250860895286281253196025868375979065151994069826175167060317390156459518", 75);
		assertDigits(hp.ln(new BigDecimal("1E-70")),
				"-161.18095650958319788125940182790549453207710420401410832233295306773008267741467", 75);
	}

	@Test
	void expAndLnUndoEachOtherAcrossTheRangeTheReferenceUses() {
		for (String x : new String[] { "1E-40", "0.001", "0.5", "0.9999999999", "1", "1.0000000001", "3", "1E+30",
				"7.5E-71" }) {
			BigDecimal value = new BigDecimal(x);
			assertDigits(hp.exp(hp.ln(value)), value.toString(), 95);
		}
		for (double x : new double[] { -160, -80.5, -40, -1e-20, 0, 1e-20, 0.25, 40, 80.5, 160 }) {
			BigDecimal value = new BigDecimal(x);
			BigDecimal back = hp.ln(hp.exp(value));
			assertThat(back.subtract(value).abs()).as("ln exp %s", x)
				.isLessThanOrEqualTo(value.abs().max(BigDecimal.ONE).movePointLeft(95));
		}
		// e^a · e^b = e^(a+b), with a and b that share no digits
		BigDecimal a = new BigDecimal("17.3");
		BigDecimal b = new BigDecimal("-52.125");
		assertDigits(hp.exp(a).multiply(hp.exp(b)), hp.exp(a.add(b)).toString(), 95);
	}

	/**
	 * {@code actual} agrees with {@code expected} to {@code digits} significant digits.
	 */
	private static void assertDigits(BigDecimal actual, String expected, int digits) {
		BigDecimal want = new BigDecimal(expected);
		BigDecimal error = actual.subtract(want).abs();
		BigDecimal bound = want.abs().movePointLeft(digits);
		assertThat(error).as("%s vs %s", actual, expected).isLessThanOrEqualTo(bound);
	}

}
