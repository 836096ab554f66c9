package lab.backprop.request;

import static lab.backprop.NumericAssertions.assertClose;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import tools.jackson.databind.JsonNode;

import lab.backprop.SeedValues;
import lab.backprop.HttpTestSupport;
import lab.backprop.Api.Answer;

/** Both request forms and every shorthand the contract allows give the seed's numbers. */
class TrainStepFormsIT extends HttpTestSupport {

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = {
			// flat inputs are one example
			"""
					{"inputs": [0.5, 0.2, 0.8], "weights": [[0.1], [-0.3], [0.5]], "bias": [[0.1]], "label": [[0.7]], "learningRate": 0.1}""",
			// bias as a number, label as a number
			"""
					{"inputs": [[0.5, 0.2, 0.8]], "weights": [[0.1], [-0.3], [0.5]], "bias": 0.1, "label": 0.7, "learningRate": 0.1}""",
			// bias and label as flat arrays; explicit defaults; nulls are absent fields
			"""
					{"inputs": [[0.5, 0.2, 0.8]], "weights": [[0.1], [-0.3], [0.5]], "bias": [0.1], "label": [0.7],
					 "activation": "SIGMOID", "loss": "Mse", "layers": null, "learningRate": 0.1}""",
			// the network form with one layer, activation left to its default
			"""
					{"inputs": [[0.5, 0.2, 0.8]], "layers": [{"weights": [[0.1], [-0.3], [0.5]], "bias": [0.1]}],
					 "label": [[0.7]], "loss": null, "learningRate": 0.1}""" })
	void everyFormOfTheSeedGivesTheSeedsNumbers(String body) {
		Answer answer = postJson("/train-step", body);
		assertThat(answer.status()).as(answer.text()).isEqualTo(200);
		assertClose("loss", answer.json().at("/forward/loss").asDouble(), SeedValues.scalar("loss"), 1e-12);
		assertClose("W_new[2]", answer.json().at("/update/layers/0/weights/2/0").asDouble(),
				SeedValues.column("W_new")[2], 1e-12);
		assertClose("loss_updated", answer.json().at("/after/loss").asDouble(), SeedValues.scalar("loss_updated"),
				1e-12);
		assertThat(answer.json().at("/update/layers/0/activation").asString()).isEqualTo("sigmoid");
	}

	@Test
	void aBatchWithOneOutputTakesAFlatLabelPerExampleAndAveragesTheLoss() {
		// Two examples through a linear neuron: ŷ = x·w + b.
		// ŷ1 = 1·0.5 + 2·(−0.25) + 0.1 = 0.1, ŷ2 = 3·0.5 + 1·(−0.25) + 0.1 = 1.35
		// mse = ((0.1 − 0)² + (1.35 − 1)²) / 2 = (0.01 + 0.1225) / 2 = 0.06625
		// dL/dŷ = 2(ŷ − y)/2 = (0.1, 0.35); dL/dw = xᵀ·dL/dŷ = (1·0.1 + 3·0.35, 2·0.1 +
		// 1·0.35) = (1.15, 0.55)
		Answer answer = postJson("/train-step", """
				{"inputs": [[1, 2], [3, 1]], "weights": [[0.5], [-0.25]], "bias": 0.1, "activation": "linear",
				 "label": [0, 1], "learningRate": 0.1}""");
		assertThat(answer.status()).as(answer.text()).isEqualTo(200);
		JsonNode body = answer.json();
		assertClose("ŷ1", body.at("/forward/prediction/0/0").asDouble(), 0.1, 1e-15);
		assertClose("ŷ2", body.at("/forward/prediction/1/0").asDouble(), 1.35, 1e-15);
		assertClose("mse", body.at("/forward/loss").asDouble(), 0.06625, 1e-14);
		assertClose("dL/dw1", body.at("/backward/layers/0/dL_dW/0/0").asDouble(), 1.15, 1e-14);
		assertClose("dL/dw2", body.at("/backward/layers/0/dL_dW/1/0").asDouble(), 0.55, 1e-14);
		assertClose("dL/db", body.at("/backward/layers/0/dL_db/0").asDouble(), 0.45, 1e-14);
	}

	@Test
	void oneExampleWithSeveralOutputsTakesAFlatLabel() {
		// z = (1·1 + 0, 1·2 + 0) = (1, 2), linear; sse = (1 − 0)² + (2 − 3)² = 2; dL/dŷ =
		// 2(ŷ − y) = (2, −2)
		Answer answer = postJson("/train-step", """
				{"inputs": [1], "weights": [[1, 2]], "bias": 0, "activation": "linear", "loss": "sse",
				 "label": [0, 3], "learningRate": 1}""");
		assertThat(answer.status()).as(answer.text()).isEqualTo(200);
		assertClose("sse", answer.json().at("/forward/loss").asDouble(), 2.0, 0);
		assertClose("dL/dŷ1", answer.json().at("/backward/dL_dPrediction/0/0").asDouble(), 2.0, 0);
		assertClose("dL/dŷ2", answer.json().at("/backward/dL_dPrediction/0/1").asDouble(), -2.0, 0);
		assertThat(answer.json().at("/update/layers/0/bias").size()).isEqualTo(2);
	}

	@Test
	void softmaxReportsNoElementWiseDerivativeButAlwaysDLdZ() {
		// softmax of z = (0, 0) is (½, ½); cross-entropy with y = (1, 0): L = ln 2, dL/dZ
		// = ŷ − y = (−½, ½)
		Answer answer = postJson("/train-step", """
				{"inputs": [[1]], "layers": [{"weights": [[0, 0]], "bias": [0, 0], "activation": "softmax"}],
				 "label": [[1, 0]], "loss": "cross_entropy", "learningRate": 0.5}""");
		assertThat(answer.status()).as(answer.text()).isEqualTo(200);
		JsonNode layer = answer.json().at("/backward/layers/0");
		assertThat(layer.has("dOutput_dZ")).isTrue();
		assertThat(layer.get("dOutput_dZ").isNull()).isTrue();
		assertClose("L", answer.json().at("/forward/loss").asDouble(), Math.log(2), 1e-15);
		assertClose("dL/dZ1", layer.at("/dL_dZ/0/0").asDouble(), -0.5, 1e-15);
		assertClose("dL/dZ2", layer.at("/dL_dZ/0/1").asDouble(), 0.5, 1e-15);
		assertThat(answer.json().at("/forward/layers/0/activation").asString()).isEqualTo("softmax");
	}

	@Test
	void theUpdateIsReadyToBeSentBackForTheNextStep() {
		JsonNode first = postJson("/train-step", SeedValues.REQUEST).json();
		String next = "{\"inputs\": [[0.5, 0.2, 0.8]], \"label\": [[0.7]], \"learningRate\": 0.1, \"layers\": "
				+ first.at("/update/layers") + "}";
		Answer second = postJson("/train-step", next);
		assertThat(second.status()).as(second.text()).isEqualTo(200);
		assertThat(second.json().at("/forward/loss").asDouble()).isEqualTo(first.at("/after/loss").asDouble());
		assertThat(second.json().at("/after/loss").asDouble()).isLessThan(first.at("/after/loss").asDouble());
	}

}
