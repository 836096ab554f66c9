package lab.backprop.engine;

import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import lab.backprop.engine.linalg.Matrices;

/** Stops a step at the first quantity that is no longer a finite number. */
final class Finite {

	private Finite() {
	}

	static void check(RealMatrix m, String quantity) {
		if (!Matrices.isFinite(m)) {
			throw new NonFiniteValueException(quantity);
		}
	}

	/**
	 * Checks {@code product} = aᵀ·b (or any product summing k = a's rows of terms) of
	 * finite operands. Every element and every partial sum of it is at most k · max|a| ·
	 * max|b| in size, so when that bound is far below the largest double the product is
	 * finite without reading it: for dL/dW of a wide layer, the operands are several
	 * times smaller than the product.
	 */
	static void checkProduct(RealMatrix product, RealMatrix a, RealMatrix b, String quantity) {
		long productSize = (long) product.getRowDimension() * product.getColumnDimension();
		long operandSize = (long) a.getRowDimension() * a.getColumnDimension()
				+ (long) b.getRowDimension() * b.getColumnDimension();
		if (operandSize < productSize && productBoundedBy(a.getRowDimension(), a, b)) {
			return;
		}
		check(product, quantity);
	}

	/**
	 * Whether every product of {@code terms} terms, each an element of {@code a} times an
	 * element of {@code b} (finite), and every partial sum of it, stays far below the
	 * largest double: terms · max|a| · max|b| < MAX_VALUE / 4.
	 */
	static boolean productBoundedBy(int terms, RealMatrix a, RealMatrix b) {
		return terms * maxAbs(a) * maxAbs(b) < Double.MAX_VALUE / 4;
	}

	private static double maxAbs(RealMatrix m) {
		return Matrices.maxAbs(Matrices.data(m));
	}

	static void check(RealVector v, String quantity) {
		if (!Matrices.isFinite(v)) {
			throw new NonFiniteValueException(quantity);
		}
	}

	static void check(double value, String quantity) {
		if (!Double.isFinite(value)) {
			throw new NonFiniteValueException(quantity);
		}
	}

}
