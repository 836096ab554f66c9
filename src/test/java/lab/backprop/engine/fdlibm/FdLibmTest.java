package lab.backprop.engine.fdlibm;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ports give StrictMath's very bits: compared with {@link Double#doubleToRawLongBits}
 * over millions of arguments across every range (random bit patterns, so every exponent,
 * subnormals included; each range between fdlibm's branch points; a few thousand doubles
 * either side of every branch point; zeros, infinities, NaN). StrictMath is JDK 17's C
 * fdlibm through JNI here, and Java 21+'s own port of it on a newer JDK.
 */
class FdLibmTest {

	/** |x| where fdlibm's tanh, cosh or expm1 change their formula. */
	private static final double[] BRANCH_POINTS = { 0x1p-1022, 0x1p-55, 0x1p-54, 0x1p-28, Math.log(2) / 2, 0x1.62e42p-2,
			0x1.62e43p-2, 0.25, 0.5, 1.0, 1.5 * Math.log(2), 0x1.0a2b2p0, 2.0, 19 * Math.log(2), 20 * Math.log(2), 22.0,
			44.0, 56 * Math.log(2), 0x1.4368p5, 0x1.4369p5, 0x1.62e42fefa39efp9, 0x1.62e42p9, 0x1.633cep9,
			0x1.633ce8fb9f87dp9, 710.4758600739439, 1024.0, Double.MAX_VALUE };

	static List<Arguments> functions() {
		return List.of(Arguments.of("tanh", (DoubleUnaryOperator) FdLibm::tanh, (DoubleUnaryOperator) StrictMath::tanh),
				Arguments.of("cosh", (DoubleUnaryOperator) FdLibm::cosh, (DoubleUnaryOperator) StrictMath::cosh),
				Arguments.of("expm1", (DoubleUnaryOperator) FdLibm::expm1, (DoubleUnaryOperator) StrictMath::expm1));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("functions")
	void givesStrictMathsBitsEverywhere(String name, DoubleUnaryOperator port, DoubleUnaryOperator strict) {
		List<Double> arguments = arguments();
		assertThat(arguments).hasSizeGreaterThan(3_000_000);
		List<String> differences = new ArrayList<>();
		for (double x : arguments) {
			double ours = port.applyAsDouble(x);
			double theirs = strict.applyAsDouble(x);
			if (Double.doubleToRawLongBits(ours) != Double.doubleToRawLongBits(theirs) && differences.size() < 10) {
				differences.add(name + "(" + Double.toHexString(x) + ") = " + Double.toHexString(ours) + ", StrictMath "
						+ Double.toHexString(theirs));
			}
		}
		assertThat(differences).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("functions")
	void specialValuesAsStrictMath(String name, DoubleUnaryOperator port, DoubleUnaryOperator strict) {
		double[] special = { 0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL, Double.MAX_VALUE,
				-Double.MAX_VALUE, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN,
				Double.longBitsToDouble(0xfff8000000000000L) };
		for (double x : special) {
			assertThat(Double.doubleToRawLongBits(port.applyAsDouble(x))).as("%s(%s)", name, Double.toHexString(x))
				.isEqualTo(Double.doubleToRawLongBits(strict.applyAsDouble(x)));
		}
		assertThat(port.applyAsDouble(-0.0)).isEqualTo(name.equals("cosh") ? 1.0 : -0.0);
	}

	private static List<Double> arguments() {
		SplittableRandom random = new SplittableRandom(18);
		List<Double> arguments = new ArrayList<>();
		// every exponent alike, subnormals, infinities and NaNs included
		for (int i = 0; i < 1_000_000; i++) {
			arguments.add(Double.longBitsToDouble(random.nextLong()));
		}
		// uniform between neighbouring branch points, both signs
		for (int b = 0; b + 1 < BRANCH_POINTS.length; b++) {
			double low = BRANCH_POINTS[b];
			double high = Math.min(BRANCH_POINTS[b + 1], 1e300);
			for (int i = 0; i < 40_000; i++) {
				double x = low + (high - low) * random.nextDouble();
				arguments.add(x);
				arguments.add(-x);
			}
		}
		// the activations' own range, densely
		for (int i = 0; i < 400_000; i++) {
			arguments.add(random.nextDouble(-30.0, 30.0));
		}
		// the doubles right next to every branch point (and to half and twice it: tanh
		// calls expm1 with 2|x|)
		for (double point : BRANCH_POINTS) {
			for (double scale : new double[] { 0.5, 1.0, 2.0 }) {
				double x = point * scale;
				for (int i = 0; i < 2_000; i++) {
					arguments.add(x);
					arguments.add(-x);
					x = Math.nextDown(x);
				}
				x = point * scale;
				for (int i = 0; i < 2_000; i++) {
					x = Math.nextUp(x);
					arguments.add(x);
					arguments.add(-x);
				}
			}
		}
		return arguments;
	}

}
