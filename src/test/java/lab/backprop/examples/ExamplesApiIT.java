package lab.backprop.examples;

import lab.backprop.train.TrainRequest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import lab.backprop.Api;
import lab.backprop.HttpTestSupport;
import lab.backprop.SeedValues;

/** GET /examples, GET /examples/{name}, and the examples in the OpenAPI document. */
class ExamplesApiIT extends HttpTestSupport {

	static final List<String> NAMES = List.of("seed", "two-layer", "xor", "softmax", "deep-tanh", "circle-data",
			"xor-data", "gauss-data", "spiral-data", "moons-data", "plane-data", "gaussians-data");

	@Test
	void listsTheExamplesWithTitleAndSentence() {
		Api.Answer answer = api().get("/examples");
		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.body()).extracting(e -> e.get("name").asString()).containsExactlyElementsOf(NAMES);
		for (JsonNode example : answer.body()) {
			assertThat(example.get("title").asString()).isNotBlank();
			assertThat(example.get("description").asString()).endsWith(".");
			assertThat(example.get("href").asString()).isEqualTo("/examples/" + example.get("name").asString());
		}
	}

	@Test
	void everyExampleIsAReadyTrainStepBody() {
		for (String name : NAMES) {
			JsonNode example = api().get("/examples/" + name).body();
			assertThat(example.get("name").asString()).isEqualTo(name);
			Api.Answer step = api().post("/train-step", example.get("request"));
			assertThat(step.status()).as(name).isEqualTo(200);
			assertThat(step.body().get("after").get("lossChange").doubleValue()).as(name).isNegative();
		}
	}

	@Test
	void theSeedExampleIsTheSeed() {
		JsonNode request = api().get("/examples/seed").body().get("request");
		assertThat(request).isEqualTo(Api.object(SeedValues.REQUEST));
	}

	@Test
	void theTwoLayerExampleIsTheContractsNetworkExample() {
		JsonNode request = api().get("/examples/two-layer").body().get("request");
		JsonNode layers = request.get("layers");
		assertThat(layers.size()).isEqualTo(2);
		assertThat(layers.get(0).get("weights")).isEqualTo(Api.JSON.readTree("[[0.15, 0.25], [0.20, 0.30]]"));
		assertThat(layers.get(1).get("bias")).isEqualTo(Api.JSON.readTree("[0.60, 0.60]"));
		assertThat(request.get("loss").asString()).isEqualTo("quadratic");
	}

	/**
	 * The deep tanh network: the first layer's bias gradient is far smaller than the last
	 * layer's.
	 */
	@Test
	void theDeepTanhExampleShowsVanishingGradients() {
		JsonNode request = api().get("/examples/deep-tanh").body().get("request");
		assertThat(request.get("layers").size()).isGreaterThanOrEqualTo(6);
		JsonNode layers = api().post("/train-step", request).body().get("backward").get("layers");
		double first = maxAbs(layers.get(0).get("dL_db"));
		double last = maxAbs(layers.get(layers.size() - 1).get("dL_db"));
		assertThat(first).isLessThan(last / 100);
		for (int i = 1; i < layers.size(); i++) {
			assertThat(maxAbs(layers.get(i - 1).get("dL_db"))).as("layer %d", i - 1)
				.isLessThan(maxAbs(layers.get(i).get("dL_db")));
		}
	}

	@Test
	void anUnknownNameIsA404ListingTheNames() {
		Api.Answer answer = api().get("/examples/xorr");
		assertThat(answer.status()).isEqualTo(404);
		assertThat(answer.contentType()).startsWith("application/problem+json");
		assertThat(answer.body().get("names")).extracting(JsonNode::asString).containsExactlyElementsOf(NAMES);
		assertThat(answer.body().get("detail").asString()).contains("did you mean 'xor'");
	}

	@Test
	void theOpenApiDocumentOffersTheExamplesAndASummaryForEveryOperation() {
		JsonNode doc = api().get("/v3/api-docs").body();
		for (String path : List.of("/train-step", "/train", "/gradient-check")) {
			JsonNode examples = doc.get("paths")
				.get(path)
				.get("post")
				.get("requestBody")
				.get("content")
				.get("application/json")
				.get("examples");
			assertThat(examples.propertyNames()).as(path).containsAll(NAMES);
		}
		assertThat(doc.get("paths")
			.get("/train")
			.get("post")
			.get("requestBody")
			.get("content")
			.get("application/json")
			.get("examples")
			.get("xor")
			.get("value")
			.get("steps")
			.asInt()).isEqualTo(1000);
		doc.get("paths")
			.properties()
			.forEach(path -> path.getValue()
				.properties()
				.forEach(operation -> assertThat(operation.getValue().get("summary"))
					.as(path.getKey() + " " + operation.getKey())
					.isNotNull()));
		JsonNode schemas = doc.get("components").get("schemas");
		assertThat(schemas.get("Optimizer").get("description").asString()).contains("PyTorch").contains("β₁");
		assertThat(schemas.get("TrainRequest").get("properties").get("steps").get("description").asString())
			.contains("max-train-work");
	}

	private static double maxAbs(JsonNode values) {
		double max = 0;
		for (JsonNode v : values) {
			max = Math.max(max, Math.abs(v.doubleValue()));
		}
		return max;
	}

}
