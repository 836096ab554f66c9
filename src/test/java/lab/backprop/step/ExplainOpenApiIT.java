package lab.backprop.step;

import lab.backprop.explain.Explanation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import lab.backprop.HttpTestSupport;

/**
 * The OpenAPI description documents the explain parameter, the languages and the Markdown
 * answer.
 */
class ExplainOpenApiIT extends HttpTestSupport {

	@Test
	void trainStepDocumentsExplainLanguagesAndMarkdown() throws Exception {
		String text = api().get("/v3/api-docs").text();
		JsonNode api = JSON.readTree(text);
		JsonNode operation = api.at("/paths/~1train-step/post");
		List<String> parameters = new ArrayList<>();
		for (JsonNode parameter : operation.get("parameters")) {
			parameters.add(parameter.get("in").asString() + ":" + parameter.get("name").asString());
			assertThat(parameter.path("description").asString("")).as(parameter.get("name").asString()).isNotBlank();
		}
		assertThat(parameters).containsExactlyInAnyOrder("query:explain", "query:include", "query:framework",
				"header:Accept-Language");
		assertThat(operation.at("/description").asString()).contains("explain=true")
			.contains("text/markdown")
			.contains("Accept-Language: ru")
			.contains("Content-Language");
		JsonNode content = operation.at("/responses/200/content");
		assertThat(content.has("application/json")).isTrue();
		assertThat(content.at("/text~1markdown/schema/type").asString()).isEqualTo("string");
		JsonNode schemas = api.at("/components/schemas");
		assertThat(content.at("/application~1json/schema/$ref").asString())
			.isEqualTo("#/components/schemas/TrainStepResponse");
		assertThat(schemas.at("/TrainStepResponse/properties").has("forward")).as("the numbers").isTrue();
		assertThat(schemas.at("/TrainStepResponse/properties").has("explanations")).isTrue();
		assertThat(schemas.at("/TrainStepResponse/properties").has("step")).isFalse();
		assertThat(schemas.at("/Explanation/properties").has("substituted")).isTrue();
		assertThat(schemas.at("/BackwardExplanations/properties").has("dL_dPrediction")).isTrue();
	}

}
