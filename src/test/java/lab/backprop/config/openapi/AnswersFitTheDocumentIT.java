package lab.backprop.config.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import lab.backprop.Api;
import lab.backprop.Api.Answer;
import lab.backprop.HttpTestSupport;
import lab.backprop.SeedValues;

/**
 * Real answers fit the schemas the served document gives them, with every required field
 * and no undocumented one: the full step, its summary, its explanations, a softmax
 * layer's null dOutput_dZ, /train with its trace and a divergence, the gradient check, an
 * example and problems. (CI holds every answer of the request files and clients to the
 * document with Prism: .ci/contract.)
 */
class AnswersFitTheDocumentIT extends HttpTestSupport {

	private static final String SEED = SeedValues.REQUEST;

	@Test
	void answersFitTheDocumentIncludingTheSummaryTheExplanationsAndErrors() {
		JsonNode document = api().get("/v3/api-docs").json();
		JsonNode step = ref("TrainStepResponse");
		assertFits(document, step, postJson("/train-step", SEED));
		assertFits(document, step, postJson("/train-step?include=summary", SEED));
		assertFits(document, step, postJson("/train-step?explain=true", SEED));
		ObjectNode softmax = Api.example("softmax");
		assertFits(document, step, postJson("/train-step", softmax.toString()));
		ObjectNode train = Api.example("xor");
		train.put("steps", 20).put("trace", true);
		assertFits(document, ref("TrainResponse"), postJson("/train", train.toString()));
		Answer diverged = postJson("/train", """
				{"inputs": [[1.0, 2.0]], "weights": [[0.5], [0.5]], "bias": 0, "activation": "linear",
				 "label": 1, "learningRate": 10, "steps": 1000, "trace": true}""");
		assertThat(diverged.json().get("stoppedBecause").asString()).isEqualTo("diverged");
		assertFits(document, ref("TrainResponse"), diverged);
		assertFits(document, ref("GradientCheckResponse"), postJson("/gradient-check", SEED));
		assertFits(document, ref("Example"), api().get("/examples/xor"));
		JsonNode problem = ref("Problem");
		assertFits(document, problem, postJson("/train-step", "{\"inputs\": [[1]]"));
		assertFits(document, problem, postJson("/train-step", "{}"));
		assertFits(document, problem, api().get("/examples/nope"));
		Answer overflow = postJson("/train-step", """
				{"inputs": [[1]], "weights": [[1]], "bias": 0, "activation": "linear", "label": [[0]],
				 "learningRate": 1e300}""");
		assertThat(overflow.status()).isEqualTo(422);
		assertFits(document, problem, overflow);
		Answer notJson = api().exchange(HttpMethod.POST, "/train-step",
				headers -> headers.setContentType(MediaType.TEXT_PLAIN), SEED);
		assertThat(notJson.status()).isEqualTo(415);
		assertFits(document, problem, notJson);
		Answer notAcceptable = api().exchange(HttpMethod.POST, "/train-step", headers -> {
			headers.setContentType(MediaType.APPLICATION_JSON);
			headers.set("Accept", "text/csv");
		}, SEED);
		assertThat(notAcceptable.status()).isEqualTo(406);
		assertFits(document, problem, notAcceptable);
	}

	private static JsonNode ref(String name) {
		return Api.object("{\"$ref\": \"#/components/schemas/" + name + "\"}");
	}

	private static void assertFits(JsonNode document, JsonNode schema, Answer answer) {
		assertThat(answer.json()).as(answer.text()).isNotNull();
		assertThat(DocumentedShape.violations(document, schema, answer.json())).as(answer.text()).isEmpty();
	}

}
