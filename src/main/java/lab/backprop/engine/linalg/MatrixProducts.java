package lab.backprop.engine.linalg;

import org.apache.commons.math3.linear.RealMatrix;

/**
 * The three matrix products of a dense layer's step, behind one seam so a faster kernel
 * can serve them.
 */
public interface MatrixProducts {

	/** a · b (forward: input · weights). */
	RealMatrix multiply(RealMatrix a, RealMatrix b);

	/** aᵀ · b (dL/dW = inputᵀ · dL/dZ). */
	RealMatrix transposeMultiply(RealMatrix a, RealMatrix b);

	/** a · bᵀ (dL/dInput = dL/dZ · weightsᵀ). */
	RealMatrix multiplyTranspose(RealMatrix a, RealMatrix b);

	/**
	 * Commons Math's products: each element summed over k in order from 0, as the
	 * textbook writes it (and as {@code AbstractRealMatrix.multiply} does), read along
	 * the engine's row-major arrays instead of through {@code getEntry} and without
	 * forming a transpose: the same sums, so the same bits.
	 */
	MatrixProducts COMMONS_MATH = new TextbookProducts();

}
