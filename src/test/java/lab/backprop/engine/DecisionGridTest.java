package lab.backprop.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;

import lab.backprop.engine.data.Feature;
import lab.backprop.engine.linalg.Matrices;
import lab.backprop.engine.linalg.MatrixProducts;

/**
 * The decision grid: output[i][j] is the network at (x[j], y[i]), each point computed
 * here alone by hand.
 */
class DecisionGridTest {

	/** z = 2·x₁ − x₂ + 0.5 → tanh, then a linear output 3·a − 1. */
	private static final Network NETWORK = new Network(List.of(
			new Layer(Matrices.of(new double[][] { { 2 }, { -1 } }), new ArrayRealVector(new double[] { 0.5 }),
					Activation.TANH),
			new Layer(Matrices.of(new double[][] { { 3 } }), new ArrayRealVector(new double[] { -1 }),
					Activation.LINEAR)));

	@Test
	void theAxesRunFromMinToMaxAndEveryValueIsTheNetworkAtItsPoint() {
		DecisionGrid grid = new DecisionGrid(new DecisionGrid.Axis(-1, 1, 5), new DecisionGrid.Axis(0, 0.3, 4),
				List.of());
		DecisionGrid.Picture picture = grid.evaluate(NETWORK, MatrixProducts.COMMONS_MATH, true);
		assertThat(picture.x()).containsExactly(-1, -0.5, 0, 0.5, 1);
		assertThat(picture.y()).containsExactly(new double[] { 0, 0.1, 0.2, 0.3 },
				org.assertj.core.api.Assertions.within(1e-16));
		assertThat(picture.y()[3]).as("the end exactly").isEqualTo(0.3);
		assertThat(picture.output()).hasDimensions(4, 5);
		for (int i = 0; i < 4; i++) {
			for (int j = 0; j < 5; j++) {
				double hidden = Math.tanh(2 * picture.x()[j] - picture.y()[i] + 0.5);
				assertThat(picture.neurons().get(0)[0][i][j]).isEqualTo(hidden);
				assertThat(picture.output()[i][j]).isEqualTo(3 * hidden - 1);
				assertThat(picture.neurons().get(1)[0][i][j]).isEqualTo(picture.output()[i][j]);
			}
		}
		assertThat(grid.evaluate(NETWORK, MatrixProducts.COMMONS_MATH, false).neurons()).isNull();
	}

	@Test
	void featuresAreComputedFromEachPoint() {
		Network squares = new Network(List.of(new Layer(Matrices.of(new double[][] { { 1 }, { 1 }, { 10 } }),
				new ArrayRealVector(1), Activation.LINEAR)));
		DecisionGrid grid = new DecisionGrid(new DecisionGrid.Axis(-2, 2, 3), new DecisionGrid.Axis(1, 3, 2),
				List.of(Feature.X1_SQUARED, Feature.X2_SQUARED, Feature.SIN_X1));
		RealMatrix inputs = grid.inputs();
		assertThat(inputs.getRowDimension()).isEqualTo(6);
		assertThat(inputs.getRow(4)).containsExactly(0, 9, 0); // (x, y) = (0, 3)
		double[][] output = grid.evaluate(squares, MatrixProducts.COMMONS_MATH, false).output();
		assertThat(output[0][0]).isEqualTo(4 + 1 + 10 * StrictMath.sin(-2));
		assertThat(output[1][2]).isEqualTo(4 + 9 + 10 * StrictMath.sin(2));
	}

	@Test
	void aRangeTooNarrowForItsPointsIsNotAscending() {
		assertThat(new DecisionGrid.Axis(1, Math.nextUp(1.0), 3).ascending()).isFalse();
		assertThat(new DecisionGrid.Axis(-6, 6, 200).ascending()).isTrue();
		assertThat(new DecisionGrid.Axis(0.1, 0.7, 7).values()[6]).isEqualTo(0.7);
	}

}
