package lab.backprop.config;

import lab.backprop.request.TrainStepRequest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import lab.backprop.SeedValues;
import lab.backprop.HttpTestSupport;
import org.springframework.http.HttpMethod;
import lab.backprop.Api.Answer;

/** The OpenAPI document describes every field and offers the seed as a ready example. */
class OpenApiDocumentIT extends HttpTestSupport {

	@Test
	void everyRequestAndResponseFieldIsDescribed() {
		JsonNode schemas = api().get("/v3/api-docs").json().at("/components/schemas");
		List<String> undocumented = new ArrayList<>();
		for (Map.Entry<String, JsonNode> schema : schemas.properties()) {
			JsonNode properties = schema.getValue().get("properties");
			if (properties == null) {
				continue;
			}
			for (Map.Entry<String, JsonNode> property : properties.properties()) {
				JsonNode description = property.getValue().get("description");
				if (description == null || description.asString().isBlank()) {
					undocumented.add(schema.getKey() + "." + property.getKey());
				}
			}
		}
		assertThat(undocumented).isEmpty();
		assertThat(schemas.at("/TrainStepRequest/properties/learningRate/description").asString()).contains("> 0");
		assertThat(schemas.at("/BackwardLayer/properties").has("dL_dZ")).isTrue();
	}

	@Test
	void theSeedIsAReadyExampleThatTheServiceAccepts() {
		JsonNode doc = api().get("/v3/api-docs").json();
		JsonNode examples = doc.at("/paths/~1train-step/post/requestBody/content/application~1json/examples");
		assertThat(examples.has("seed")).isTrue();
		assertThat(examples.has("two-layer")).isTrue();
		assertThat(examples.at("/seed/value")).isEqualTo(JSON.readTree(SeedValues.REQUEST));
		for (JsonNode example : examples) {
			assertThat(postJson("/train-step", example.get("value").toString()).status()).isEqualTo(200);
		}
	}

	/**
	 * Every status a computing endpoint can answer with (the tests of each produce them)
	 * is documented.
	 */
	@Test
	void theComputingEndpointsDocumentTheirErrors() {
		JsonNode paths = api().get("/v3/api-docs").json().get("paths");
		for (String path : List.of("/train-step", "/train", "/gradient-check")) {
			JsonNode responses = paths.get(path).get("post").get("responses");
			List<String> codes = new ArrayList<>();
			responses.properties().forEach(entry -> codes.add(entry.getKey()));
			assertThat(codes).as(path).contains("200", "400", "413", "422", "503");
			assertThat(responses.at("/503/content").has("application/problem+json")).as(path).isTrue();
		}
	}

	@Test
	void theOperationsThatTakeCborDocumentItRightAfterJson() {
		JsonNode doc = api().get("/v3/api-docs").json();
		for (String path : List.of("/train-step", "/train", "/predict", "/gradient-check")) {
			JsonNode operation = doc.get("paths").get(path).get("post");
			JsonNode request = operation.at("/requestBody/content");
			JsonNode answer = operation.at("/responses/200/content");
			assertThat(request.propertyNames()).as(path).startsWith("application/json", "application/cbor");
			assertThat(answer.propertyNames()).as(path).startsWith("application/json", "application/cbor");
			assertThat(request.at("/application~1cbor/schema")).as(path)
				.isEqualTo(request.at("/application~1json/schema"));
			assertThat(answer.at("/application~1cbor/schema")).as(path)
				.isEqualTo(answer.at("/application~1json/schema"));
		}
		assertThat(doc.at("/paths/~1check/post/requestBody/content").propertyNames())
			.containsExactly("application/json");
		assertThat(doc.at("/info/description").asString()).contains("application/cbor");
	}

	@Test
	void theSwaggerUiIsServed() {
		Answer redirect = api().exchange(HttpMethod.GET, "/swagger-ui.html", headers -> {
		}, null);
		assertThat(redirect.status()).isIn(200, 302);
		Answer page = api().exchange(HttpMethod.GET, "/swagger-ui/index.html", headers -> {
		}, null);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.text()).contains("swagger-ui");
	}

}
