package lab.backprop.step;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import lab.backprop.Api.Answer;
import lab.backprop.HttpTestSupport;
import lab.backprop.SeedValues;

/** {@code ?include=summary|full} on POST /train-step, over real HTTP. */
class IncludeParameterIT extends HttpTestSupport {

	@Test
	void summaryHasTheForwardLossTheUpdateAndAfterOnly() {
		Answer response = post("/train-step?include=summary", SeedValues.REQUEST);

		assertThat(response.status()).isEqualTo(200);
		JsonNode body = JSON.readTree(response.text());
		assertThat(body.propertyNames()).containsExactly("forward", "update", "after", "optimizerState");
		assertThat(body.get("forward").propertyNames()).containsExactly("loss");
		assertThat(body.get("update").propertyNames()).containsExactly("learningRate", "optimizer", "layers");
		assertThat(body.get("after").propertyNames()).containsExactly("prediction", "loss", "lossChange");

		JsonNode seed = seed();
		assertRelative(body.at("/forward/loss"), seed.at("/loss/0/0"));
		for (int i = 0; i < 3; i++) {
			assertRelative(body.at("/update/layers/0/weights/" + i + "/0"), seed.at("/W_new/" + i + "/0"));
		}
		assertRelative(body.at("/update/layers/0/bias/0"), seed.at("/b_new/0/0"));
		assertThat(body.at("/update/layers/0/activation").stringValue()).isEqualTo("sigmoid");
		assertRelative(body.at("/after/prediction/0/0"), seed.at("/pred_updated/0/0"));
		assertRelative(body.at("/after/loss"), seed.at("/loss_updated/0/0"));
	}

	@Test
	void explanationsNeedTheFullAnswer() {
		Answer response = post("/train-step?include=summary&explain=true", SeedValues.REQUEST);
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		JsonNode problem = JSON.readTree(response.text());
		assertThat(problem.get("parameter").asString()).isEqualTo("include");
		assertThat(problem.get("detail").asString()).contains("include=full");
	}

	@Test
	void fullIsTheDefaultAndHasEveryIntermediateValue() {
		JsonNode byDefault = post("/train-step", SeedValues.REQUEST).json();
		JsonNode full = post("/train-step?include=full", SeedValues.REQUEST).json();

		assertThat(full).isEqualTo(byDefault);
		assertThat(full.propertyNames()).containsExactly("forward", "backward", "update", "after", "optimizerState");
		assertThat(full.get("forward").propertyNames()).containsExactly("layers", "prediction", "loss");
		assertRelative(full.at("/backward/layers/0/dL_dW/2/0"), seed().at("/dL_dW/2/0"));
	}

	@Test
	void summaryCarriesTheSameNumbersAsTheFullAnswerForANetworkOnTheFastKernel() {
		String body = network(new Random(7), 32, 64, 32, 10);

		JsonNode full = post("/train-step", body).json();
		Answer summaryResponse = post("/train-step?include=summary", body);
		JsonNode summary = summaryResponse.json();

		assertThat(summary.get("forward").get("loss")).isEqualTo(full.get("forward").get("loss"));
		assertThat(summary.get("update")).isEqualTo(full.get("update"));
		assertThat(summary.get("after")).isEqualTo(full.get("after"));
		assertThat(summary.has("backward")).isFalse();
		assertThat(summaryResponse.text().length()).isLessThan(post("/train-step", body).text().length() / 2);
	}

	@Test
	void theValueIsMatchedCaseInsensitively() {
		Answer response = post("/train-step?include=SUMMARY", SeedValues.REQUEST);

		assertThat(response.status()).isEqualTo(200);
		assertThat(JSON.readTree(response.text()).has("backward")).isFalse();
	}

	@Test
	void anUnknownValueIsAProblemNamingIncludeAndTheAllowedValues() {
		for (String value : List.of("everything", "", "summary%20")) {
			Answer response = post("/train-step?include=" + value, SeedValues.REQUEST);

			assertThat(response.status()).as(value).isEqualTo(400);
			assertThat(response.contentType()).asString().startsWith("application/problem+json");
			JsonNode problem = JSON.readTree(response.text());
			assertThat(problem.get("status").intValue()).isEqualTo(400);
			assertThat(problem.get("type").stringValue()).isNotBlank();
			assertThat(problem.get("title").stringValue()).isNotBlank();
			assertThat(problem.get("detail").stringValue()).contains("include", "summary", "full");
			assertThat(problem.get("parameter").stringValue()).isEqualTo("include");
			assertThat(problem.get("allowed").values()).extracting(JsonNode::stringValue)
				.containsExactly("summary", "full");
		}
	}

	@Test
	void theOpenApiDocumentDescribesTheParameter() {
		Answer response = api().get("/v3/api-docs");
		JsonNode parameters = JSON.readTree(response.text()).at("/paths/~1train-step/post/parameters");

		JsonNode include = null;
		for (JsonNode parameter : parameters.values()) {
			if ("include".equals(parameter.path("name").stringValue())) {
				include = parameter;
			}
		}
		assertThat(include).as("the include parameter").isNotNull();
		assertThat(include.get("in").stringValue()).isEqualTo("query");
		assertThat(include.get("description").stringValue()).contains("forward.loss", "update", "after", "summary",
				"full");
		// the values in any ASCII case, as the service reads them; full is the default
		String pattern = include.at("/schema/pattern").stringValue();
		assertThat(List.of("summary", "full", "SUMMARY", "Full")).allMatch(value -> value.matches(pattern));
		assertThat("partial").doesNotMatch(pattern);
		assertThat(include.at("/schema/description").stringValue()).contains("`summary`", "`full`");
		assertThat(include.get("description").stringValue()).contains("`full` (the default)");
	}

	private Answer post(String path, String body) {
		return postJson(path, body);
	}

	/**
	 * A sigmoid network with random weights: {@code sizes} are inputs, hidden...,
	 * outputs.
	 */
	private static String network(Random random, int batch, int... sizes) {
		StringBuilder json = new StringBuilder("{\"inputs\": ").append(matrix(random, batch, sizes[0]));
		json.append(", \"layers\": [");
		for (int i = 1; i < sizes.length; i++) {
			json.append(i > 1 ? ", " : "")
				.append("{\"weights\": ")
				.append(matrix(random, sizes[i - 1], sizes[i]))
				.append(", \"bias\": 0.1}");
		}
		return json.append("], \"label\": ")
			.append(matrix(random, batch, sizes[sizes.length - 1]))
			.append(", \"learningRate\": 0.1}")
			.toString();
	}

	private static String matrix(Random random, int rows, int columns) {
		StringBuilder json = new StringBuilder("[");
		for (int i = 0; i < rows; i++) {
			json.append(i > 0 ? ", [" : "[");
			for (int j = 0; j < columns; j++) {
				json.append(j > 0 ? ", " : "").append(String.format(Locale.ROOT, "%.6f", random.nextDouble() - 0.5));
			}
			json.append(']');
		}
		return json.append(']').toString();
	}

	private static JsonNode seed() {
		return SeedValues.load();
	}

	private static void assertRelative(JsonNode actual, JsonNode expected) {
		assertThat(actual.isNumber()).as("a number at the expected place").isTrue();
		double value = expected.doubleValue();
		assertThat(actual.doubleValue()).isCloseTo(value, within(1e-12 * Math.abs(value)));
	}

}
