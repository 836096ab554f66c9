package lab.backprop.engine.optim;

import java.util.Arrays;
import java.util.Map;
import java.util.Random;

import lab.backprop.engine.linalg.Matrices;
import lab.backprop.engine.linalg.VectorLanes;

/**
 * Run by {@link ScalarFallbackTest} in a JVM without the Vector API: prints whether the
 * module is there and the bits of a few Adam updates and maxima, which the test compares
 * with its own (vector) run.
 */
final class ScalarFallbackProbe {

	private ScalarFallbackProbe() {
	}

	public static void main(String[] args) {
		System.out.println(VectorLanes.AVAILABLE + " " + fingerprint());
	}

	/** A hash of the raw bits of Adam's results (with their finiteness) and of maxAbs. */
	static int fingerprint() {
		Random random = new Random(29);
		int length = 1237;
		long[] bits = new long[4 * 3 * length + 8];
		int b = 0;
		for (Adam adam : new Adam[] { new Adam(0.9, 0.999, 1e-8, 0.0), new Adam(0.3, 0.5, 1e-3, 0.01) }) {
			for (long t : new long[] { 1, 777 }) {
				double[][] now = new double[4][length];
				for (double[] values : now) {
					for (int k = 0; k < length; k++) {
						values[k] = random.nextGaussian() * Math.pow(10, random.nextInt(20) - 10);
					}
				}
				for (int k = 0; k < length; k++) {
					now[3][k] = Math.abs(now[3][k]);
				}
				TensorOptimizer.Tensor before = new TensorOptimizer.Tensor(now[0],
						Map.of(Adam.EXP_AVG, now[2], Adam.EXP_AVG_SQ, now[3]));
				TensorOptimizer.Tensor after = new TensorOptimizer.Tensor(new double[length],
						Map.of(Adam.EXP_AVG, new double[length], Adam.EXP_AVG_SQ, new double[length]));
				boolean finite = adam.updateAndCheck(before, now[1], after, t, 0.001, 0, length);
				for (double[] written : new double[][] { after.values(), after.buffer(Adam.EXP_AVG),
						after.buffer(Adam.EXP_AVG_SQ) }) {
					for (double value : written) {
						bits[b++] = Double.doubleToRawLongBits(value);
					}
				}
				bits[b++] = finite ? 1 : 0;
				bits[b++] = Double.doubleToRawLongBits(Matrices.maxAbs(after.values()));
			}
		}
		return Arrays.hashCode(bits);
	}

}
