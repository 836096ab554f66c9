package lab.backprop.engine.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;

import org.apache.commons.math3.exception.DimensionMismatchException;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;

/**
 * The small products give Commons Math's own sums bit for bit: each compared with
 * {@link Array2DRowRealMatrix}'s {@code multiply} (and its {@code transpose()}) on
 * matrices of many shapes with values of every size and sign, zeros and negative zeros
 * among them, where any other order of summation shows in the last bits.
 */
class TextbookProductsTest {

	private final Random random = new Random(18);

	@Test
	void sameBitsAsCommonsMath() {
		for (int trial = 0; trial < 300; trial++) {
			int m = 1 + random.nextInt(12);
			int k = 1 + random.nextInt(12);
			int n = 1 + random.nextInt(12);
			double[][] a = values(m, k);
			double[][] b = values(k, n);
			double[][] aTransposed = new Array2DRowRealMatrix(a).transpose().getData();
			double[][] bTransposed = new Array2DRowRealMatrix(b).transpose().getData();
			RealMatrix expected = new Array2DRowRealMatrix(a).multiply(new Array2DRowRealMatrix(b));

			assertSameBits(MatrixProducts.COMMONS_MATH.multiply(Matrices.of(a), Matrices.of(b)), expected);
			assertSameBits(MatrixProducts.COMMONS_MATH.transposeMultiply(Matrices.of(aTransposed), Matrices.of(b)),
					expected);
			assertSameBits(MatrixProducts.COMMONS_MATH.multiplyTranspose(Matrices.of(a), Matrices.of(bTransposed)),
					expected);
		}
	}

	@Test
	void aSumOfNegativeZerosIsPositiveZeroAsInCommonsMath() {
		RealMatrix product = MatrixProducts.COMMONS_MATH.multiply(Matrices.of(new double[][] { { -0.0, 1.0 } }),
				Matrices.of(new double[][] { { 1.0 }, { -0.0 } }));
		assertThat(Double.doubleToRawLongBits(product.getEntry(0, 0))).isEqualTo(Double.doubleToRawLongBits(0.0));
	}

	@Test
	void refusesOperandsThatDoNotFit() {
		RealMatrix a = Matrices.of(new double[][] { { 1, 2, 3 } });
		assertThatThrownBy(() -> MatrixProducts.COMMONS_MATH.multiply(a, a))
			.isInstanceOf(DimensionMismatchException.class);
		assertThatThrownBy(
				() -> MatrixProducts.COMMONS_MATH.transposeMultiply(a, Matrices.of(new double[][] { { 1 }, { 2 } })))
			.isInstanceOf(DimensionMismatchException.class);
		assertThatThrownBy(
				() -> MatrixProducts.COMMONS_MATH.multiplyTranspose(a, Matrices.of(new double[][] { { 1, 2 } })))
			.isInstanceOf(DimensionMismatchException.class);
	}

	private double[][] values(int rows, int columns) {
		double[][] values = new double[rows][columns];
		for (double[] row : values) {
			for (int j = 0; j < columns; j++) {
				row[j] = switch (random.nextInt(8)) {
					case 0 -> 0.0;
					case 1 -> -0.0;
					case 2 -> random.nextGaussian() * 1e12;
					case 3 -> random.nextGaussian() * 1e-12;
					default -> random.nextGaussian();
				};
			}
		}
		return values;
	}

	private static void assertSameBits(RealMatrix actual, RealMatrix expected) {
		assertThat(actual.getRowDimension()).isEqualTo(expected.getRowDimension());
		assertThat(actual.getColumnDimension()).isEqualTo(expected.getColumnDimension());
		for (int i = 0; i < expected.getRowDimension(); i++) {
			for (int j = 0; j < expected.getColumnDimension(); j++) {
				assertThat(Double.doubleToRawLongBits(actual.getEntry(i, j)))
					.as("(%d, %d): %s vs %s", i, j, actual.getEntry(i, j), expected.getEntry(i, j))
					.isEqualTo(Double.doubleToRawLongBits(expected.getEntry(i, j)));
			}
		}
	}

}
