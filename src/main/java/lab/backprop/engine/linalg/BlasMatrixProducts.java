package lab.backprop.engine.linalg;

import java.util.concurrent.Semaphore;

import org.apache.commons.math3.exception.DimensionMismatchException;
import org.apache.commons.math3.linear.RealMatrix;

import dev.ludovic.netlib.blas.BLAS;
import dev.ludovic.netlib.blas.NativeBLAS;

/**
 * Large products on {@code dev.ludovic.netlib}'s BLAS ({@code dgemm}), small ones on
 * Commons Math. The engine's {@link RowMajorMatrix} is BLAS's own layout, so operands and
 * results pass without copies.
 *
 * <p>
 * The BLAS is a {@link BlasKernel}: the machine's native OpenBLAS where one is installed,
 * else the library's pure-Java kernel (VectorBLAS with
 * {@code --add-modules=jdk.incubator.vector}). Kernels sum in different orders (blocks,
 * vector lanes), so a large product can differ between kernels and machines in its last
 * bits; the tests bound that against the plain sums.
 *
 * <p>
 * A product goes to BLAS once it has at least {@link #DEFAULT_THRESHOLD} multiply-adds
 * (m·k·n, 16 × 16 × 16). Below that, the call into BLAS costs about as much as the
 * product itself ({@code MatrixProductBenchmark}, BENCHMARKS.md). And Commons Math sums
 * each element over k in order, as the textbook writes it, so small networks such as the
 * seed, the ones people check by hand, keep exactly those numbers on every machine.
 */
public final class BlasMatrixProducts implements MatrixProducts {

	/** 16 × 16 × 16 multiply-adds. */
	public static final long DEFAULT_THRESHOLD = 16L * 16 * 16;

	/**
	 * 2^20 multiply-adds: from about a millisecond of work on, a second core pays for the
	 * hand-off.
	 */
	static final long PARALLEL_THRESHOLD = 1L << 20;

	/** The cores: the most native products that run at once. */
	private static final int CORES = Runtime.getRuntime().availableProcessors();

	/**
	 * Native products run at most one per core, and one at a time where the native BLAS
	 * threads on its own (it spreads each product over every core already, so running
	 * several at once gains nothing). netlib's JNI shim pins the arrays as a JNI critical
	 * region, during which (on JDK 17's G1) no garbage collection can start: with many
	 * requests inside native products at once, other threads' allocations gave up waiting
	 * and the JVM ran out of heap (measured: 64 concurrent MNIST requests in a 576 MB
	 * heap). A product takes one permit per thread it runs on.
	 */
	private static final Semaphore NATIVE_CALLS = new Semaphore(CORES, true);

	private final BLAS blas;

	private final boolean parallel;

	private final boolean nativeCode;

	private final long threshold;

	/** The pure-Java kernel from the default threshold on. */
	public BlasMatrixProducts() {
		this(BlasKernel.java(), DEFAULT_THRESHOLD);
	}

	/**
	 * The pure-Java kernel. @param threshold the smallest m·k·n that BLAS computes; 0 for
	 * all
	 */
	public BlasMatrixProducts(long threshold) {
		this(BlasKernel.java(), threshold);
	}

	/**
	 * @param threshold the smallest number of multiply-adds (m·k·n) that BLAS computes; 0
	 * for all
	 */
	public BlasMatrixProducts(BlasKernel kernel, long threshold) {
		this.blas = kernel.blas();
		this.parallel = kernel.parallel();
		this.nativeCode = kernel.blas() instanceof NativeBLAS;
		this.threshold = threshold;
	}

	/**
	 * The BLAS implementation in use, such as {@code VectorBLAS}, {@code Java11BLAS} or
	 * {@code JNIBLAS}.
	 */
	public String kernelName() {
		return blas.getClass().getSimpleName();
	}

	@Override
	public RealMatrix multiply(RealMatrix a, RealMatrix b) {
		int m = a.getRowDimension();
		int k = a.getColumnDimension();
		int n = b.getColumnDimension();
		if (b.getRowDimension() != k) {
			throw new DimensionMismatchException(b.getRowDimension(), k);
		}
		return isSmall(m, k, n) ? COMMONS_MATH.multiply(a, b) : onBlas(a, b, m, k, n, false, false);
	}

	@Override
	public RealMatrix transposeMultiply(RealMatrix a, RealMatrix b) {
		int k = a.getRowDimension();
		int m = a.getColumnDimension();
		int n = b.getColumnDimension();
		if (b.getRowDimension() != k) {
			throw new DimensionMismatchException(b.getRowDimension(), k);
		}
		return isSmall(m, k, n) ? COMMONS_MATH.transposeMultiply(a, b) : onBlas(a, b, m, k, n, true, false);
	}

	@Override
	public RealMatrix multiplyTranspose(RealMatrix a, RealMatrix b) {
		int m = a.getRowDimension();
		int k = a.getColumnDimension();
		int n = b.getRowDimension();
		if (b.getColumnDimension() != k) {
			throw new DimensionMismatchException(b.getColumnDimension(), k);
		}
		return isSmall(m, k, n) ? COMMONS_MATH.multiplyTranspose(a, b) : onBlas(a, b, m, k, n, false, true);
	}

	/**
	 * C (m × n) = op(a) · op(b) on BLAS, where a holds m × k (k × m when
	 * {@code aTransposed}) and b holds k × n (n × k when {@code bTransposed}), all
	 * row-major. Read column-major, a row-major array is its transpose, so BLAS computes
	 * Cᵀ = op(b)ᵀ · op(a)ᵀ with b first, and C comes back row-major; the rows of C are
	 * the columns of Cᵀ, so a block of C's rows is a block of op(a)ᵀ's columns.
	 */
	private RealMatrix onBlas(RealMatrix a, RealMatrix b, int m, int k, int n, boolean aTransposed,
			boolean bTransposed) {
		double[] flatA = Matrices.data(a);
		double[] flatB = Matrices.data(b);
		double[] c = new double[m * n];
		String opA = aTransposed ? "T" : "N";
		String opB = bTransposed ? "T" : "N";
		int lda = aTransposed ? m : k;
		int ldb = bTransposed ? k : n;
		int rowStride = aTransposed ? 1 : k;
		inHalves(m, k, n, (from, count) -> blas.dgemm(opB, opA, n, count, k, 1.0, flatB, 0, ldb, flatA,
				from * rowStride, lda, 0.0, c, from * n, n));
		return new RowMajorMatrix(m, n, c);
	}

	/** Rows {@code from} to {@code from + count} of the result. */
	private interface RowBlock {

		void compute(int from, int count);

	}

	/**
	 * On a single-threaded kernel (the pure-Java one, or a native BLAS told to use one
	 * thread), a product large enough to be worth it is computed in two halves of its
	 * rows, shared between the caller and a worker ({@link Halves}). Each element is
	 * summed by the same kernel either way.
	 */
	private void inHalves(int m, int k, int n, RowBlock block) {
		if (!parallel) {
			call(block, 0, m, CORES);
			return;
		}
		Halves.run(m, (long) m * k * n >= PARALLEL_THRESHOLD, (from, to) -> call(block, from, to - from, 1));
	}

	/**
	 * Computes a block, holding {@code permits} of the native calls' when the kernel is
	 * native ({@link #NATIVE_CALLS}).
	 */
	private void call(RowBlock block, int from, int count, int permits) {
		if (!nativeCode) {
			block.compute(from, count);
			return;
		}
		NATIVE_CALLS.acquireUninterruptibly(permits);
		try {
			block.compute(from, count);
		}
		finally {
			NATIVE_CALLS.release(permits);
		}
	}

	private boolean isSmall(int m, int k, int n) {
		return (long) m * k * n < threshold;
	}

}
