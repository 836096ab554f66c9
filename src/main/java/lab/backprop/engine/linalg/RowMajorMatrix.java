package lab.backprop.engine.linalg;

import java.util.Arrays;

import org.apache.commons.math3.exception.DimensionMismatchException;
import org.apache.commons.math3.exception.NotStrictlyPositiveException;
import org.apache.commons.math3.linear.AbstractRealMatrix;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * A dense Commons Math matrix kept row after row in one array: the layout BLAS reads and
 * writes, so a large product takes its operands and hands back its result without copying
 * them, and element-wise work runs along one array. Everything else is Commons Math's
 * {@link AbstractRealMatrix}; its products, for instance, sum each element over k in
 * order, as the textbook does.
 */
public final class RowMajorMatrix extends AbstractRealMatrix {

	private final int rows;

	private final int columns;

	private final double[] data;

	/** A matrix of zeros. */
	public RowMajorMatrix(int rows, int columns) {
		this(rows, columns, new double[checkedSize(rows, columns)]);
	}

	/** Wraps {@code data} (rows × columns elements, row after row) without copying it. */
	public RowMajorMatrix(int rows, int columns, double[] data) {
		if (data.length != checkedSize(rows, columns)) {
			throw new DimensionMismatchException(data.length, rows * columns);
		}
		this.rows = rows;
		this.columns = columns;
		this.data = data;
	}

	/** {@code m} itself when it is one already, else a copy of its elements. */
	public static RowMajorMatrix of(RealMatrix m) {
		if (m instanceof RowMajorMatrix rowMajor) {
			return rowMajor;
		}
		int rowCount = m.getRowDimension();
		int columnCount = m.getColumnDimension();
		double[] data = new double[rowCount * columnCount];
		for (int i = 0; i < rowCount; i++) {
			System.arraycopy(m.getRow(i), 0, data, i * columnCount, columnCount);
		}
		return new RowMajorMatrix(rowCount, columnCount, data);
	}

	/** A copy of rectangular {@code rows} (each at least one element long). */
	public static RowMajorMatrix ofRows(double[][] rows) {
		if (rows.length == 0 || rows[0].length == 0) {
			throw new NotStrictlyPositiveException(0);
		}
		int columnCount = rows[0].length;
		double[] data = new double[rows.length * columnCount];
		for (int i = 0; i < rows.length; i++) {
			if (rows[i].length != columnCount) {
				throw new DimensionMismatchException(rows[i].length, columnCount);
			}
			System.arraycopy(rows[i], 0, data, i * columnCount, columnCount);
		}
		return new RowMajorMatrix(rows.length, columnCount, data);
	}

	/** The elements row after row: the array itself, not a copy. */
	public double[] data() {
		return data;
	}

	@Override
	public int getRowDimension() {
		return rows;
	}

	@Override
	public int getColumnDimension() {
		return columns;
	}

	@Override
	public RealMatrix createMatrix(int rowDimension, int columnDimension) {
		return new RowMajorMatrix(rowDimension, columnDimension);
	}

	@Override
	public RowMajorMatrix copy() {
		return new RowMajorMatrix(rows, columns, data.clone());
	}

	@Override
	public double getEntry(int row, int column) {
		return data[index(row, column)];
	}

	@Override
	public void setEntry(int row, int column, double value) {
		data[index(row, column)] = value;
	}

	@Override
	public void addToEntry(int row, int column, double increment) {
		data[index(row, column)] += increment;
	}

	@Override
	public void multiplyEntry(int row, int column, double factor) {
		data[index(row, column)] *= factor;
	}

	@Override
	public double[] getRow(int row) {
		MatrixUtils.checkRowIndex(this, row);
		return Arrays.copyOfRange(data, row * columns, (row + 1) * columns);
	}

	@Override
	public void setRow(int row, double[] values) {
		MatrixUtils.checkRowIndex(this, row);
		if (values.length != columns) {
			throw new DimensionMismatchException(values.length, columns);
		}
		System.arraycopy(values, 0, data, row * columns, columns);
	}

	@Override
	public double[][] getData() {
		double[][] copy = new double[rows][];
		for (int i = 0; i < rows; i++) {
			copy[i] = Arrays.copyOfRange(data, i * columns, (i + 1) * columns);
		}
		return copy;
	}

	private int index(int row, int column) {
		MatrixUtils.checkMatrixIndex(this, row, column);
		return row * columns + column;
	}

	private static int checkedSize(int rows, int columns) {
		if (rows < 1) {
			throw new NotStrictlyPositiveException(rows);
		}
		if (columns < 1) {
			throw new NotStrictlyPositiveException(columns);
		}
		return Math.multiplyExact(rows, columns);
	}

}
