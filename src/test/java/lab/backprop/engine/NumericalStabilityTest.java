package lab.backprop.engine;

import static lab.backprop.NumericAssertions.assertClose;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;
import lab.backprop.engine.linalg.Matrices;

/**
 * Large |z| and probabilities at 0 or 1: the true values are finite, so the answers must
 * be too, and accurate. Expected values are worked out from the closed forms in each
 * comment.
 */
class NumericalStabilityTest {

	private final TrainingStep step = new TrainingStep();

	/** One neuron, input 1, weight 1, bias 0: z equals the given value. */
	private TrainingStep.Result neuron(double z, Activation activation, double label, Loss loss) {
		Layer layer = new Layer(Matrices.of(new double[][] { { z } }), new ArrayRealVector(new double[] { 0 }),
				activation);
		return step.run(new Network(List.of(layer)), Matrices.of(new double[][] { { 1 } }),
				Matrices.of(new double[][] { { label } }), loss, 1e-3);
	}

	@Test
	void sigmoidSlopeStaysAccurateWhereOneMinusSigmaCancels() {
		// σ'(40) = e^−40 / (1 + e^−40)²; 1 − σ(40) is 0 in doubles, so σ(1 − σ) would say
		// 0.
		double expected = Math.exp(-40) / Math.pow(1 + Math.exp(-40), 2);
		RealMatrix slope = Activation.SIGMOID.derivative(m(40), Activation.SIGMOID.apply(m(40)));
		assertClose("σ'(40)", slope.getEntry(0, 0), expected, 1e-12);
		RealMatrix far = Activation.SIGMOID.derivative(m(-800), Activation.SIGMOID.apply(m(-800)));
		assertThat(far.getEntry(0, 0)).isEqualTo(0.0); // e^−800 underflows: 0 is the
														// correctly rounded value
		assertThat(Activation.SIGMOID.apply(m(800)).getEntry(0, 0)).isEqualTo(1.0);
		assertThat(Activation.SIGMOID.apply(m(-800)).getEntry(0, 0)).isEqualTo(0.0);
	}

	@Test
	void tanhSlopeStaysAccurateWhereOneMinusTanhSquaredCancels() {
		// tanh'(20) = sech² 20 = 4 / (e^20 + e^−20)²
		double expected = 4 / Math.pow(Math.exp(20) + Math.exp(-20), 2);
		RealMatrix slope = Activation.TANH.derivative(m(20), Activation.TANH.apply(m(20)));
		assertClose("tanh'(20)", slope.getEntry(0, 0), expected, 1e-12);
		assertThat(Activation.TANH.derivative(m(-400), Activation.TANH.apply(m(-400))).getEntry(0, 0)).isEqualTo(0.0);
	}

	@Test
	void softmaxOfHugeLogitsDoesNotOverflow() {
		RealMatrix a = Activation.SOFTMAX
			.apply(Matrices.of(new double[][] { { 1000, 1000 }, { 1000, 0 }, { -1000, -1000 } }));
		assertThat(a.getRow(0)).containsExactly(0.5, 0.5);
		assertThat(a.getRow(1)).containsExactly(1.0, 0.0); // e^−1000 underflows to 0
		assertThat(a.getRow(2)).containsExactly(0.5, 0.5);
	}

	@Test
	void binaryCrossEntropyFromASaturatedSigmoidIsFiniteAndExact() {
		// ŷ = σ(40) rounds to 1, but L = −ln(1 − σ(40)) = softplus(40) = 40 + ln(1 +
		// e^−40) ≈ 40
		TrainingStep.Result r = neuron(40, Activation.SIGMOID, 0, Loss.BINARY_CROSS_ENTROPY);
		assertClose("L", r.forward().loss(), 40 + Math.log1p(Math.exp(-40)), 1e-15);
		// dL/dZ = ŷ − y = σ(40) − 0
		assertClose("dL/dZ", r.backward().layers().get(0).dLdZ().getEntry(0, 0), 1.0, 1e-15);
		// dL/dŷ = 1/(1 − ŷ) = 1 + e^40, with 1 − ŷ taken as σ(−40), not 1 − 1
		assertClose("dL/dŷ", r.backward().dLdPrediction().getEntry(0, 0), 1 + Math.exp(40), 1e-12);

		// the other side: σ(−700) ≈ 1e−304, y = 1: L = softplus(700) = 700
		TrainingStep.Result low = neuron(-700, Activation.SIGMOID, 1, Loss.BINARY_CROSS_ENTROPY);
		assertClose("L", low.forward().loss(), 700, 1e-15);
		assertClose("dL/dZ", low.backward().layers().get(0).dLdZ().getEntry(0, 0), -1.0, 1e-15);
	}

	@Test
	void crossEntropyFromSaturatedSoftmaxIsFiniteAndExact() {
		// z = (700, 0), y = (0, 1): L = −ln softmax(z)₂ = logsumexp(z) − z₂ = 700 + ln(1
		// + e^−700) = 700
		TrainingStep.Result r = softmaxStep(700);
		assertThat(r.forward().loss()).isEqualTo(700.0);
		// dL/dZ = ŷ − y = (1 − e^−700, e^−700 − 1), both round to ±1
		assertThat(r.backward().layers().get(0).dLdZ().getRow(0)).containsExactly(1.0, -1.0);
		assertThat(r.backward().layers().get(0).dOutputdZ()).isNull();
		// dL/dŷ₂ = −y₂/ŷ₂ = −e^700 (≈ −1.01e304, still a double)
		assertClose("dL/dŷ₂", r.backward().dLdPrediction().getEntry(0, 1), -Math.exp(700), 1e-12);
	}

	@Test
	void aFactorBeyondTheDoublesIsReportedByNameEvenWhenTheLossIsFinite() {
		// z = (1000, 0): the loss (1000) and dL/dZ are finite, but dL/dŷ₂ = −e^1000 is
		// not a double.
		assertThatThrownBy(() -> softmaxStep(1000)).extracting(e -> ((NonFiniteValueException) e).quantity())
			.isEqualTo("backward.dL_dPrediction");
	}

	private TrainingStep.Result softmaxStep(double logit) {
		Layer layer = new Layer(Matrices.of(new double[][] { { logit, 0 } }), new ArrayRealVector(2),
				Activation.SOFTMAX);
		return step.run(new Network(List.of(layer)), Matrices.of(new double[][] { { 1 } }),
				Matrices.of(new double[][] { { 0, 1 } }), Loss.CROSS_ENTROPY, 1e-6);
	}

	@Test
	void binaryCrossEntropyOnASaturatedSoftmaxIsFiniteAndExact() {
		// z = (40, 0), y = (0, 1): ŷ₁ rounds to 1 but 1 − ŷ₁ = ŷ₂ = e^−40/(1 + e^−40), so
		// L = −[ln(1 − ŷ₁) + ln ŷ₂] / 2 = −ln ŷ₂ = 40 + ln(1 + e^−40) = softplus(40)
		Layer layer = new Layer(Matrices.of(new double[][] { { 40, 0 } }), new ArrayRealVector(2), Activation.SOFTMAX);
		TrainingStep.Result r = step.run(new Network(List.of(layer)), Matrices.of(new double[][] { { 1 } }),
				Matrices.of(new double[][] { { 0, 1 } }), Loss.BINARY_CROSS_ENTROPY, 1e-9);
		assertClose("L", r.forward().loss(), 40 + Math.log1p(Math.exp(-40)), 1e-15);
		// dL/dŷ₁ = (1 − y₁)/(1 − ŷ₁)/2 = (1 + e^40)/2, with 1 − ŷ₁ summed from the other
		// output
		assertClose("dL/dŷ₁", r.backward().dLdPrediction().getEntry(0, 0), (1 + Math.exp(40)) / 2, 1e-12);
	}

	@Test
	void crossEntropyOnAnUnderflowingSigmoidIsFinite() {
		// ŷ = σ(−800) underflows to 0, but −ln σ(−800) = softplus(800) = 800
		RealMatrix z = m(-800);
		Loss.OutputLayer out = new Loss.OutputLayer(z, Activation.SIGMOID, Activation.SIGMOID.apply(z));
		assertThat(Loss.CROSS_ENTROPY.value(out, m(1))).isEqualTo(800.0);
		assertThat(Loss.BINARY_CROSS_ENTROPY.value(out, m(1))).isEqualTo(800.0);
	}

	@Test
	void zeroTimesLogZeroIsZero() {
		// A linear output of exactly 1 with label 1: −[1·ln 1 + 0·ln 0] = 0, gradient
		// −1/1 = −1
		TrainingStep.Result r = neuron(1, Activation.LINEAR, 1, Loss.BINARY_CROSS_ENTROPY);
		assertThat(r.forward().loss()).isEqualTo(0.0);
		assertThat(r.backward().dLdPrediction().getEntry(0, 0)).isEqualTo(-1.0);
		// A linear output of exactly 0 with label 0: −[0·ln 0 + 1·ln 1] = 0
		assertThat(neuron(0, Activation.LINEAR, 0, Loss.BINARY_CROSS_ENTROPY).forward().loss()).isEqualTo(0.0);
	}

	@Test
	void aTrulyInfiniteLossIsReportedByName() {
		// ŷ = 0 exactly for a label of 1: −ln 0 = ∞
		assertThatThrownBy(() -> neuron(0, Activation.LINEAR, 1, Loss.BINARY_CROSS_ENTROPY))
			.isInstanceOf(NonFiniteValueException.class)
			.extracting(e -> ((NonFiniteValueException) e).quantity())
			.isEqualTo("forward.loss");
		assertThatThrownBy(() -> neuron(0, Activation.RELU, 1, Loss.CROSS_ENTROPY))
			.isInstanceOf(NonFiniteValueException.class)
			.extracting(e -> ((NonFiniteValueException) e).quantity())
			.isEqualTo("forward.loss");
	}

	@Test
	void anOverflowingUpdateNamesTheFirstQuantityThatIsNotFinite() {
		// z = 1e200·1e200 = ∞ already in the forward pass
		Layer big = new Layer(Matrices.of(new double[][] { { 1e200 } }), new ArrayRealVector(1), Activation.LINEAR);
		assertThatThrownBy(() -> step.run(new Network(List.of(big)), Matrices.of(new double[][] { { 1e200 } }),
				Matrices.of(new double[][] { { 0 } }), Loss.MSE, 0.1))
			.extracting(e -> ((NonFiniteValueException) e).quantity())
			.isEqualTo("forward.layers[0].z");
		// finite forward, but the squared error (1e200)² overflows
		Layer w = new Layer(Matrices.of(new double[][] { { 1e200 } }), new ArrayRealVector(1), Activation.LINEAR);
		assertThatThrownBy(() -> step.run(new Network(List.of(w)), Matrices.of(new double[][] { { 1 } }),
				Matrices.of(new double[][] { { 0 } }), Loss.MSE, 0.1))
			.extracting(e -> ((NonFiniteValueException) e).quantity())
			.isEqualTo("forward.loss");
		// w⁺ = 1 − 1e300·dL/dw with dL/dw = 2·(1·1 − 0)·1e10: −2e310 overflows in the
		// update itself
		Layer one = new Layer(Matrices.of(new double[][] { { 1 } }), new ArrayRealVector(1), Activation.LINEAR);
		assertThatThrownBy(() -> step.run(new Network(List.of(one)), Matrices.of(new double[][] { { 1e10 } }),
				Matrices.of(new double[][] { { 0 } }), Loss.MSE, 1e300))
			.extracting(e -> ((NonFiniteValueException) e).quantity())
			.isEqualTo("update.layers[0].weights");
	}

	private static RealMatrix m(double value) {
		return Matrices.of(new double[][] { { value } });
	}

}
