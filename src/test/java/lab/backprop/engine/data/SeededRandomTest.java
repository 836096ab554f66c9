package lab.backprop.engine.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

/**
 * The generator is SplitMix64 as its authors wrote it, and the doubles, Gaussians and
 * shuffle are the documented formulas.
 */
class SeededRandomTest {

	/**
	 * Vigna's splitmix64.c, written out here independently of the JDK: state += golden
	 * gamma, then Stafford's mix 13.
	 */
	private static final class SplitMix64 {

		private long state;

		SplitMix64(long seed) {
			state = seed;
		}

		long next() {
			long z = (state += 0x9E3779B97F4A7C15L);
			z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
			z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
			return z ^ (z >>> 31);
		}

	}

	@Test
	void theStreamIsSplitMix64OfTheSeed() {
		for (long seed : new long[] { 0, 1, 42, (1L << 53) - 1 }) {
			SeededRandom random = new SeededRandom(seed);
			SplitMix64 reference = new SplitMix64(seed);
			for (int i = 0; i < 1000; i++) {
				assertThat(random.nextLong()).as("seed %d, draw %d", seed, i).isEqualTo(reference.next());
			}
		}
	}

	/**
	 * The first output of splitmix64.c for seed 0, as other implementations' tests quote
	 * it.
	 */
	@Test
	void theFirstDrawOfSeedZeroIsThePublishedOne() {
		assertThat(new SeededRandom(0).nextLong()).isEqualTo(0xE220A8397B1DCDAFL);
	}

	@Test
	void aUniformIsTheTop53BitsTimesTwoToTheMinus53() {
		SeededRandom random = new SeededRandom(7);
		SplitMix64 reference = new SplitMix64(7);
		for (int i = 0; i < 1000; i++) {
			double u = random.uniform();
			assertThat(u).isEqualTo((reference.next() >>> 11) / 9007199254740992.0)
				.isGreaterThanOrEqualTo(0)
				.isLessThan(1);
		}
		SeededRandom ranged = new SeededRandom(7);
		SplitMix64 again = new SplitMix64(7);
		assertThat(ranged.uniform(-5, 5)).isEqualTo(-5 + 10 * ((again.next() >>> 11) / 9007199254740992.0));
	}

	@Test
	void aGaussianIsBoxMullerOfTwoUniforms() {
		SeededRandom random = new SeededRandom(3);
		SplitMix64 reference = new SplitMix64(3);
		double u1 = (reference.next() >>> 11) / 9007199254740992.0;
		double u2 = (reference.next() >>> 11) / 9007199254740992.0;
		assertThat(random.gaussian())
			.isEqualTo(StrictMath.sqrt(-2 * StrictMath.log(1 - u1)) * StrictMath.cos(2 * StrictMath.PI * u2));
	}

	/**
	 * 200,000 values: mean within 5 standard errors of 0, variance within 2 %, and the
	 * share within one standard deviation 68.27 % give or take 1 %.
	 */
	@Test
	void gaussiansHaveMeanZeroAndVarianceOne() {
		SeededRandom random = new SeededRandom(11);
		int n = 200_000;
		double sum = 0;
		double squares = 0;
		int withinOne = 0;
		for (int i = 0; i < n; i++) {
			double g = random.gaussian();
			sum += g;
			squares += g * g;
			withinOne += Math.abs(g) < 1 ? 1 : 0;
		}
		double mean = sum / n;
		assertThat(Math.abs(mean)).isLessThan(5 / Math.sqrt(n));
		assertThat(squares / n - mean * mean).isBetween(0.98, 1.02);
		assertThat((double) withinOne / n).isBetween(0.6727, 0.6927);
	}

	@Test
	void aShuffleIsFisherYatesFromTheLastPosition() {
		Integer[] rows = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 };
		new SeededRandom(5).shuffle(rows);
		Integer[] expected = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 };
		SplitMix64 reference = new SplitMix64(5);
		for (int i = expected.length - 1; i > 0; i--) {
			int j = (int) ((reference.next() >>> 11) / 9007199254740992.0 * (i + 1));
			Integer swap = expected[i];
			expected[i] = expected[j];
			expected[j] = swap;
		}
		assertThat(rows).containsExactly(expected);
		assertThat(Arrays.stream(rows).sorted()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
		assertThat(rows).isNotEqualTo(new Integer[] { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 });
	}

}
