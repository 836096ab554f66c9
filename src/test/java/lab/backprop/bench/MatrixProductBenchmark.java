package lab.backprop.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.apache.commons.math3.linear.RealMatrix;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import lab.backprop.engine.linalg.BlasMatrixProducts;
import lab.backprop.engine.linalg.Matrices;
import lab.backprop.engine.linalg.MatrixProducts;

/**
 * The three products of a dense layer's step (forward a·b, dL/dW = aᵀ·b, dL/dInput =
 * a·bᵀ) for a batch of {@code batch} through an {@code inputs} → {@code outputs} layer,
 * on each kernel. 64, 784, 256 is the first layer of the MNIST case
 * (bench/numpy_products.py times the same); the small square sizes show where BLAS starts
 * to pay ({@link BlasMatrixProducts#DEFAULT_THRESHOLD}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class MatrixProductBenchmark {

	/** batch × inputs × outputs. */
	@Param({ "64x784x256", "8x8x8", "16x16x16", "32x32x32", "48x48x48" })
	public String shape;

	/**
	 * {@code blas}: the kernel the service picks (native OpenBLAS where installed);
	 * {@code java-blas}: the pure-Java one.
	 */
	@Param({ "blas", "java-blas", "commons-math" })
	public String products;

	private MatrixProducts kernel;

	private RealMatrix input;

	private RealMatrix weights;

	private RealMatrix dLdZ;

	@Setup
	public void setUp() {
		String[] parts = shape.split("x");
		int batch = Integer.parseInt(parts[0]);
		int inputs = Integer.parseInt(parts[1]);
		int outputs = Integer.parseInt(parts[2]);
		kernel = BenchmarkCase.products(products, 0);
		Random random = new Random(1);
		input = random(random, batch, inputs);
		weights = random(random, inputs, outputs);
		dLdZ = random(random, batch, outputs);
	}

	@Benchmark
	public RealMatrix forward() {
		return kernel.multiply(input, weights);
	}

	@Benchmark
	public RealMatrix weightGradient() {
		return kernel.transposeMultiply(input, dLdZ);
	}

	@Benchmark
	public RealMatrix inputGradient() {
		return kernel.multiplyTranspose(dLdZ, weights);
	}

	private static RealMatrix random(Random random, int rows, int columns) {
		double[][] m = new double[rows][columns];
		for (double[] row : m) {
			for (int j = 0; j < columns; j++) {
				row[j] = random.nextGaussian();
			}
		}
		return Matrices.of(m);
	}

}
