package lab.backprop.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import lab.backprop.HttpTestSupport;

/**
 * The OpenAPI document names GET /datasets and GET /datasets/{name} as the contract
 * fixes, describes every parameter with its range and default, and documents problem+json
 * on every error status.
 */
class DatasetsOpenApiIT extends HttpTestSupport {

	@Test
	void operationIdsTagsParametersAndErrors() {
		JsonNode doc = api().get("/v3/api-docs").json();
		JsonNode list = doc.at("/paths/~1datasets/get");
		JsonNode get = doc.at("/paths/~1datasets~1{name}/get");
		assertThat(list.get("operationId").asString()).isEqualTo("listDatasets");
		assertThat(get.get("operationId").asString()).isEqualTo("getDataset");
		for (JsonNode operation : List.of(list, get)) {
			assertThat(operation.get("tags")).extracting(JsonNode::asString).containsExactly("Datasets");
			assertThat(operation.get("summary").asString()).isNotBlank();
			operation.get("responses").properties().forEach(response -> {
				if (!response.getKey().startsWith("2")) {
					assertThat(response.getValue().at("/content").has("application/problem+json")).as(response.getKey())
						.isTrue();
				}
			});
		}
		assertThat(get.get("responses").propertyNames()).contains("200", "400", "404");
		assertThat(get.get("parameters")).extracting(p -> p.get("name").asString())
			.containsExactly("name", "points", "noise", "testFraction", "seed", "features");
		for (JsonNode parameter : get.get("parameters")) {
			assertThat(parameter.get("description").asString()).as(parameter.get("name").asString()).isNotBlank();
		}
		assertThat(get.at("/parameters/1/schema/minimum").asInt()).isEqualTo(2);
		assertThat(get.at("/parameters/1/schema/maximum").asInt()).isEqualTo(4096);
		assertThat(get.at("/parameters/2/schema/maximum").asDouble()).isEqualTo(0.5);
		assertThat(get.at("/parameters/3/schema/maximum").asDouble()).isEqualTo(0.9);
		assertThat(get.at("/parameters/5/schema/default").asString()).isEqualTo("x1,x2");
		JsonNode tags = doc.get("tags");
		assertThat(tags).extracting(t -> t.get("name").asString()).contains("Datasets");
		JsonNode example = doc.at("/components/schemas/Example/properties");
		assertThat(example.at("/test/$ref").asString()).endsWith("/DataPoints");
		assertThat(doc.at("/components/schemas/DataPoints/properties/label/description").asString()).isNotBlank();
	}

}
