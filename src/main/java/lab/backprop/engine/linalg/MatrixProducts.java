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
	 * Commons Math's own products: each element summed over k in order, as the textbook
	 * writes it.
	 */
	MatrixProducts COMMONS_MATH = new MatrixProducts() {
		@Override
		public RealMatrix multiply(RealMatrix a, RealMatrix b) {
			return a.multiply(b);
		}

		@Override
		public RealMatrix transposeMultiply(RealMatrix a, RealMatrix b) {
			return a.transpose().multiply(b);
		}

		@Override
		public RealMatrix multiplyTranspose(RealMatrix a, RealMatrix b) {
			return a.multiply(b.transpose());
		}
	};

}
