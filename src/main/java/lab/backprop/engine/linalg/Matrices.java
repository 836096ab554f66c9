package lab.backprop.engine.linalg;

import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

import org.apache.commons.math3.exception.DimensionMismatchException;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;

/**
 * Element-wise helpers on Commons Math matrices that {@link RealMatrix} itself lacks. The
 * engine's matrices are {@link RowMajorMatrix}: these loops run along its one array, in
 * row-major order, rather than through visitors and {@code getEntry} (on a 784 × 256
 * layer, a few hundred microseconds instead of a few milliseconds). Any other
 * {@link RealMatrix} is copied first.
 */
public final class Matrices {

	private Matrices() {
	}

	/** A matrix holding a copy of {@code rows}. */
	public static RealMatrix of(double[][] rows) {
		return RowMajorMatrix.ofRows(rows);
	}

	/**
	 * The elements row after row: the matrix's own array for a {@link RowMajorMatrix},
	 * else a copy.
	 */
	public static double[] data(RealMatrix m) {
		return RowMajorMatrix.of(m).data();
	}

	/**
	 * The elements of {@code v}: its own array for an {@link ArrayRealVector}, else a
	 * copy.
	 */
	public static double[] data(RealVector v) {
		return v instanceof ArrayRealVector array ? array.getDataRef() : v.toArray();
	}

	/** The rows of {@code m}, as a new array of arrays. */
	public static double[][] rows(RealMatrix m) {
		return m.getData();
	}

	/** result[i][j] = f(m[i][j]). */
	public static RealMatrix map(RealMatrix m, DoubleUnaryOperator f) {
		double[] from = data(m);
		double[] to = new double[from.length];
		for (int i = 0; i < from.length; i++) {
			to[i] = f.applyAsDouble(from[i]);
		}
		return new RowMajorMatrix(m.getRowDimension(), m.getColumnDimension(), to);
	}

	/** result[i][j] = f(a[i][j], b[i][j]). */
	public static RealMatrix combine(RealMatrix a, RealMatrix b, DoubleBinaryOperator f) {
		MatrixUtils.checkAdditionCompatible(a, b);
		double[] x = data(a);
		double[] y = data(b);
		double[] to = new double[x.length];
		for (int i = 0; i < x.length; i++) {
			to[i] = f.applyAsDouble(x[i], y[i]);
		}
		return new RowMajorMatrix(a.getRowDimension(), a.getColumnDimension(), to);
	}

	/**
	 * result[i][j] = a[i][j] · b[i][j], in a loop of its own: through {@link #combine},
	 * whose operator every activation and loss shares, the JIT called the product per
	 * element.
	 */
	public static RealMatrix hadamard(RealMatrix a, RealMatrix b) {
		MatrixUtils.checkAdditionCompatible(a, b);
		double[] x = data(a);
		double[] y = data(b);
		double[] to = new double[x.length];
		for (int i = 0; i < x.length; i++) {
			to[i] = x[i] * y[i];
		}
		return new RowMajorMatrix(a.getRowDimension(), a.getColumnDimension(), to);
	}

	/**
	 * Adds {@code vector} to every row of {@code m}: in place when {@code m} is a
	 * {@link RowMajorMatrix}.
	 */
	public static RealMatrix addToEachRow(RealMatrix m, RealVector vector) {
		int columns = m.getColumnDimension();
		if (vector.getDimension() != columns) {
			throw new DimensionMismatchException(vector.getDimension(), columns);
		}
		double[] add = vector instanceof ArrayRealVector array ? array.getDataRef() : vector.toArray();
		RowMajorMatrix result = RowMajorMatrix.of(m);
		double[] data = result.data();
		for (int start = 0; start < data.length; start += columns) {
			for (int j = 0; j < columns; j++) {
				data[start + j] += add[j];
			}
		}
		return result;
	}

	/** The sum of each column, rows added first to last. */
	public static RealVector columnSums(RealMatrix m) {
		int columns = m.getColumnDimension();
		double[] data = data(m);
		double[] sums = new double[columns];
		for (int start = 0; start < data.length; start += columns) {
			for (int j = 0; j < columns; j++) {
				sums[j] += data[start + j];
			}
		}
		return new ArrayRealVector(sums, false);
	}

	/** The sum of all elements after {@code f}, row by row. */
	public static double sum(RealMatrix a, RealMatrix b, DoubleBinaryOperator f) {
		MatrixUtils.checkAdditionCompatible(a, b);
		double[] x = data(a);
		double[] y = data(b);
		double total = 0.0;
		for (int i = 0; i < x.length; i++) {
			total += f.applyAsDouble(x[i], y[i]);
		}
		return total;
	}

	/** The sum of each row, left to right. */
	public static double[] rowSums(RealMatrix m) {
		double[] sums = new double[m.getRowDimension()];
		for (int i = 0; i < sums.length; i++) {
			for (double v : m.getRow(i)) {
				sums[i] += v;
			}
		}
		return sums;
	}

	/** Σ|a − b| over all elements: how far apart two matrices of one shape are. */
	public static double distance(RealMatrix a, RealMatrix b) {
		return sum(a, b, (x, y) -> Math.abs(x - y));
	}

	/** Whether every element is a finite number (read in place). */
	public static boolean isFinite(RealMatrix m) {
		return isFinite(data(m));
	}

	/**
	 * v · 0 is 0 for a finite v and NaN for an infinite or NaN one, so the sum of those
	 * is 0 exactly when every value is finite. Without a branch per element, and with
	 * four sums side by side, this reads an array about a third faster than testing each
	 * value; it runs on every weight and optimizer buffer at every step.
	 */
	public static boolean isFinite(double[] values) {
		return isFinite(values, 0, values.length);
	}

	/** Whether the elements {@code from} (inclusive) to {@code to} are finite. */
	public static boolean isFinite(double[] values, int from, int to) {
		double zero0 = 0.0;
		double zero1 = 0.0;
		double zero2 = 0.0;
		double zero3 = 0.0;
		int k = from;
		for (int end = to - ((to - from) & 3); k < end; k += 4) {
			zero0 += values[k] * 0.0;
			zero1 += values[k + 1] * 0.0;
			zero2 += values[k + 2] * 0.0;
			zero3 += values[k + 3] * 0.0;
		}
		for (; k < to; k++) {
			zero0 += values[k] * 0.0;
		}
		return zero0 + zero1 + zero2 + zero3 == 0.0;
	}

	/**
	 * The largest |v| of finite values: on the vector lanes where the JVM has them
	 * ({@link VectorMaxAbs}), else element by element. Either gives the same value.
	 */
	public static double maxAbs(double[] values) {
		return VectorLanes.AVAILABLE ? VectorMaxAbs.maxAbs(values) : scalarMaxAbs(values);
	}

	/**
	 * The largest |v| of finite values (without Math.max's NaN rule, which is slower),
	 * kept in four maxima side by side so that the comparisons do not wait for each
	 * other.
	 */
	static double scalarMaxAbs(double[] values) {
		double max0 = 0.0;
		double max1 = 0.0;
		double max2 = 0.0;
		double max3 = 0.0;
		int k = 0;
		for (int end = values.length & ~3; k < end; k += 4) {
			max0 = larger(max0, Math.abs(values[k]));
			max1 = larger(max1, Math.abs(values[k + 1]));
			max2 = larger(max2, Math.abs(values[k + 2]));
			max3 = larger(max3, Math.abs(values[k + 3]));
		}
		for (; k < values.length; k++) {
			max0 = larger(max0, Math.abs(values[k]));
		}
		return larger(larger(max0, max1), larger(max2, max3));
	}

	private static double larger(double a, double b) {
		return a > b ? a : b;
	}

	public static boolean isFinite(RealVector v) {
		return !v.isNaN() && !v.isInfinite();
	}

}
