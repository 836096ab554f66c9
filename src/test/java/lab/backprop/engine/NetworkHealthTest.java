package lab.backprop.engine;

import static lab.backprop.NumericAssertions.assertClose;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.apache.commons.math3.linear.ArrayRealVector;
import org.junit.jupiter.api.Test;

import lab.backprop.SeedValues;
import lab.backprop.engine.linalg.Matrices;

/**
 * The whole-network measures, worked by hand: on the seed from the seed script's own
 * numbers, and dead units on a ReLU layer whose z is written out.
 */
class NetworkHealthTest {

	private final TrainingStep step = new TrainingStep();

	@Test
	void theSeedsGradientSizeAndUpdateRatioFromItsNumbers() {
		Network network = new Network(List.of(new Layer(Matrices.of(new double[][] { { 0.1 }, { -0.3 }, { 0.5 } }),
				new ArrayRealVector(new double[] { 0.1 }), Activation.SIGMOID)));
		NetworkHealth health = NetworkHealth.of(step.run(network, Matrices.of(new double[][] { { 0.5, 0.2, 0.8 } }),
				Matrices.of(new double[][] { { 0.7 } }), Loss.MSE, 0.1));

		double[] g = SeedValues.column("dL_dW");
		double squares = g[0] * g[0] + g[1] * g[1] + g[2] * g[2];
		NetworkHealth.LayerHealth layer = health.first();
		assertClose("rms", layer.gradientRms(), Math.sqrt(squares / 3), 1e-12);
		assertThat(layer.gradientRatio()).isEqualTo(1.0);
		// ‖ΔW‖ = η·‖dL/dW‖ and ‖W‖ = √(0.01 + 0.09 + 0.25)
		assertClose("update norm", layer.updateNorm(), 0.1 * Math.sqrt(squares), 1e-12);
		assertClose("weight norm", layer.weightNorm(), Math.sqrt(0.35), 1e-15);
		assertClose("update ratio", layer.updateRatio(), 0.1 * Math.sqrt(squares) / Math.sqrt(0.35), 1e-12);
		assertThat(layer.canDie()).isFalse();
		assertThat(layer.deadUnits()).isZero();
	}

	/**
	 * Two examples, three ReLU units: z = x·W + b is (−1, 1, −0.5) and (−2, −1, 0) by
	 * hand, so unit 1 and unit 3 are at most 0 for both examples (dead) and unit 2 is
	 * not.
	 */
	@Test
	void aUnitIsDeadWhenItsZIsAtMostZeroForEveryExample() {
		Layer relu = new Layer(Matrices.of(new double[][] { { 1.0, 2.0, 0.5 } }),
				new ArrayRealVector(new double[] { -2.0, -1.0, -1.0 }), Activation.RELU);
		Layer out = new Layer(Matrices.of(new double[][] { { 1.0 }, { 1.0 }, { 1.0 } }),
				new ArrayRealVector(new double[] { 0.0 }), Activation.LINEAR);
		TrainingStep.Result result = step.run(new Network(List.of(relu, out)),
				Matrices.of(new double[][] { { 1.0 }, { 0.0 } }), Matrices.of(new double[][] { { 1.0 }, { 0.0 } }),
				Loss.MSE, 0.1);
		assertThat(Matrices.rows(result.forward().layers().get(0).z()))
			.isEqualTo(new double[][] { { -1.0, 1.0, -0.5 }, { -2.0, -1.0, -1.0 } });

		NetworkHealth.LayerHealth layer = NetworkHealth.of(result).first();
		assertThat(layer.canDie()).isTrue();
		assertThat(layer.deadUnits()).isEqualTo(2);
		assertThat(layer.units()).isEqualTo(3);
		assertThat(layer.deadShare()).isEqualTo(2.0 / 3.0);
	}

	/**
	 * A linear chain of one unit per layer, weights 0.01, 1 and 10: dL/dW of layer l is
	 * x·(the weights after it)·δ against (the weights before the last)·x·δ for the last,
	 * so layer 1's gradient is 10/0.01 = 1000 times the output layer's.
	 */
	@Test
	void theGradientRatioOfALinearChainIsItsWeightsRatio() {
		Network chain = new Network(List.of(unit(0.01), unit(1.0), unit(10.0)));
		NetworkHealth health = NetworkHealth.of(step.run(chain, Matrices.of(new double[][] { { 1.0 } }),
				Matrices.of(new double[][] { { 1.0 } }), Loss.MSE, 0.001));
		assertClose("first layer", health.layers().get(0).gradientRatio(), 1000.0, 1e-12);
		assertClose("second layer", health.layers().get(1).gradientRatio(), 10.0, 1e-12);
		assertThat(health.layers().get(2).gradientRatio()).isEqualTo(1.0);
	}

	private static Layer unit(double weight) {
		return new Layer(Matrices.of(new double[][] { { weight } }), new ArrayRealVector(new double[] { 0.0 }),
				Activation.LINEAR);
	}

}
