package lab.backprop.engine.linalg;

import org.apache.commons.math3.exception.DimensionMismatchException;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * {@link MatrixProducts#COMMONS_MATH}: c[i][j] = Σ_k a[i][k]·b[k][j], each sum started at
 * 0 and taken over k in order, exactly Commons Math's {@code AbstractRealMatrix.multiply}
 * loop (the transposed forms are that loop on the transposed operand), on the arrays of
 * {@link RowMajorMatrix}.
 */
final class TextbookProducts implements MatrixProducts {

	@Override
	public RealMatrix multiply(RealMatrix a, RealMatrix b) {
		int m = a.getRowDimension();
		int k = a.getColumnDimension();
		int n = b.getColumnDimension();
		checkInner(b.getRowDimension(), k);
		return product(m, k, n, Matrices.data(a), k, 1, Matrices.data(b), n, 1);
	}

	@Override
	public RealMatrix transposeMultiply(RealMatrix a, RealMatrix b) {
		int k = a.getRowDimension();
		int m = a.getColumnDimension();
		int n = b.getColumnDimension();
		checkInner(b.getRowDimension(), k);
		return product(m, k, n, Matrices.data(a), 1, m, Matrices.data(b), n, 1);
	}

	@Override
	public RealMatrix multiplyTranspose(RealMatrix a, RealMatrix b) {
		int m = a.getRowDimension();
		int k = a.getColumnDimension();
		int n = b.getRowDimension();
		checkInner(b.getColumnDimension(), k);
		return product(m, k, n, Matrices.data(a), k, 1, Matrices.data(b), 1, k);
	}

	/**
	 * The m × n product of x and y read through strides, which is how one loop serves the
	 * transposed forms without a transposed copy: x[i][l] is
	 * {@code x[i * xRow + l * xInner]}, y[l][j] is {@code y[l * yInner + j * yColumn]}.
	 */
	private static RealMatrix product(int m, int k, int n, double[] x, int xRow, int xInner, double[] y, int yInner,
			int yColumn) {
		double[] c = new double[m * n];
		for (int i = 0; i < m; i++) {
			for (int j = 0; j < n; j++) {
				double sum = 0;
				for (int l = 0; l < k; l++) {
					sum += x[i * xRow + l * xInner] * y[l * yInner + j * yColumn];
				}
				c[i * n + j] = sum;
			}
		}
		return new RowMajorMatrix(m, n, c);
	}

	private static void checkInner(int actual, int expected) {
		if (actual != expected) {
			throw new DimensionMismatchException(actual, expected);
		}
	}

}
