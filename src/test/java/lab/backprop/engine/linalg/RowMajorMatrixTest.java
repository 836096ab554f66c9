package lab.backprop.engine.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.commons.math3.exception.DimensionMismatchException;
import org.apache.commons.math3.exception.NotStrictlyPositiveException;
import org.apache.commons.math3.exception.OutOfRangeException;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;

/** The engine's matrix layout behaves as a Commons Math matrix, element for element. */
class RowMajorMatrixTest {

	private final double[][] rows = { { 1.5, -2.0, 3.25 }, { 0.1, 0.2, 0.3 } };

	@Test
	void elementsSitRowAfterRow() {
		RowMajorMatrix m = RowMajorMatrix.ofRows(rows);
		assertThat(m.data()).containsExactly(1.5, -2.0, 3.25, 0.1, 0.2, 0.3);
		assertThat(m.getRowDimension()).isEqualTo(2);
		assertThat(m.getColumnDimension()).isEqualTo(3);
		assertThat(m.getEntry(1, 2)).isEqualTo(0.3);
		assertThat(m.getRow(0)).containsExactly(1.5, -2.0, 3.25);
		assertThat(m.getData()).isDeepEqualTo(rows);
		assertThat(m).isEqualTo(new Array2DRowRealMatrix(rows));
	}

	@Test
	void copiesAreIndependentAndWrappingIsNot() {
		RowMajorMatrix m = RowMajorMatrix.ofRows(rows);
		rows[0][0] = 99.0;
		assertThat(m.getEntry(0, 0)).as("ofRows copies").isEqualTo(1.5);
		RowMajorMatrix copy = m.copy();
		copy.setEntry(0, 0, 7.0);
		assertThat(m.getEntry(0, 0)).isEqualTo(1.5);
		m.data()[4] = -1.0;
		assertThat(m.getEntry(1, 1)).as("data() is the matrix's own array").isEqualTo(-1.0);
		assertThat(RowMajorMatrix.of(m)).isSameAs(m);
	}

	@Test
	void commonsMathArithmeticGivesTheSameNumbersAsItsOwnMatrices() {
		double[][] b = { { 0.5, -1.0 }, { 2.0, 0.25 }, { -0.75, 1.125 } };
		RealMatrix expected = new Array2DRowRealMatrix(rows).multiply(new Array2DRowRealMatrix(b));
		RealMatrix actual = RowMajorMatrix.ofRows(rows).multiply(RowMajorMatrix.ofRows(b));
		assertThat(actual.getData()).isDeepEqualTo(expected.getData());
		assertThat(actual).isInstanceOf(RowMajorMatrix.class);
		assertThat(RowMajorMatrix.ofRows(rows).transpose().getData())
			.isDeepEqualTo(new Array2DRowRealMatrix(rows).transpose().getData());
	}

	@Test
	void badShapesAndIndexesAreRefused() {
		assertThatThrownBy(() -> new RowMajorMatrix(2, 3, new double[5]))
			.isInstanceOf(DimensionMismatchException.class);
		assertThatThrownBy(() -> new RowMajorMatrix(0, 3)).isInstanceOf(NotStrictlyPositiveException.class);
		assertThatThrownBy(() -> RowMajorMatrix.ofRows(new double[][] { { 1, 2 }, { 3 } }))
			.isInstanceOf(DimensionMismatchException.class);
		RowMajorMatrix m = RowMajorMatrix.ofRows(rows);
		assertThatThrownBy(() -> m.getEntry(2, 0)).isInstanceOf(OutOfRangeException.class);
		assertThatThrownBy(() -> m.getEntry(0, 3)).isInstanceOf(OutOfRangeException.class);
		assertThatThrownBy(() -> m.setRow(0, new double[2])).isInstanceOf(DimensionMismatchException.class);
	}

}
