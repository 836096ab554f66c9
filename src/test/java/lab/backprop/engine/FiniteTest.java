package lab.backprop.engine;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;
import lab.backprop.engine.linalg.MatrixProducts;
import lab.backprop.engine.linalg.Matrices;

/**
 * The finiteness check of dL/dW = inputᵀ · dL/dZ, which may skip reading a product it can
 * bound.
 */
class FiniteTest {

	private final MatrixProducts products = MatrixProducts.COMMONS_MATH;

	@Test
	void aProductThatOverflowsIsNamed() {
		// 1 example, 3 inputs, 3 neurons: the 3 × 3 product is larger than its operands
		// (3 + 3)
		RealMatrix input = Matrices.of(new double[][] { { 1e200, 1.0, -1e200 } });
		RealMatrix dLdZ = Matrices.of(new double[][] { { 1e200, 2.0, 3.0 } });
		RealMatrix dLdW = products.transposeMultiply(input, dLdZ);
		assertThatThrownBy(() -> Finite.checkProduct(dLdW, input, dLdZ, "backward.layers[0].dL_dW"))
			.isInstanceOf(NonFiniteValueException.class)
			.hasMessageContaining("backward.layers[0].dL_dW");
	}

	@Test
	void aSumOfFiniteTermsThatOverflowsIsNamed() {
		// each term 1e308 is finite; the sum over the batch of two is not (5 × 5 product,
		// 10 + 10 operands)
		RealMatrix input = Matrices.of(new double[][] { { 1e154, 1, 1, 1, 1 }, { 1e154, 1, 1, 1, 1 } });
		RealMatrix dLdZ = Matrices.of(new double[][] { { 1e154, 1, 1, 1, 1 }, { 1e154, 1, 1, 1, 1 } });
		RealMatrix dLdW = products.transposeMultiply(input, dLdZ);
		assertThatThrownBy(() -> Finite.checkProduct(dLdW, input, dLdZ, "dL_dW"))
			.isInstanceOf(NonFiniteValueException.class);
	}

	@Test
	void aProductOfModerateOperandsPasses() {
		RealMatrix input = Matrices.of(new double[][] { { 1e100, -3.0, 0.5 }, { 2.0, 1e-300, 7.0 } });
		RealMatrix dLdZ = Matrices.of(new double[][] { { 1e100, 1.0, -1.0, 4.0 }, { -2.0, 0.0, 1.0, 1e50 } });
		RealMatrix dLdW = products.transposeMultiply(input, dLdZ);
		assertThatCode(() -> Finite.checkProduct(dLdW, input, dLdZ, "dL_dW")).doesNotThrowAnyException();
	}

	@Test
	void aProductNoLargerThanItsOperandsIsRead() {
		// 2 × 1 product from operands of 2 + 1 elements: read directly, and its infinity
		// found
		RealMatrix input = Matrices.of(new double[][] { { 1e300, 1e300 } });
		RealMatrix dLdZ = Matrices.of(new double[][] { { 1e300 } });
		RealMatrix dLdW = products.transposeMultiply(input, dLdZ);
		assertThatThrownBy(() -> Finite.checkProduct(dLdW, input, dLdZ, "dL_dW"))
			.isInstanceOf(NonFiniteValueException.class);
	}

}
