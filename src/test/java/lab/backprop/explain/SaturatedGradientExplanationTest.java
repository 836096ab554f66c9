package lab.backprop.explain;

import static lab.backprop.NumericAssertions.assertClose;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;

import lab.backprop.engine.Activation;
import lab.backprop.engine.Layer;
import lab.backprop.engine.Loss;
import lab.backprop.engine.Network;
import lab.backprop.engine.TrainingStep;
import lab.backprop.engine.linalg.Matrices;

/**
 * A gradient that is tiny because its output is saturated is explained as such, with its
 * number, in English and in Russian: "−4.248E-18, not 0: the output is saturated".
 */
class SaturatedGradientExplanationTest {

	private static final Locale RUSSIAN = Locale.forLanguageTag("ru");

	private final Explainer explainer = new Explainer(new Texts());

	/** One neuron, input 1, weight {@code z}, bias 0: its weighted sum is {@code z}. */
	private static Step neuron(double z, Activation activation, double[][] labels, Loss loss) {
		int outputs = labels[0].length;
		double[][] weights = new double[1][outputs];
		weights[0][0] = z;
		Network network = new Network(
				List.of(new Layer(Matrices.of(weights), new ArrayRealVector(outputs), activation)));
		RealMatrix inputs = Matrices.of(new double[][] { { 1 } });
		RealMatrix y = Matrices.of(labels);
		return new Step(network, inputs, y, loss, new TrainingStep().run(network, inputs, y, loss, 0.1));
	}

	@Test
	void aRightAndCertainSigmoidSaysItsTinyGradientIsNotZeroInBothLanguages() {
		// σ(40) rounds to 1, yet dL/dZ = σ(40) − 1 = −σ(−40) = −e^−40/(1 + e^−40)
		Step step = neuron(40, Activation.SIGMOID, new double[][] { { 1 } }, Loss.BINARY_CROSS_ENTROPY);
		double dLdZ = step.result().backward().layers().get(0).dLdZ().getEntry(0, 0);
		assertClose("dL/dZ", dLdZ, -Math.exp(-40) / (1 + Math.exp(-40)), 1e-15);

		String english = dLdZ(explainer.explanations(step, Locale.ENGLISH));
		assertThat(english).contains("−4.248E-18, not 0: the output is saturated.")
			.contains("1 of 1 elements are this tiny");
		String russian = dLdZ(explainer.explanations(step, RUSSIAN));
		assertThat(russian).contains("−4.248E-18, а не 0: выход насыщен.").contains("1 из 1 элементов так малы");
	}

	@Test
	void theSquaredErrorsGradientOfASaturatedSigmoidIsExplainedAtBothFactors() {
		// dL/dŷ = 2(σ(40) − 1) = −2σ(−40) ≈ −8.497e-18; dL/dZ = that · σ'(40) ≈
		// −3.610e-35
		Step step = neuron(40, Activation.SIGMOID, new double[][] { { 1 } }, Loss.MSE);
		Explanations english = explainer.explanations(step, Locale.ENGLISH);
		assertThat(english.backward().dLdPrediction().meaning()).contains("−8.497E-18, not 0: the output is saturated");
		assertThat(dLdZ(english)).contains("−3.61E-35, not 0: the output is saturated");
		assertThat(explainer.explanations(step, RUSSIAN).backward().dLdPrediction().meaning())
			.contains("−8.497E-18, а не 0: выход насыщен");
	}

	@Test
	void aNearCertainSoftmaxRowCountsEveryTinyElement() {
		// z = (40, 0), y = (1, 0): dL/dZ = (ŷ − y) = (−e^−40, e^−40)/(1 + e^−40)
		Step step = neuron(40, Activation.SOFTMAX, new double[][] { { 1, 0 } }, Loss.CROSS_ENTROPY);
		assertThat(dLdZ(explainer.explanations(step, Locale.ENGLISH)))
			.contains("−4.248E-18, not 0: the output is saturated. 2 of 2 elements are this tiny");
	}

	@Test
	void anOrdinaryOrAWrongPredictionSaysNothingOfSaturation() {
		Step ordinary = neuron(0.49, Activation.SIGMOID, new double[][] { { 0.7 } }, Loss.MSE);
		// wrong and certain: dL/dZ = σ(40) − 0 = 1, not tiny
		Step wrong = neuron(40, Activation.SIGMOID, new double[][] { { 0 } }, Loss.BINARY_CROSS_ENTROPY);
		for (Step step : List.of(ordinary, wrong)) {
			Explanations english = explainer.explanations(step, Locale.ENGLISH);
			assertThat(dLdZ(english)).doesNotContain("not 0");
			assertThat(english.backward().dLdPrediction().meaning()).doesNotContain("not 0");
			assertThat(dLdZ(explainer.explanations(step, RUSSIAN))).doesNotContain("насыщен");
		}
	}

	private static String dLdZ(Explanations explanations) {
		return explanations.backward().layers().get(0).dLdZ().meaning();
	}

}
