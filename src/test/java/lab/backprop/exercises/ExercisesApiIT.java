package lab.backprop.exercises;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import lab.backprop.Api;
import lab.backprop.HttpTestSupport;

/**
 * GET /exercises/random: the same exercise for the same seed (pinned, so that every
 * machine and JDK must draw the same numbers), a drawn seed echoed, three levels, and
 * every exercise answerable through /check with the step's own numbers.
 */
class ExercisesApiIT extends HttpTestSupport {

	JsonNode exercise(String query) {
		Api.Answer answer = api().get("/exercises/random" + query);
		assertThat(answer.status()).as(answer.text()).isEqualTo(200);
		return answer.json();
	}

	/** The numbers of these three are fixed by SplittableRandom's specification. */
	@Test
	void aSeedGivesTheSameExerciseEverywhere() {
		assertThat(exercise("?level=1&seed=1").get("request")).isEqualTo(Api.object("""
				{"inputs": [[-0.4, -0.2, 0.4]], "weights": [[-0.7], [0.3], [-0.4]], "bias": [[0.1]],
				 "activation": "tanh", "label": [[-0.2]], "loss": "mse", "learningRate": 0.5}"""));
		assertThat(exercise("?level=2&seed=2").get("request")).isEqualTo(Api.object("""
				{"inputs": [[0.7, 0.4]], "weights": [[0.3], [-0.3]], "bias": [[0.2]], "activation": "sigmoid",
				 "label": [[0.3]], "loss": "mse", "learningRate": 0.1}"""));
		assertThat(exercise("?level=3&seed=3").get("request")).isEqualTo(Api.object("""
				{"inputs": [[-0.6, 0.7]],
				 "layers": [{"weights": [[-0.7, -0.4], [0.9, -0.2]], "bias": [0.2, 0.2], "activation": "sigmoid"},
				            {"weights": [[0.2], [0.2]], "bias": [-0.5], "activation": "sigmoid"}],
				 "label": [[0.4]], "loss": "mse", "learningRate": 0.5}"""));
		assertThat(exercise("?level=2&seed=2")).isEqualTo(exercise("?level=2&seed=2"));
		assertThat(exercise("?level=2&seed=3").get("request")).isNotEqualTo(exercise("?level=2&seed=2").get("request"));
	}

	@Test
	void withoutASeedOneIsDrawnAndEchoed() {
		JsonNode drawn = exercise("?level=2");
		long seed = drawn.get("seed").asLong();
		assertThat(exercise("?level=2&seed=" + seed)).isEqualTo(drawn);
		assertThat(exercise("").get("level").asInt()).as("level 1 by default").isEqualTo(1);
	}

	@Test
	void theThreeLevels() {
		JsonNode one = exercise("?level=1&seed=5");
		assertThat(one.get("ask").toString())
			.isEqualTo("[\"/forward/layers/0/z\",\"/forward/prediction\",\"/forward/loss\"]");
		assertThat(one.at("/request/weights").size()).isBetween(2, 3);
		JsonNode two = exercise("?level=2&seed=5");
		assertThat(two.get("ask")).hasSize(10);
		assertThat(two.get("ask").toString()).contains("/backward/layers/0/dL_dW", "/update/layers/0/bias");
		JsonNode three = exercise("?level=3&seed=5");
		assertThat(three.at("/request/layers")).hasSize(2);
		assertThat(three.at("/request/layers/0/weights/0")).as("a hidden layer of two").hasSize(2);
		assertThat(three.get("ask").toString()).contains("/backward/layers/0/dL_dOutput", "/backward/layers/0/dL_dW");
		assertThat(three.at("/questions/7/name").asString()).isEqualTo("Weight gradients, dL/dW, layer 1");
		assertThat(three.at("/questions/7/rows").asInt()).isEqualTo(2);
		assertThat(three.at("/questions/7/columns").asInt()).isEqualTo(2);
	}

	/**
	 * For many seeds at every level: the service's own /train-step numbers, sent to
	 * /check at full precision and rounded to four digits, are all right.
	 */
	@Test
	void theStepsOwnNumbersAnswerEveryExercise() {
		for (int level = 1; level <= 3; level++) {
			for (int seed = 0; seed < 25; seed++) {
				JsonNode exercise = exercise("?level=" + level + "&seed=" + seed);
				JsonNode step = api().post("/train-step", exercise.get("request")).json();
				ObjectNode exact = JSON.createObjectNode();
				StringBuilder rounded = new StringBuilder();
				for (JsonNode pointer : exercise.get("ask")) {
					JsonNode value = step.at(pointer.asString());
					exact.set(pointer.asString(), value);
					rounded.append(rounded.isEmpty() ? "" : ", ")
						.append('"')
						.append(pointer.asString())
						.append("\": ")
						.append(fourDigits(value));
				}
				for (String answers : List.of(exact.toString(), "{" + rounded + "}")) {
					ObjectNode body = ((ObjectNode) exercise.get("request")).deepCopy();
					body.set("answers", JSON.readTree(answers));
					JsonNode verdict = api().post("/check", body).json();
					assertThat(verdict.get("correct").asBoolean()).as("level %d seed %d: %s", level, seed, verdict)
						.isTrue();
				}
			}
		}
	}

	@Test
	void aBadLevelOrSeedIsA400NamingIt() {
		for (String query : List.of("?level=4", "?level=one", "?level=1&seed=1.5", "?seed=x")) {
			Api.Answer answer = api().get("/exercises/random" + query);
			assertThat(answer.status()).as(query).isEqualTo(400);
			assertThat(answer.isProblem()).isTrue();
			assertThat(answer.json().get("parameter").asString()).isEqualTo(query.contains("seed") ? "seed" : "level");
		}
	}

	@Test
	void theTextsAreInTheLanguageAsked() {
		Api.Answer russian = api().exchange(HttpMethod.GET, "/exercises/random?level=3&seed=1", headers -> {
			headers.setAccept(List.of(MediaType.APPLICATION_JSON));
			headers.set(HttpHeaders.ACCEPT_LANGUAGE, "ru-RU");
		}, null);
		assertThat(russian.header(HttpHeaders.CONTENT_LANGUAGE)).isEqualTo("ru");
		assertThat(russian.json().get("title").asString()).isEqualTo("Обратное распространение через скрытый слой");
		assertThat(russian.json().get("instructions").asString()).contains("скрытый слой из 2 нейронов");
		assertThat(exercise("?level=1&seed=1").get("instructions").asString())
			.startsWith("A single tanh neuron with 3 inputs and the mse loss.");
	}

	/** A value rounded half up to four significant digits, as a learner writes it. */
	private static String fourDigits(JsonNode value) {
		if (value.isNumber()) {
			return new BigDecimal(value.asDouble()).round(new MathContext(4, RoundingMode.HALF_UP)).toString();
		}
		List<String> parts = new ArrayList<>();
		value.forEach(element -> parts.add(fourDigits(element)));
		return "[" + String.join(", ", parts) + "]";
	}

}
