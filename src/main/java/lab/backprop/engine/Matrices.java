package lab.backprop.engine;

import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.DefaultRealMatrixChangingVisitor;
import org.apache.commons.math3.linear.DefaultRealMatrixPreservingVisitor;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;

/** Element-wise helpers on Commons Math matrices that {@link RealMatrix} itself lacks. */
public final class Matrices {

	private Matrices() {
	}

	/** Wraps rows without copying them. */
	public static RealMatrix of(double[][] rows) {
		return new Array2DRowRealMatrix(rows, false);
	}

	/** The rows of {@code m}, without a copy where the matrix already holds them as rows. */
	public static double[][] rows(RealMatrix m) {
		return m instanceof Array2DRowRealMatrix array ? array.getDataRef() : m.getData();
	}

	public static RealMatrix map(RealMatrix m, DoubleUnaryOperator f) {
		RealMatrix result = m.copy();
		result.walkInOptimizedOrder(new DefaultRealMatrixChangingVisitor() {
			@Override
			public double visit(int row, int column, double value) {
				return f.applyAsDouble(value);
			}
		});
		return result;
	}

	/** result[i][j] = f(a[i][j], b[i][j]). */
	public static RealMatrix combine(RealMatrix a, RealMatrix b, DoubleBinaryOperator f) {
		RealMatrix result = a.copy();
		result.walkInOptimizedOrder(new DefaultRealMatrixChangingVisitor() {
			@Override
			public double visit(int row, int column, double value) {
				return f.applyAsDouble(value, b.getEntry(row, column));
			}
		});
		return result;
	}

	public static RealMatrix hadamard(RealMatrix a, RealMatrix b) {
		return combine(a, b, (x, y) -> x * y);
	}

	/** Adds {@code vector} to every row of {@code m}, in place. */
	public static RealMatrix addToEachRow(RealMatrix m, RealVector vector) {
		m.walkInOptimizedOrder(new DefaultRealMatrixChangingVisitor() {
			@Override
			public double visit(int row, int column, double value) {
				return value + vector.getEntry(column);
			}
		});
		return m;
	}

	/** The sum of each column, rows added first to last. */
	public static RealVector columnSums(RealMatrix m) {
		double[] sums = new double[m.getColumnDimension()];
		m.walkInRowOrder(new DefaultRealMatrixPreservingVisitor() {
			@Override
			public void visit(int row, int column, double value) {
				sums[column] += value;
			}
		});
		return new ArrayRealVector(sums, false);
	}

	/** The sum of all elements after {@code f}, row by row. */
	public static double sum(RealMatrix a, RealMatrix b, DoubleBinaryOperator f) {
		double[] total = {0.0};
		a.walkInRowOrder(new DefaultRealMatrixPreservingVisitor() {
			@Override
			public void visit(int row, int column, double value) {
				total[0] += f.applyAsDouble(value, b.getEntry(row, column));
			}
		});
		return total[0];
	}

	public static boolean isFinite(RealMatrix m) {
		for (int row = 0; row < m.getRowDimension(); row++) {
			for (double v : m.getRow(row)) {
				if (!Double.isFinite(v)) {
					return false;
				}
			}
		}
		return true;
	}

	public static boolean isFinite(RealVector v) {
		return !v.isNaN() && !v.isInfinite();
	}
}
