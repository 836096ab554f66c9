package lab.backprop.explain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import lab.backprop.Api;
import lab.backprop.engine.Activation;
import lab.backprop.engine.Layer;
import lab.backprop.engine.Loss;
import lab.backprop.engine.Network;
import lab.backprop.engine.TrainingStep;
import lab.backprop.engine.linalg.Matrices;

/**
 * The explanations that see the whole network: the summary names the one thing most worth
 * noticing, on the examples and on a case built for each diagnosis, in English and
 * Russian; per layer, the gradient scale, the dead units and the update ratio.
 */
class NetworkExplanationsTest {

	private static final Locale RU = Languages.RUSSIAN;

	private final Explainer explainer = new Explainer(new Texts());

	private final TrainingStep trainingStep = new TrainingStep();

	/** An example body as the engine takes it (the layers form, or the seed's form). */
	static Step example(String name) {
		JsonNode body = Api.example(name);
		List<Layer> layers = new ArrayList<>();
		JsonNode specs = body.has("layers") ? body.get("layers") : null;
		if (specs == null) {
			layers.add(new Layer(matrix(body.get("weights")), new ArrayRealVector(matrix(body.get("bias")).getRow(0)),
					Activation.SIGMOID));
		}
		else {
			for (JsonNode spec : specs) {
				layers.add(new Layer(matrix(spec.get("weights")), new ArrayRealVector(vector(spec.get("bias"))),
						Activation.valueOf(spec.get("activation").asString().toUpperCase(Locale.ROOT))));
			}
		}
		Loss loss = body.has("loss") ? Loss.valueOf(body.get("loss").asString().toUpperCase(Locale.ROOT)) : Loss.MSE;
		return step(new Network(layers), matrix(body.get("inputs")), matrix(body.get("label")), loss,
				body.get("learningRate").asDouble());
	}

	static Step step(Network network, RealMatrix inputs, RealMatrix labels, Loss loss, double learningRate) {
		TrainingStep.Result result = new TrainingStep().run(network, inputs, labels, loss, learningRate);
		return new Step(network, inputs, labels, loss, result);
	}

	@Test
	void theDeepTanhExampleIsSummedUpAsVanishingGradients() {
		Step deep = example("deep-tanh");
		assertThat(deep.result().lossChange()).as("the step itself lowers the loss").isNegative();
		Explanations english = explainer.explanations(deep, Locale.ENGLISH);
		assertThat(english.summary()).startsWith("Vanishing gradients").contains("layer 1").contains("layer 8");
		assertThat(explainer.explanations(deep, RU).summary()).startsWith("Затухающие градиенты");

		List<Explanations.NetworkLayer> layers = english.network().layers();
		assertThat(layers).hasSize(8);
		assertThat(layers.get(0).gradientScale().meaning()).startsWith("Vanishing gradient");
		assertThat(layers.get(7).gradientScale().meaning()).contains("output layer");
		assertThat(layers).allSatisfy(layer -> assertThat(layer.deadUnits()).as("tanh units cannot die").isNull());
		assertThat(layers.get(0).gradientScale().substituted()).startsWith("rms(dL/dW^(1)) / rms(dL/dW^(8)) = ");
		assertThat(layers.get(0).updateRatio().formula()).isEqualTo("‖ΔW^(1)‖ / ‖W^(1)‖, ‖M‖ = √(Σm²)");
	}

	@Test
	void theSeedIsAHealthyStep() {
		Explanations seed = explainer.explanations(example("seed"), Locale.ENGLISH);
		assertThat(seed.summary()).startsWith("Nothing alarming").contains("from 0.006383 to 0.006113");
		assertThat(seed.network().layers().get(0).updateRatio().meaning()).contains("healthy");
		assertThat(explainer.explanations(example("seed"), RU).summary()).startsWith("На этом шаге ничего тревожного");
	}

	/** The same neuron with a learning rate of 100: the step jumps past the minimum. */
	@ParameterizedTest
	@ValueSource(strings = { "en", "ru" })
	void aLossThatRoseIsTheFirstThingSaid(String language) {
		Step step = seed(100.0, 0.7);
		assertThat(step.result().lossChange()).isPositive();
		assertThat(summary(step, language))
			.startsWith(language.equals("en") ? "The step raised the loss" : "Шаг увеличил функцию потерь");
	}

	@ParameterizedTest
	@ValueSource(strings = { "en", "ru" })
	void aLearningRateFarTooLargeForTheWeights(String language) {
		Step step = seed(3.0, 0.7);
		assertThat(step.result().lossChange()).as("the loss still falls").isNegative();
		assertThat(summary(step, language)).startsWith(language.equals("en") ? "The learning rate looks too large"
				: "Скорость обучения, похоже, слишком велика");
	}

	@ParameterizedTest
	@ValueSource(strings = { "en", "ru" })
	void aLearningRateFarTooSmallForTheWeights(String language) {
		assertThat(summary(seed(1e-5, 0.7), language)).startsWith(language.equals("en")
				? "The learning rate looks too small" : "Скорость обучения, похоже, слишком мала");
	}

	/**
	 * A linear chain with weights 0.01, 1 and 10: the first layer's gradient is 1000
	 * times the last's.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "en", "ru" })
	void explodingGradients(String language) {
		Network chain = new Network(
				List.of(unit(0.01, Activation.LINEAR), unit(1.0, Activation.LINEAR), unit(10.0, Activation.LINEAR)));
		Step step = step(chain, Matrices.of(new double[][] { { 1.0 } }), Matrices.of(new double[][] { { 1.0 } }),
				Loss.MSE, 1e-4);
		assertThat(step.result().lossChange()).isNegative();
		String summary = summary(step, language);
		assertThat(summary).startsWith(language.equals("en") ? "Exploding gradients" : "Взрывающиеся градиенты")
			.contains("1000");
	}

	/**
	 * Six sigmoid layers of small weights: each slope of at most 0.25 shrinks the signal.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "en", "ru" })
	void vanishingGradientsInADeepSigmoidNetwork(String language) {
		List<Layer> layers = new ArrayList<>();
		for (int l = 0; l < 6; l++) {
			layers.add(new Layer(Matrices.of(new double[][] { { 0.5, -0.4 }, { 0.3, 0.6 } }),
					new ArrayRealVector(new double[] { 0.1, -0.1 }), Activation.SIGMOID));
		}
		Step step = step(new Network(layers), Matrices.of(new double[][] { { 0.5, -0.5 } }),
				Matrices.of(new double[][] { { 0.9, 0.1 } }), Loss.MSE, 0.5);
		assertThat(summary(step, language))
			.startsWith(language.equals("en") ? "Vanishing gradients" : "Затухающие градиенты");
	}

	/** A ReLU layer whose biases push every z below 0 for the whole batch. */
	@ParameterizedTest
	@ValueSource(strings = { "en", "ru" })
	void deadReluUnits(String language) {
		Layer relu = new Layer(Matrices.of(new double[][] { { 0.5, -0.5, 0.2, 0.3 }, { 0.1, 0.4, -0.3, 0.2 } }),
				new ArrayRealVector(new double[] { -2.0, -2.0, -2.0, 0.5 }), Activation.RELU);
		Layer out = new Layer(Matrices.of(new double[][] { { 0.3 }, { -0.2 }, { 0.5 }, { 0.4 } }),
				new ArrayRealVector(new double[] { 0.0 }), Activation.LINEAR);
		Step step = step(new Network(List.of(relu, out)), Matrices.of(new double[][] { { 0.5, 0.5 }, { -0.5, 1.0 } }),
				Matrices.of(new double[][] { { 1.0 }, { 0.0 } }), Loss.MSE, 0.01);
		Explanations explanations = explainer.explanations(step, Locale.forLanguageTag(language));
		assertThat(explanations.summary())
			.startsWith(language.equals("en") ? "Dead ReLU units" : "Мёртвые нейроны ReLU")
			.contains("75");
		Explanation dead = explanations.network().layers().get(0).deadUnits();
		assertThat(dead.substituted()).isEqualTo("n_dead^(1) / n^(1) = 3 / 4 = 0.75");
		assertThat(dead.meaning()).contains("3").contains("4");
	}

	@ParameterizedTest
	@ValueSource(strings = { "en", "ru" })
	void aLossOfZeroLeavesNothingToLearn(String language) {
		Step step = step(new Network(List.of(unit(0.5, Activation.LINEAR))), Matrices.of(new double[][] { { 1.0 } }),
				Matrices.of(new double[][] { { 0.5 } }), Loss.MSE, 0.1);
		assertThat(summary(step, language)).startsWith(language.equals("en") ? "Nothing to learn" : "Учиться нечему");
	}

	private Step seed(double learningRate, double label) {
		Network network = new Network(List.of(new Layer(Matrices.of(new double[][] { { 0.1 }, { -0.3 }, { 0.5 } }),
				new ArrayRealVector(new double[] { 0.1 }), Activation.SIGMOID)));
		return step(network, Matrices.of(new double[][] { { 0.5, 0.2, 0.8 } }),
				Matrices.of(new double[][] { { label } }), Loss.MSE, learningRate);
	}

	private String summary(Step step, String language) {
		return explainer.explanations(step, Locale.forLanguageTag(language)).summary();
	}

	private static Layer unit(double weight, Activation activation) {
		return new Layer(Matrices.of(new double[][] { { weight } }), new ArrayRealVector(new double[] { 0.0 }),
				activation);
	}

	private static RealMatrix matrix(JsonNode rows) {
		double[][] values = new double[rows.size()][];
		for (int i = 0; i < values.length; i++) {
			values[i] = vector(rows.get(i));
		}
		return Matrices.of(values);
	}

	private static double[] vector(JsonNode values) {
		double[] vector = new double[values.size()];
		for (int j = 0; j < vector.length; j++) {
			vector[j] = values.get(j).asDouble();
		}
		return vector;
	}

}
