package lab.backprop.engine.data;

import java.util.SplittableRandom;

/**
 * The one source of randomness of the data sets and the starting weights, the same on
 * every machine and JDK. The 64-bit stream is SplitMix64 (Steele, Lea and Flood, 2014;
 * Vigna's {@code splitmix64.c}): the state starts at the seed, each draw adds
 * 0x9E3779B97F4A7C15 and returns the state mixed by Stafford's variant 13, which is what
 * {@link SplittableRandom#nextLong()} computes for {@code new SplittableRandom(seed)}.
 * Only that method is used; the doubles are made here, with {@link StrictMath}, so no
 * JDK's own conversions matter:
 * <ul>
 * <li>a uniform u in [0, 1): the top 53 bits of a draw times 2⁻⁵³;</li>
 * <li>a uniform in [a, b): a + (b − a) · u;</li>
 * <li>a standard normal value: Box–Muller from two uniforms u₁, u₂ (drawn in that order),
 * √(−2 ln(1 − u₁)) · cos(2π u₂); the sine half is not kept, so every value costs two
 * draws;</li>
 * <li>a shuffle: Fisher–Yates from the last position down, swapping position i with ⌊u ·
 * (i + 1)⌋.</li>
 * </ul>
 */
public final class SeededRandom {

	private static final double UNIT = 0x1.0p-53;

	private final SplittableRandom bits;

	public SeededRandom(long seed) {
		this.bits = new SplittableRandom(seed);
	}

	/** The next 64 bits of the SplitMix64 stream. */
	public long nextLong() {
		return bits.nextLong();
	}

	/** Uniform in [0, 1), a multiple of 2⁻⁵³. */
	public double uniform() {
		return (nextLong() >>> 11) * UNIT;
	}

	/** Uniform in [min, max). */
	public double uniform(double min, double max) {
		return min + (max - min) * uniform();
	}

	/** Standard normal (mean 0, variance 1), by Box–Muller. */
	public double gaussian() {
		double u1 = uniform();
		double u2 = uniform();
		// 1 − u₁ is in (0, 1], so the logarithm is finite
		return StrictMath.sqrt(-2 * StrictMath.log(1 - u1)) * StrictMath.cos(2 * StrictMath.PI * u2);
	}

	/** Puts the rows of {@code rows} in a random order, in place (Fisher–Yates). */
	public void shuffle(Object[] rows) {
		for (int i = rows.length - 1; i > 0; i--) {
			int j = (int) (uniform() * (i + 1));
			Object swap = rows[i];
			rows[i] = rows[j];
			rows[j] = swap;
		}
	}

}
