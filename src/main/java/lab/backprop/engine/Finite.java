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
		if (operandSize < productSize && a.getRowDimension() * maxAbs(a) * maxAbs(b) < Double.MAX_VALUE / 4) {
			return;
		}
		check(product, quantity);
	}

	private static double maxAbs(RealMatrix m) {
		double max = 0.0;
		for (double v : Matrices.data(m)) {
			max = Math.max(max, Math.abs(v));
		}
		return max;
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
