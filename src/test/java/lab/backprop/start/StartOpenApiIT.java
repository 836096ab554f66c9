package lab.backprop.start;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import lab.backprop.HttpTestSupport;

/**
 * The OpenAPI document names GET /initial-layers and POST /predict as the contract fixes,
 * describes their parameters with examples, documents problem+json on every error status,
 * and offers ready bodies that the service accepts.
 */
class StartOpenApiIT extends HttpTestSupport {

	@Test
	void operationIdsTagsAndErrors() {
		JsonNode paths = api().get("/v3/api-docs").json().get("paths");
		JsonNode initial = paths.at("/~1initial-layers/get");
		JsonNode predict = paths.at("/~1predict/post");
		assertThat(initial.get("operationId").asString()).isEqualTo("initialLayers");
		assertThat(predict.get("operationId").asString()).isEqualTo("predict");
		for (JsonNode operation : List.of(initial, predict)) {
			assertThat(operation.get("tags")).extracting(JsonNode::asString).containsExactly("Training");
			assertThat(operation.get("summary").asString()).isNotBlank();
			operation.get("responses").properties().forEach(response -> {
				if (!response.getKey().startsWith("2")) {
					assertThat(response.getValue().at("/content").has("application/problem+json")).as(response.getKey())
						.isTrue();
				}
			});
		}
		assertThat(initial.get("responses").propertyNames()).contains("200", "400", "413");
		assertThat(predict.get("responses").propertyNames()).contains("200", "400", "413", "422", "503");
		for (JsonNode parameter : initial.get("parameters")) {
			assertThat(parameter.get("description").asString()).as(parameter.get("name").asString()).isNotBlank();
			assertThat(
					parameter.at("/schema/example").isMissingNode() && parameter.at("/schema/default").isMissingNode())
				.as(parameter.get("name").asString())
				.isFalse();
		}
		assertThat(initial.get("parameters").get(0).get("required").asBoolean()).isTrue();
	}

	@Test
	void thePredictExamplesAreAccepted() {
		JsonNode examples = api().get("/v3/api-docs")
			.json()
			.at("/paths/~1predict/post/requestBody/content/application~1json/examples");
		assertThat(examples.propertyNames()).containsExactly("two-layer", "seed");
		JsonNode twoLayer = api().post("/predict", examples.at("/two-layer/value")).body();
		assertThat(twoLayer.get("loss").asDouble()).isEqualTo(0.2983711087600027);
		JsonNode seed = api().post("/predict", examples.at("/seed/value")).body();
		assertThat(seed.get("prediction").get(0).get(0).asDouble()).isEqualTo(0.6201064323430902);
	}

}
