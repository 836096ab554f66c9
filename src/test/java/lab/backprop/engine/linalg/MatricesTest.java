package lab.backprop.engine.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;

import org.apache.commons.math3.exception.MathIllegalArgumentException;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.BlockRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The element-wise helpers, element by element against Commons Math's own accessors. */
class MatricesTest {

	private final Random random = new Random(5);

	private final RealMatrix a = random(5, 7);

	private final RealMatrix b = random(5, 7);

	@Test
	void mapAppliesTheFunctionToEveryElementAndLeavesTheInputAlone() {
		RealMatrix before = a.copy();
		RealMatrix result = Matrices.map(a, x -> 3 * x + 1);
		for (int i = 0; i < 5; i++) {
			for (int j = 0; j < 7; j++) {
				assertThat(result.getEntry(i, j)).isEqualTo(3 * a.getEntry(i, j) + 1);
			}
		}
		assertThat(a).isEqualTo(before);
	}

	@Test
	void combinePairsElementsAtTheSamePlace() {
		RealMatrix result = Matrices.combine(a, b, (x, y) -> x - 2 * y);
		for (int i = 0; i < 5; i++) {
			for (int j = 0; j < 7; j++) {
				assertThat(result.getEntry(i, j)).isEqualTo(a.getEntry(i, j) - 2 * b.getEntry(i, j));
			}
		}
		RealMatrix product = Matrices.hadamard(a, b);
		for (int i = 0; i < 5; i++) {
			for (int j = 0; j < 7; j++) {
				assertThat(product.getEntry(i, j)).isEqualTo(a.getEntry(i, j) * b.getEntry(i, j));
			}
		}
	}

	@Test
	void combineAndSumRefuseMatricesOfDifferentShapes() {
		RealMatrix other = random(5, 6);
		assertThatThrownBy(() -> Matrices.combine(a, other, Double::sum))
			.isInstanceOf(MathIllegalArgumentException.class);
		assertThatThrownBy(() -> Matrices.sum(a, other, Double::sum)).isInstanceOf(MathIllegalArgumentException.class);
		assertThatThrownBy(() -> Matrices.hadamard(a, other)).isInstanceOf(MathIllegalArgumentException.class);
	}

	@Test
	void addToEachRowAddsTheVectorInPlace() {
		RealMatrix m = a.copy();
		ArrayRealVector v = new ArrayRealVector(random(1, 7).getRow(0));
		RealMatrix result = Matrices.addToEachRow(m, v);
		assertThat(result).isSameAs(m);
		for (int i = 0; i < 5; i++) {
			assertThat(result.getRowVector(i)).isEqualTo(a.getRowVector(i).add(v));
		}
	}

	@Test
	void addToEachRowWorksOnAnyMatrixKind() {
		RealMatrix block = new BlockRealMatrix(a.getData());
		ArrayRealVector v = new ArrayRealVector(random(1, 7).getRow(0));
		RealMatrix result = Matrices.addToEachRow(block, v);
		for (int i = 0; i < 5; i++) {
			assertThat(result.getRowVector(i)).isEqualTo(a.getRowVector(i).add(v));
		}
	}

	@Test
	void columnSumsAddEachColumn() {
		double[] sums = Matrices.columnSums(a).toArray();
		for (int j = 0; j < 7; j++) {
			double expected = 0.0;
			for (int i = 0; i < 5; i++) {
				expected += a.getEntry(i, j);
			}
			assertThat(sums[j]).isEqualTo(expected);
		}
	}

	@Test
	void sumAddsTheFunctionOfEveryPair() {
		double expected = 0.0;
		for (int i = 0; i < 5; i++) {
			for (int j = 0; j < 7; j++) {
				double d = a.getEntry(i, j) - b.getEntry(i, j);
				expected += d * d;
			}
		}
		assertThat(Matrices.sum(a, b, (x, y) -> (x - y) * (x - y))).isEqualTo(expected);
	}

	@ParameterizedTest
	@ValueSource(doubles = { Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY })
	void isFiniteFindsANonFiniteValueAnywhere(double bad) {
		assertThat(Matrices.isFinite(a)).isTrue();
		for (int[] at : new int[][] { { 0, 0 }, { 2, 3 }, { 4, 6 } }) {
			RealMatrix m = a.copy();
			m.setEntry(at[0], at[1], bad);
			assertThat(Matrices.isFinite(m)).as("at %d, %d", at[0], at[1]).isFalse();
			assertThat(Matrices.isFinite(new BlockRealMatrix(m.getData()))).isFalse();
		}
		assertThat(Matrices.isFinite(Matrices.of(new double[][] { { Double.MAX_VALUE, -Double.MIN_VALUE } }))).isTrue();
	}

	private RealMatrix random(int rows, int columns) {
		double[][] m = new double[rows][columns];
		for (double[] row : m) {
			for (int j = 0; j < columns; j++) {
				row[j] = random.nextGaussian();
			}
		}
		return Matrices.of(m);
	}

}
