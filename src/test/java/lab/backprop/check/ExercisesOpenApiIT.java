package lab.backprop.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import lab.backprop.HttpTestSupport;

/**
 * The OpenAPI names generated clients depend on: checkAnswers and randomExercise under
 * the tag Exercises; /check documents its error statuses as problems, and the Python
 * script is a representation of /train-step.
 */
class ExercisesOpenApiIT extends HttpTestSupport {

	@Test
	void theOperationsHaveTheirContractNames() {
		JsonNode paths = api().get("/v3/api-docs").json().get("paths");
		JsonNode check = paths.at("/~1check/post");
		assertThat(check.get("operationId").asString()).isEqualTo("checkAnswers");
		assertThat(check.get("tags").toString()).isEqualTo("[\"Exercises\"]");
		assertThat(check.get("summary").asString()).isNotBlank();
		JsonNode random = paths.at("/~1exercises~1random/get");
		assertThat(random.get("operationId").asString()).isEqualTo("randomExercise");
		assertThat(random.get("tags").toString()).isEqualTo("[\"Exercises\"]");
		List<String> parameters = new ArrayList<>();
		random.get("parameters").forEach(p -> parameters.add(p.get("name").asString()));
		assertThat(parameters).contains("level", "seed");
	}

	@Test
	void checkDocumentsItsProblems() {
		JsonNode responses = api().get("/v3/api-docs").json().at("/paths/~1check/post/responses");
		for (String status : List.of("400", "413", "422", "503")) {
			assertThat(responses.at("/" + status + "/content").has("application/problem+json")).as(status).isTrue();
		}
		JsonNode schemas = api().get("/v3/api-docs").json().at("/components/schemas");
		assertThat(schemas.at("/CheckRequest/properties").has("answers")).isTrue();
		assertThat(schemas.at("/CheckRequest/properties").has("significantDigits")).isTrue();
		assertThat(schemas.at("/Mistake/properties/code/enum").toString()).contains("missing_factor_2", "sign");
		assertThat(schemas.has("Exercise")).isTrue();
	}

	@Test
	void thePythonScriptIsARepresentationOfTrainStep() {
		JsonNode step = api().get("/v3/api-docs").json().at("/paths/~1train-step/post");
		assertThat(step.at("/responses/200/content").has("text/x-python")).isTrue();
		List<String> parameters = new ArrayList<>();
		step.get("parameters").forEach(p -> parameters.add(p.get("name").asString()));
		assertThat(parameters).contains("framework");
	}

}
