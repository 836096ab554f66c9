package lab.backprop.engine.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.commons.math3.exception.DimensionMismatchException;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The BLAS kernel against an independent computation: a plain triple loop written here,
 * on random matrices of many shapes (square, tall, wide, odd sizes that do not fill a
 * vector lane).
 */
class BlasMatrixProductsTest {

	/** Every product on the pure-Java BLAS, whatever its size. */
	private final BlasMatrixProducts blasOnly = new BlasMatrixProducts(0);

	/**
	 * Every kernel this machine has, each for every product: the pure-Java one always,
	 * the native one where a BLAS library is installed (CI installs OpenBLAS).
	 */
	private static List<BlasMatrixProducts> kernels() {
		List<BlasMatrixProducts> kernels = new ArrayList<>();
		kernels.add(new BlasMatrixProducts(BlasKernel.choose(BlasKernel.Choice.JAVA), 0));
		try {
			kernels.add(new BlasMatrixProducts(BlasKernel.choose(BlasKernel.Choice.NATIVE), 0));
		}
		catch (IllegalStateException noNativeBlas) {
			// this machine has none: the pure-Java kernel is all the service can use, and
			// is tested
		}
		return kernels;
	}

	private final Random random = new Random(20261128);

	@ParameterizedTest(name = "{0} × {1} × {2}")
	@CsvSource({ "1, 1, 1", "1, 3, 1", "2, 3, 5", "7, 13, 3", "17, 31, 9", "64, 784, 256", "64, 256, 10", "33, 65, 129",
			"129, 97, 101" })
	void multiplyMatchesTheTripleLoop(int m, int k, int n) {
		double[][] a = randomMatrix(m, k);
		double[][] b = randomMatrix(k, n);
		for (BlasMatrixProducts products : kernels()) {
			assertClose(products.multiply(Matrices.of(a), Matrices.of(b)), reference(a, b), products);
		}
	}

	@ParameterizedTest(name = "{0} × {1} × {2}")
	@CsvSource({ "1, 1, 1", "3, 1, 1", "2, 3, 5", "7, 13, 3", "17, 31, 9", "784, 64, 256", "256, 64, 10", "33, 65, 129",
			"129, 97, 101" })
	void transposeMultiplyMatchesTheTripleLoop(int m, int k, int n) {
		double[][] a = randomMatrix(k, m);
		double[][] b = randomMatrix(k, n);
		for (BlasMatrixProducts products : kernels()) {
			assertClose(products.transposeMultiply(Matrices.of(a), Matrices.of(b)), reference(transpose(a), b),
					products);
		}
	}

	@ParameterizedTest(name = "{0} × {1} × {2}")
	@CsvSource({ "1, 1, 1", "1, 1, 3", "2, 3, 5", "7, 13, 3", "17, 31, 9", "64, 256, 784", "64, 10, 256", "33, 65, 129",
			"129, 97, 101" })
	void multiplyTransposeMatchesTheTripleLoop(int m, int k, int n) {
		double[][] a = randomMatrix(m, k);
		double[][] b = randomMatrix(n, k);
		for (BlasMatrixProducts products : kernels()) {
			assertClose(products.multiplyTranspose(Matrices.of(a), Matrices.of(b)), reference(a, transpose(b)),
					products);
		}
	}

	@Test
	void smallProductsAreExactlyTheTextbookSums() {
		BlasMatrixProducts products = new BlasMatrixProducts();
		double[][] a = randomMatrix(8, 15);
		double[][] b = randomMatrix(15, 8); // 960 multiply-adds, under the threshold
		assertThat(Matrices.rows(products.multiply(Matrices.of(a), Matrices.of(b)))).isDeepEqualTo(reference(a, b)[0]);
	}

	@Test
	void largeProductsUseTheDefaultThresholdAndStillMatch() {
		BlasMatrixProducts products = new BlasMatrixProducts();
		double[][] a = randomMatrix(16, 16);
		double[][] b = randomMatrix(16, 16); // exactly the threshold
		assertClose(products.multiply(Matrices.of(a), Matrices.of(b)), reference(a, b), products);
	}

	/**
	 * Requests run in parallel: a kernel called from many threads at once (OpenBLAS
	 * threads itself too).
	 */
	@Test
	void productsFromManyThreadsAtOnceStayCorrect() throws Exception {
		int threads = 8;
		double[][][] as = new double[threads][][];
		double[][][] bs = new double[threads][][];
		for (int t = 0; t < threads; t++) {
			as[t] = randomMatrix(64, 300);
			bs[t] = randomMatrix(300, 100);
		}
		for (BlasMatrixProducts products : kernels()) {
			ExecutorService pool = Executors.newFixedThreadPool(threads);
			try {
				List<Future<RealMatrix>> results = new ArrayList<>();
				for (int round = 0; round < 5; round++) {
					for (int t = 0; t < threads; t++) {
						RealMatrix a = Matrices.of(as[t]);
						RealMatrix b = Matrices.of(bs[t]);
						results.add(pool.submit(() -> products.multiply(a, b)));
					}
				}
				for (int i = 0; i < results.size(); i++) {
					int t = i % threads;
					assertClose(results.get(i).get(), reference(as[t], bs[t]), products);
				}
			}
			finally {
				pool.shutdownNow();
			}
		}
	}

	@Test
	void shapesThatDoNotChainAreRefused() {
		RealMatrix a = Matrices.of(randomMatrix(40, 50));
		RealMatrix b = Matrices.of(randomMatrix(49, 40));
		assertThatThrownBy(() -> blasOnly.multiply(a, b)).isInstanceOf(DimensionMismatchException.class);
		assertThatThrownBy(() -> blasOnly.transposeMultiply(a, b)).isInstanceOf(DimensionMismatchException.class);
		assertThatThrownBy(() -> blasOnly.multiplyTranspose(a, b)).isInstanceOf(DimensionMismatchException.class);
	}

	/**
	 * Each element within 1e-13 of the sum of |a_ik · b_kj|: far tighter than any error
	 * in the index layout (which would be of the order of the elements themselves), loose
	 * enough for BLAS's summation order.
	 */
	private static void assertClose(RealMatrix actual, double[][][] expected, BlasMatrixProducts products) {
		double[][] sums = expected[0];
		double[][] scale = expected[1];
		assertThat(actual.getRowDimension()).isEqualTo(sums.length);
		assertThat(actual.getColumnDimension()).isEqualTo(sums[0].length);
		for (int i = 0; i < sums.length; i++) {
			for (int j = 0; j < sums[0].length; j++) {
				double error = Math.abs(actual.getEntry(i, j) - sums[i][j]);
				assertThat(error).as("element (%d, %d) on %s", i, j, products.kernelName())
					.isLessThanOrEqualTo(1e-13 * scale[i][j]);
			}
		}
	}

	/**
	 * The textbook product and, for each element, the sum of the magnitudes of its terms.
	 */
	private static double[][][] reference(double[][] a, double[][] b) {
		int m = a.length;
		int k = b.length;
		int n = b[0].length;
		double[][] c = new double[m][n];
		double[][] scale = new double[m][n];
		for (int i = 0; i < m; i++) {
			for (int j = 0; j < n; j++) {
				double sum = 0.0;
				double magnitude = 0.0;
				for (int p = 0; p < k; p++) {
					sum += a[i][p] * b[p][j];
					magnitude += Math.abs(a[i][p] * b[p][j]);
				}
				c[i][j] = sum;
				scale[i][j] = magnitude;
			}
		}
		return new double[][][] { c, scale };
	}

	private static double[][] transpose(double[][] a) {
		double[][] t = new double[a[0].length][a.length];
		for (int i = 0; i < a.length; i++) {
			for (int j = 0; j < a[0].length; j++) {
				t[j][i] = a[i][j];
			}
		}
		return t;
	}

	private double[][] randomMatrix(int rows, int columns) {
		double[][] m = new double[rows][columns];
		for (double[] row : m) {
			for (int j = 0; j < columns; j++) {
				row[j] = random.nextGaussian();
			}
		}
		return m;
	}

}
