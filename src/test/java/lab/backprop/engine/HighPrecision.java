package lab.backprop.engine;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * exp, ln and what is built of them (sigmoid, tanh), in {@link BigDecimal} to a chosen
 * number of significant digits: the reference the engine's doubles are held to. Written
 * from the series alone, so that it shares nothing with the code under test:
 * <ul>
 * <li>ln 2 = 2·atanh(1/3), and ln m = 2·atanh((m − 1)/(m + 1)) for m in [½, 2], where the
 * series converges at least as fast as (1/3)²ⁿ; any other x is m·2ᵏ, ln x = ln m + k·ln 2
 * (no cancellation: there |ln x| ≥ ln 2);</li>
 * <li>exp x = 2ⁿ·exp r with n = round(x / ln 2), |r| ≤ 0.35, and exp r by its Taylor
 * series.</li>
 * </ul>
 * Every function works {@link #GUARD} digits beyond the precision asked for and rounds
 * once at the end. {@code HighPrecisionTest} checks the results against published
 * constants.
 */
final class HighPrecision {

	/**
	 * Digits carried beyond the precision asked for, against the rounding of the steps.
	 */
	static final int GUARD = 25;

	private final MathContext mc;

	private final MathContext work;

	private final BigDecimal ln2;

	HighPrecision(int digits) {
		this.mc = new MathContext(digits, RoundingMode.HALF_EVEN);
		this.work = new MathContext(digits + GUARD, RoundingMode.HALF_EVEN);
		this.ln2 = atanhTimesTwo(BigDecimal.ONE.divide(BigDecimal.valueOf(3), work));
	}

	MathContext context() {
		return mc;
	}

	BigDecimal ln2() {
		return ln2.round(mc);
	}

	/** e^x. */
	BigDecimal exp(BigDecimal x) {
		BigDecimal n = x.divide(ln2, work).setScale(0, RoundingMode.HALF_EVEN);
		BigDecimal r = x.subtract(n.multiply(ln2, work), work);
		BigDecimal sum = BigDecimal.ONE;
		BigDecimal term = BigDecimal.ONE;
		BigDecimal negligible = BigDecimal.ONE.movePointLeft(work.getPrecision() + 2);
		for (int k = 1; term.abs().compareTo(negligible) > 0; k++) {
			term = term.multiply(r, work).divide(BigDecimal.valueOf(k), work);
			sum = sum.add(term, work);
		}
		int power = n.intValueExact();
		BigDecimal scale = new BigDecimal(BigInteger.TWO.pow(Math.abs(power)));
		BigDecimal result = power >= 0 ? sum.multiply(scale, work) : sum.divide(scale, work);
		return result.round(mc);
	}

	/** ln x for x > 0. */
	BigDecimal ln(BigDecimal x) {
		if (x.signum() <= 0) {
			throw new ArithmeticException("ln of " + x);
		}
		BigDecimal half = new BigDecimal("0.5");
		BigDecimal two = BigDecimal.valueOf(2);
		// x = m·2^k: first k from the digits' bit length, then m nudged into [½, 2]
		BigInteger unscaled = x.unscaledValue();
		int k = unscaled.bitLength() - (int) Math.ceil(x.scale() * (Math.log(10) / Math.log(2)));
		BigDecimal m = k >= 0 ? x.divide(new BigDecimal(BigInteger.TWO.pow(k)), work)
				: x.multiply(new BigDecimal(BigInteger.TWO.pow(-k)), work);
		while (m.compareTo(two) > 0) {
			m = m.divide(two, work);
			k++;
		}
		while (m.compareTo(half) < 0) {
			m = m.multiply(two, work);
			k--;
		}
		BigDecimal lnM = atanhTimesTwo(m.subtract(BigDecimal.ONE, work).divide(m.add(BigDecimal.ONE, work), work));
		return lnM.add(ln2.multiply(BigDecimal.valueOf(k), work), work).round(mc);
	}

	/** 1 / (1 + e^−z). */
	BigDecimal sigmoid(BigDecimal z) {
		return BigDecimal.ONE.divide(BigDecimal.ONE.add(exp(z.negate()), work), mc);
	}

	/** (e^2z − 1) / (e^2z + 1). */
	BigDecimal tanh(BigDecimal z) {
		BigDecimal e2z = exp(z.multiply(BigDecimal.valueOf(2)));
		return e2z.subtract(BigDecimal.ONE, work).divide(e2z.add(BigDecimal.ONE, work), mc);
	}

	/** 2·atanh(t) = 2·Σ t^(2k+1)/(2k+1), for |t| ≤ 1/3. */
	private BigDecimal atanhTimesTwo(BigDecimal t) {
		BigDecimal t2 = t.multiply(t, work);
		BigDecimal power = t;
		BigDecimal sum = BigDecimal.ZERO;
		BigDecimal negligible = t.abs().movePointLeft(work.getPrecision() + 2);
		for (int k = 0; power.abs().compareTo(negligible) > 0; k++) {
			sum = sum.add(power.divide(BigDecimal.valueOf(2L * k + 1), work), work);
			power = power.multiply(t2, work);
		}
		return sum.multiply(BigDecimal.valueOf(2), work);
	}

}
