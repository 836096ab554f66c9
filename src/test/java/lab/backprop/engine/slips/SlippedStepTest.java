package lab.backprop.engine.slips;

import static lab.backprop.NumericAssertions.assertClose;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.apache.commons.math3.linear.ArrayRealVector;
import org.junit.jupiter.api.Test;

import lab.backprop.SeedValues;
import lab.backprop.engine.Activation;
import lab.backprop.engine.Layer;
import lab.backprop.engine.Loss;
import lab.backprop.engine.Network;
import lab.backprop.engine.Regularization;
import lab.backprop.engine.TrainingStep;
import lab.backprop.engine.linalg.Matrices;
import lab.backprop.engine.linalg.MatrixProducts;
import lab.backprop.engine.optim.Optimizer;
import lab.backprop.engine.optim.OptimizerState;

/**
 * Each slip on the seed, against the number a learner who made it would write, worked out
 * by hand from the seed script's own numbers (seed/full_precision.json).
 */
class SlippedStepTest {

	private static final double[] W = { 0.1, -0.3, 0.5 };

	private static final double[] X = { 0.5, 0.2, 0.8 };

	private final SlippedStep slipped = new SlippedStep(MatrixProducts.COMMONS_MATH);

	static SlippedStep.Setup seed(Loss loss, double learningRate) {
		Network network = new Network(List.of(new Layer(Matrices.of(new double[][] { { W[0] }, { W[1] }, { W[2] } }),
				new ArrayRealVector(new double[] { 0.1 }), Activation.SIGMOID)));
		return new SlippedStep.Setup(network, Matrices.of(new double[][] { X }),
				Matrices.of(new double[][] { { 0.7 } }), loss, learningRate, Optimizer.plainSgd(),
				OptimizerState.initial());
	}

	private TrainingStep.Result run(Slip slip, int layer) {
		return slipped.run(seed(Loss.MSE, 0.1), slip, layer).orElseThrow();
	}

	@Test
	void wrongUpdateDirectionAddsTheStep() {
		TrainingStep.Result r = run(Slip.WRONG_UPDATE_DIRECTION, -1);
		double[] g = SeedValues.column("dL_dW");
		for (int i = 0; i < 3; i++) {
			assertClose("W'" + i, r.updated().layer(0).weights().getEntry(i, 0), W[i] + 0.1 * g[i], 1e-15);
		}
		assertClose("b'", r.updated().layer(0).bias().getEntry(0), 0.1 + 0.1 * SeedValues.scalar("dL_db"), 1e-15);
		// the gradients themselves are right
		assertThat(r.backward().layers().get(0).dLdW().getEntry(0, 0)).isEqualTo(g[0]);
	}

	@Test
	void learningRateMissingSubtractsTheGradientItself() {
		TrainingStep.Result r = run(Slip.LEARNING_RATE_MISSING, -1);
		double[] g = SeedValues.column("dL_dW");
		for (int i = 0; i < 3; i++) {
			assertClose("W'" + i, r.updated().layer(0).weights().getEntry(i, 0), W[i] - g[i], 1e-15);
		}
		assertThat(slipped.run(seed(Loss.MSE, 1.0), Slip.LEARNING_RATE_MISSING, -1)).as("η = 1 changes nothing")
			.isEmpty();
	}

	@Test
	void missingFactor2HalvesEveryGradientFromDlDPredictionOn() {
		TrainingStep.Result r = run(Slip.MISSING_FACTOR_2, -1);
		assertClose("dL/dŷ = ŷ − y", r.backward().dLdPrediction().getEntry(0, 0), SeedValues.scalar("pred") - 0.7,
				1e-15);
		assertClose("dL/dZ", r.backward().layers().get(0).dLdZ().getEntry(0, 0), SeedValues.scalar("dL_dZ") / 2, 1e-14);
		double[] g = SeedValues.column("dL_dW");
		for (int i = 0; i < 3; i++) {
			assertClose("dL/dW" + i, r.backward().layers().get(0).dLdW().getEntry(i, 0), g[i] / 2, 1e-14);
			assertClose("W'" + i, r.updated().layer(0).weights().getEntry(i, 0), W[i] - 0.1 * g[i] / 2, 1e-14);
		}
		assertThat(r.forward().loss()).as("the loss itself is right").isEqualTo(SeedValues.scalar("loss"));
		assertThat(slipped.run(seed(Loss.QUADRATIC, 0.1), Slip.MISSING_FACTOR_2, -1)).as("no square to drop a 2 from")
			.isEmpty();
	}

	/**
	 * Two examples and mean squared error: the sum instead of the mean is twice the loss
	 * and twice every gradient.
	 */
	@Test
	void notAveragedMultipliesTheLossAndTheGradientsByTheCount() {
		SlippedStep.Setup two = new SlippedStep.Setup(seed(Loss.MSE, 0.1).network(),
				Matrices.of(new double[][] { X, { -0.4, 0.9, 0.1 } }), Matrices.of(new double[][] { { 0.7 }, { 0.2 } }),
				Loss.MSE, 0.1, Optimizer.plainSgd(), OptimizerState.initial());
		TrainingStep.Result r = slipped.run(two, Slip.NOT_AVERAGED, -1).orElseThrow();
		double p1 = sigmoid(0.5 * 0.1 + 0.2 * -0.3 + 0.8 * 0.5 + 0.1);
		double p2 = sigmoid(-0.4 * 0.1 + 0.9 * -0.3 + 0.1 * 0.5 + 0.1);
		assertClose("Σ(ŷ − y)²", r.forward().loss(), (p1 - 0.7) * (p1 - 0.7) + (p2 - 0.2) * (p2 - 0.2), 1e-14);
		assertClose("dL/dŷ₁ = 2(ŷ − y)", r.backward().dLdPrediction().getEntry(0, 0), 2 * (p1 - 0.7), 1e-14);
		assertThat(slipped.run(seed(Loss.MSE, 0.1), Slip.NOT_AVERAGED, -1)).as("a mean over one number").isEmpty();
	}

	@Test
	void biasForgottenLeavesBOutOfZ() {
		TrainingStep.Result r = run(Slip.BIAS_FORGOTTEN, 0);
		double z = 0.5 * 0.1 + 0.2 * -0.3 + 0.8 * 0.5;
		assertClose("z = x·W", r.forward().layers().get(0).z().getEntry(0, 0), z, 1e-15);
		assertClose("ŷ", r.forward().prediction().getEntry(0, 0), sigmoid(z), 1e-15);
		assertClose("L", r.forward().loss(), (sigmoid(z) - 0.7) * (sigmoid(z) - 0.7), 1e-14);
	}

	@Test
	void slopeAtOutputTakesSigmaPrimeOfA() {
		TrainingStep.Result r = run(Slip.SLOPE_AT_OUTPUT, 0);
		double s = sigmoid(SeedValues.scalar("pred"));
		assertClose("σ'(a)", r.backward().layers().get(0).dOutputdZ().getEntry(0, 0), s * (1 - s), 1e-15);
		assertClose("dL/dZ", r.backward().layers().get(0).dLdZ().getEntry(0, 0),
				SeedValues.scalar("dL_d_pred") * s * (1 - s), 1e-14);
		assertThat(slipped.run(relu(), Slip.SLOPE_AT_OUTPUT, 0)).as("relu's slope is the same at a").isEmpty();
	}

	@Test
	void slopeMissingPassesDlDaThrough() {
		TrainingStep.Result r = run(Slip.SLOPE_MISSING, 0);
		double g = SeedValues.scalar("dL_d_pred");
		assertClose("dL/dZ = dL/dA", r.backward().layers().get(0).dLdZ().getEntry(0, 0), g, 0.0);
		for (int i = 0; i < 3; i++) {
			assertClose("dL/dW" + i, r.backward().layers().get(0).dLdW().getEntry(i, 0), X[i] * g, 1e-15);
		}
	}

	@Test
	void inputMissingGivesEveryWeightDlDZ() {
		TrainingStep.Result r = run(Slip.INPUT_MISSING, 0);
		for (int i = 0; i < 3; i++) {
			assertClose("dL/dW" + i, r.backward().layers().get(0).dLdW().getEntry(i, 0), SeedValues.scalar("dL_dZ"),
					1e-15);
		}
	}

	/**
	 * The seed with (λ/2)·Σw², λ = 0.1: the learner keeps the penalty in the loss but
	 * writes dL/dW of the data loss alone, the seed's own, and steps with it.
	 */
	@Test
	void penaltyForgottenLeavesTheL2TermOutOfDlDW() {
		SlippedStep.Setup l2 = regularized(new Regularization(Regularization.Type.L2, 0.1));
		TrainingStep.Result r = slipped.run(l2, Slip.PENALTY_FORGOTTEN, -1).orElseThrow();
		double penalty = 0.05 * (0.1 * 0.1 + 0.3 * 0.3 + 0.5 * 0.5);
		assertClose("the penalty is in the loss", r.forward().loss(), SeedValues.scalar("loss") + penalty, 1e-15);
		assertClose("P", r.forward().penalty(), penalty, 1e-15);
		double[] g = SeedValues.column("dL_dW");
		for (int i = 0; i < 3; i++) {
			assertClose("dL/dW" + i + " of the data alone", r.backward().layers().get(0).dLdW().getEntry(i, 0), g[i],
					1e-15);
			assertClose("W'" + i, r.updated().layer(0).weights().getEntry(i, 0), W[i] - 0.1 * g[i], 1e-15);
		}
		assertClose("the after loss has the penalty of the new weights", r.after().penalty(),
				0.05 * sumOfSquares(r.updated().layer(0).weights().getColumn(0)), 1e-15);
	}

	/** λ·sign(w) left out, and only there: every other slip keeps it in dL/dW. */
	@Test
	void theOtherSlipsKeepThePenaltysGradient() {
		SlippedStep.Setup l1 = regularized(new Regularization(Regularization.Type.L1, 0.01));
		double[] g = SeedValues.column("dL_dW");
		TrainingStep.Result forgotten = slipped.run(l1, Slip.PENALTY_FORGOTTEN, -1).orElseThrow();
		TrainingStep.Result halved = slipped.run(l1, Slip.MISSING_FACTOR_2, -1).orElseThrow();
		for (int i = 0; i < 3; i++) {
			assertClose("dL/dW" + i, forgotten.backward().layers().get(0).dLdW().getEntry(i, 0), g[i], 1e-15);
			assertClose("dL/dW" + i + " halved, the penalty's term whole",
					halved.backward().layers().get(0).dLdW().getEntry(i, 0), g[i] / 2 + 0.01 * Math.signum(W[i]),
					1e-14);
		}
		assertClose("L1 penalty", forgotten.forward().penalty(), 0.01 * (0.1 + 0.3 + 0.5), 1e-15);
		assertThat(slipped.run(seed(Loss.MSE, 0.1), Slip.PENALTY_FORGOTTEN, -1)).as("no penalty to forget").isEmpty();
		assertThat(
				slipped.run(regularized(new Regularization(Regularization.Type.L2, 0.0)), Slip.PENALTY_FORGOTTEN, -1))
			.as("λ = 0: the penalty's gradient is 0")
			.isEmpty();
	}

	@Test
	void slipsOfTheWrittenAnswerAreAppliedToTheValueNotComputed() {
		assertThat(Matrices.rows(SlippedStep.negated(Matrices.of(new double[][] { { 1.5, -2.0 } }))))
			.isEqualTo(new double[][] { { -1.5, 2.0 } });
		assertThat(Matrices.rows(SlippedStep.transposed(Matrices.of(new double[][] { { 1.0, 2.0 } }))))
			.isEqualTo(new double[][] { { 1.0 }, { 2.0 } });
		assertThatThrownBy(() -> slipped.run(seed(Loss.MSE, 0.1), Slip.SIGN, -1))
			.isInstanceOf(IllegalArgumentException.class);
		assertThat(slipped.run(seed(Loss.MSE, 0.1), Slip.BIAS_FORGOTTEN, 1)).as("no layer 1").isEmpty();
	}

	/** The documented order: computation slips first, the written answer's last. */
	@Test
	void theOrderInWhichSlipsAreTried() {
		assertThat(Slip.values()).extracting(Slip::code)
			.containsExactly("wrong_update_direction", "learning_rate_missing", "missing_factor_2", "not_averaged",
					"penalty_forgotten", "bias_forgotten", "slope_at_output", "slope_missing", "input_missing",
					"transposed", "sign");
	}

	private static SlippedStep.Setup regularized(Regularization regularization) {
		SlippedStep.Setup seed = seed(Loss.MSE, 0.1);
		return new SlippedStep.Setup(seed.network(), seed.inputs(), seed.labels(), Loss.MSE, 0.1, Optimizer.plainSgd(),
				OptimizerState.initial(), regularization);
	}

	private static double sumOfSquares(double[] values) {
		double sum = 0.0;
		for (double v : values) {
			sum += v * v;
		}
		return sum;
	}

	private static double sigmoid(double z) {
		return 1 / (1 + Math.exp(-z));
	}

	/** The seed with a ReLU neuron. */
	private static SlippedStep.Setup relu() {
		SlippedStep.Setup seed = seed(Loss.MSE, 0.1);
		Layer layer = seed.network().layer(0);
		return new SlippedStep.Setup(new Network(List.of(new Layer(layer.weights(), layer.bias(), Activation.RELU))),
				seed.inputs(), seed.labels(), Loss.MSE, 0.1, Optimizer.plainSgd(), OptimizerState.initial());
	}

}
