package lab.backprop.config;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;

import org.junit.jupiter.api.Test;
import tools.jackson.core.io.NumberOutput;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The port writes exactly the text of Jackson's fast double writer (the one the answers
 * were written with before it): random bit patterns over the whole range, the values of
 * the answers' usual range, and the values where the format or the digit count changes.
 */
class ShortestDoubleTextTest {

	private final ShortestDoubleText port = new ShortestDoubleText();

	private final byte[] buffer = new byte[64];

	private int compared;

	@Test
	void randomBitPatternsOverTheWholeRange() {
		SplittableRandom random = new SplittableRandom(18);
		compareMany(2_000_000, () -> {
			double value;
			do {
				value = Double.longBitsToDouble(random.nextLong());
			}
			while (!Double.isFinite(value));
			return value;
		});
	}

	@Test
	void randomValuesOfTheUsualSizes() {
		SplittableRandom random = new SplittableRandom(2);
		compareMany(1_000_000, () -> random.nextDouble(-1, 1));
		compareMany(500_000, () -> random.nextGaussian() * 1e-3);
		compareMany(500_000, () -> Math.scalb(random.nextDouble(), random.nextInt(-60, 60)));
		compareMany(200_000, () -> (double) random.nextInt(-10_000_000, 10_000_000) / 1_000);
	}

	@Test
	void specialValues() {
		double[] specials = { 0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, 2 * Double.MIN_VALUE,
				3 * Double.MIN_VALUE, Double.MIN_NORMAL, Math.nextDown(Double.MIN_NORMAL), Double.MAX_VALUE,
				-Double.MAX_VALUE, 1.0, -1.0, 0.1, 0.2, 0.3, 0.1 + 0.2, 1.0 / 3, 2.0 / 3, 100.0, 1e7, 1e-3, 9.999999e6,
				1.0e23, 8.41e21, 5e-324, 2.2250738585072014E-308, 4.9e-324, 1.7976931348623157e308 };
		for (double value : specials) {
			compareBothSigns(value);
		}
		for (int exponent = -325; exponent <= 309; exponent++) {
			double power = Double.parseDouble("1e" + exponent);
			compareNeighbours(power);
			compareNeighbours(power * 9.999999999999999);
		}
		for (int exponent = -1074; exponent <= 1023; exponent++) {
			compareNeighbours(Math.scalb(1.0, exponent));
		}
		for (long subnormal = 1; subnormal < 100_000; subnormal++) {
			compareBothSigns(Double.longBitsToDouble(subnormal));
			compareBothSigns(Double.longBitsToDouble(0x000F_FFFF_FFFF_FFFFL - subnormal));
		}
		for (double edge : new double[] { 1e-3, 1e7 }) {
			double below = edge;
			double above = edge;
			for (int i = 0; i < 1000; i++) {
				below = Math.nextDown(below);
				above = Math.nextUp(above);
				compareBothSigns(below);
				compareBothSigns(above);
			}
		}
		assertThat(this.compared).isGreaterThan(400_000);
	}

	@Test
	void writesFromTheOffsetGivenAndNoFurtherThanItsLongestText() {
		byte[] bytes = new byte[40];
		java.util.Arrays.fill(bytes, (byte) '#');
		int end = this.port.write(-1.25E-7, bytes, 7);
		String text = new String(bytes, StandardCharsets.US_ASCII);
		assertThat(end).isEqualTo(15);
		assertThat(text).startsWith("#######-1.25E-7");
		// past the end it may leave scratch digits, but only within MAX_LENGTH of the
		// offset
		assertThat(text.substring(7 + ShortestDoubleText.MAX_LENGTH)).isEqualTo("#".repeat(40 - 7 - 24));
	}

	private void compareMany(int count, DoubleSupplier values) {
		for (int i = 0; i < count; i++) {
			compare(values.getAsDouble());
		}
	}

	private void compareNeighbours(double value) {
		if (Double.isFinite(value)) {
			compareBothSigns(value);
			compareBothSigns(Math.nextUp(value));
			compareBothSigns(Math.nextDown(value));
		}
	}

	private void compareBothSigns(double value) {
		compare(value);
		compare(-value);
	}

	private void compare(double value) {
		String jackson = NumberOutput.toString(value, true);
		int end = this.port.write(value, this.buffer, 3);
		String ours = new String(this.buffer, 3, end - 3, StandardCharsets.US_ASCII);
		if (!ours.equals(jackson)) {
			assertThat(ours).as("the text of %s (bits %x)", jackson, Double.doubleToRawLongBits(value))
				.isEqualTo(jackson);
		}
		assertThat(end - 3).isLessThanOrEqualTo(ShortestDoubleText.MAX_LENGTH);
		this.compared++;
	}

}
