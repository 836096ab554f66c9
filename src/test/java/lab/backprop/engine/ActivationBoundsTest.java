package lab.backprop.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;

import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import lab.backprop.engine.linalg.Matrices;

/**
 * What lets the passes leave out checks ({@link ForwardPass}, {@link BackwardPass}):
 * every activation maps a finite z to a finite output, and every element-wise slope of a
 * finite z lies in [0, 1], so dL/dZ = dL/dA ⊙ slope is as finite as dL/dA. Checked on the
 * extremes of the doubles and on random z of every exponent.
 */
class ActivationBoundsTest {

	private static final double[] EXTREMES = { 0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, 1e-300, -1e-300, 0.5,
			-0.5, 1.0, -1.0, 22.0, -22.0, 709.0, -709.0, 710.5, -710.5, 745.2, -745.2, 1e300, -1e300, Double.MAX_VALUE,
			-Double.MAX_VALUE };

	@ParameterizedTest
	@EnumSource(Activation.class)
	void aFiniteZGivesFiniteOutputsAndSlopesWithinZeroAndOne(Activation activation) {
		RealMatrix z = Matrices.of(rows());
		RealMatrix a = activation.apply(z);
		assertThat(Matrices.isFinite(a)).as("output").isTrue();
		if (activation == Activation.SOFTMAX) {
			for (double value : Matrices.data(a)) {
				assertThat(value).isBetween(0.0, 1.0);
			}
			return;
		}
		RealMatrix slope = activation.derivative(z, a);
		double[] zs = Matrices.data(z);
		double[] slopes = Matrices.data(slope);
		for (int k = 0; k < slopes.length; k++) {
			assertThat(slopes[k]).as("slope at z = %s", zs[k]).isBetween(0.0, 1.0);
		}
	}

	private static double[][] rows() {
		SplittableRandom random = new SplittableRandom(18);
		double[][] rows = new double[2001][EXTREMES.length];
		rows[0] = EXTREMES.clone();
		for (int i = 1; i < rows.length; i++) {
			for (int j = 0; j < EXTREMES.length; j++) {
				double value;
				do {
					value = Double.longBitsToDouble(random.nextLong());
				}
				while (!Double.isFinite(value));
				rows[i][j] = value;
			}
		}
		return rows;
	}

}
