package lab.backprop.explain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import tools.jackson.databind.JsonNode;

import lab.backprop.Api;
import lab.backprop.HttpTestSupport;
import lab.backprop.explain.Cases;
import lab.backprop.explain.Msg;
import lab.backprop.explain.Texts;
import lab.backprop.SeedValues;

/** The meaning is chosen by the case: the sign and size of each value. */
class MeaningCasesIT extends HttpTestSupport {

	@Autowired
	Texts texts;

	JsonNode explain(String body, String language) {
		Api.Answer response = api().exchange(HttpMethod.POST, "/train-step?explain=true", headers -> {
			headers.setContentType(MediaType.APPLICATION_JSON);
			headers.set(HttpHeaders.ACCEPT_LANGUAGE, language);
		}, body);
		assertThat(response.status()).as(response.text()).isEqualTo(200);
		return JSON.readTree(response.text());
	}

	JsonNode explain(String body) throws Exception {
		return explain(body, "en");
	}

	static String meaning(JsonNode body, String path) {
		return body.at("/explanations" + path + "/meaning").asString();
	}

	String en(Msg key, Enum<?> variant) {
		return texts.text(Locale.ENGLISH, key, variant, 0, 0, 0);
	}

	@Test
	void aNegativeGradientSaysTheSeedsPredictionMustGoUp() throws Exception {
		JsonNode body = explain(SeedValues.REQUEST);
		String meaning = meaning(body, "/backward/dL_dPrediction");
		assertThat(meaning).contains("the prediction must go up").contains("0.1598").contains("moderate");
		assertThat(meaning(body, "/after/lossChange")).contains("lowered the loss by 0.0002703");
		assertThat(meaning(body, "/after/prediction")).contains("closer to the label");
	}

	@Test
	void aPositiveGradientSaysThePredictionMustGoDown() throws Exception {
		JsonNode body = explain(SeedValues.REQUEST.replace("[[0.7]]", "[[0.1]]"));
		assertThat(body.at("/backward/dL_dPrediction/0/0").asDouble()).isPositive();
		assertThat(meaning(body, "/backward/dL_dPrediction")).contains("the prediction must go down")
			.doesNotContain("go up");
		assertThat(meaning(body, "/backward/layers/0/dL_dW")).contains("0 weights will grow").contains("3 will shrink");
	}

	@Test
	void aZeroGradientSaysThePredictionIsAtAMinimumAndNothingChanges() throws Exception {
		JsonNode body = explain("""
				{"inputs": [[0.5]], "weights": [[1]], "bias": 0, "activation": "linear", "label": 0.5,
				 "learningRate": 0.1}""");
		assertThat(body.at("/backward/dL_dPrediction/0/0").asDouble()).isZero();
		assertThat(meaning(body, "/backward/dL_dPrediction")).isEqualTo(en(Msg.MEANING_DLDPREDICTION, Cases.Sign.ZERO));
		assertThat(meaning(body, "/forward/loss")).contains(texts.text(Locale.ENGLISH, Msg.MEANING_LOSS_ZERO));
		assertThat(meaning(body, "/update/layers/0/weights"))
			.isEqualTo(texts.text(Locale.ENGLISH, Msg.MEANING_UPDATE_NONE));
		assertThat(meaning(body, "/after/lossChange")).contains("did not change");
	}

	@Test
	void mixedSignsAreCounted() throws Exception {
		JsonNode body = explain("""
				{"inputs": [[1]], "weights": [[0.5, 0.5]], "bias": 0, "activation": "linear", "label": [[0, 1]],
				 "learningRate": 0.1}""");
		assertThat(meaning(body, "/backward/dL_dPrediction"))
			.contains("Mixed signs: 1 of the predictions should go down")
			.contains("1 should go up");
	}

	@Test
	void aSaturatedSigmoidWarnsOfAVanishingGradient() throws Exception {
		JsonNode body = explain("""
				{"inputs": [[1]], "weights": [[20]], "bias": 0, "label": 0, "learningRate": 0.1}""");
		assertThat(body.at("/backward/layers/0/dOutput_dZ/0/0").asDouble()).isLessThan(1e-8);
		assertThat(meaning(body, "/backward/layers/0/dOutput_dZ")).contains("saturated")
			.contains("vanishing gradient")
			.contains("1 of 1 slopes are below 0.01");
		assertThat(meaning(body, "/backward/layers/0/dL_dZ")).contains("almost 0").contains("vanishing gradient");
		assertThat(meaning(body, "/forward/layers/0/z")).contains("far from 0");
	}

	@Test
	void aDeadReluSaysNoGradientPasses() throws Exception {
		JsonNode body = explain("""
				{"inputs": [[1, 2]], "weights": [[-1], [-1]], "bias": 0, "activation": "relu", "label": 1,
				 "learningRate": 0.1}""");
		assertThat(meaning(body, "/backward/layers/0/dOutput_dZ")).contains("1 of 1 ReLU units are dead");
		assertThat(meaning(body, "/backward/layers/0/dL_dZ")).contains("no error signal reaches this layer");
		assertThat(meaning(body, "/forward/layers/0/z")).contains("output 0");
		assertThat(meaning(body, "/update/layers/0/bias"))
			.isEqualTo(texts.text(Locale.ENGLISH, Msg.MEANING_UPDATE_NONE));
	}

	@Test
	void aStepThatRaisedTheLossSaysTheLearningRateMayBeTooLarge() throws Exception {
		String overshoot = SeedValues.REQUEST.replace("\"learningRate\": 0.1", "\"learningRate\": 100");
		JsonNode body = explain(overshoot);
		assertThat(body.at("/after/lossChange").asDouble()).isPositive();
		assertThat(meaning(body, "/after/lossChange")).contains("raised the loss")
			.contains("learning rate (100)")
			.contains("too large");
		assertThat(meaning(body, "/after/prediction")).contains("away from the label");
		JsonNode russian = explain(overshoot, "ru");
		assertThat(meaning(russian, "/after/lossChange")).contains("Ошибка увеличилась")
			.contains("скорость обучения (100)");
	}

	@Test
	void largeGradientsAreFlagged() throws Exception {
		JsonNode body = explain("""
				{"inputs": [[100]], "weights": [[1]], "bias": 0, "activation": "linear", "label": 0,
				 "learningRate": 0.1}""");
		assertThat(meaning(body, "/backward/dL_dPrediction")).contains("is large");
		assertThat(meaning(body, "/backward/layers/0/dL_dW")).contains("large gradients (up to 20000)");
	}

	@Test
	void softmaxWithCrossEntropyIsExplainedThoughItsSlopeIsAJacobian() throws Exception {
		JsonNode body = explain("""
				{"inputs": [[1, 2]], "layers": [{"weights": [[0.1, 0.2], [0.3, 0.4]], "bias": [0, 0],
				 "activation": "softmax"}], "label": [[0, 1]], "loss": "cross_entropy", "learningRate": 0.1}""");
		assertThat(body.at("/backward/layers/0/dOutput_dZ").isNull()).isTrue();
		JsonNode slope = body.at("/explanations/backward/layers/0/dOutput_dZ");
		assertThat(slope.get("substituted").asString()).startsWith("∂a/∂z[1,1] = ");
		assertThat(slope.get("meaning").asString()).contains("Jacobian");
		assertThat(body.at("/explanations/backward/layers/0/dL_dZ/formula").asString())
			.isEqualTo("dL/dZ = (ŷ·Σy − y)/n");
	}

	@Test
	void aTwoLayerNetworkExplainsEveryLayerAndWhereGradientsGo() throws Exception {
		JsonNode body = explain("""
				{"inputs": [[0.05, 0.10]], "layers": [
				  {"weights": [[0.15, 0.25], [0.20, 0.30]], "bias": [0.35, 0.35], "activation": "sigmoid"},
				  {"weights": [[0.40, 0.50], [0.45, 0.55]], "bias": [0.60, 0.60], "activation": "sigmoid"}],
				 "label": [[0.01, 0.99]], "loss": "quadratic", "learningRate": 0.5}""");
		assertThat(body.at("/explanations/forward/layers").size()).isEqualTo(2);
		assertThat(meaning(body, "/backward/layers/0/dL_dOutput")).contains("What layer 2 passes back");
		assertThat(meaning(body, "/backward/layers/1/dL_dInput")).contains("back to layer 1");
		assertThat(body.at("/explanations/backward/layers/0/dL_dOutput/substituted").asString())
			.startsWith("dL/dA[1,1] = dL/dX^(2)[1,1] = ");
		assertThat(body.at("/explanations/forward/layers/0/z/substituted").asString())
			.startsWith("z[1,1] = 0.05·0.15 + 0.1·0.2 + 0.35 = ");
	}

	@Test
	void aLargeLayerIsShownAsAnExcerptWithTheCounts() throws Exception {
		StringBuilder inputs = new StringBuilder();
		StringBuilder weights = new StringBuilder();
		for (int i = 0; i < 784; i++) {
			inputs.append(i == 0 ? "" : ",").append(i % 7 * 0.1);
			weights.append(i == 0 ? "" : ",").append("[0.01,0.02,0.03,0.04,0.05,0.06,0.07,0.08,0.09,0.1]");
		}
		JsonNode body = explain("{\"inputs\": [[" + inputs + "]], \"weights\": [" + weights
				+ "], \"bias\": 0, \"label\": [[0,0,0,0,0,0,0,0,0,1]], \"learningRate\": 0.1}");
		String z = body.at("/explanations/forward/layers/0/z/substituted").asString();
		assertThat(z).startsWith("z[1,1] = 0.0·0.01 + 0.1·0.01 + 0.2·0.01 + … (785 terms in all) … + 0.0 = ");
		assertThat(z).endsWith("; … and 4 more; 10 in all");
		String dw = body.at("/explanations/backward/layers/0/dL_dW/substituted").asString();
		assertThat(dw).endsWith("; … and 7,834 more; 7,840 in all");
		assertThat(z.length() + dw.length()).isLessThan(2000);
	}

}
