package lab.backprop.train;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import lab.backprop.Api;
import lab.backprop.HttpTestSupport;

/** POST /train. */
class TrainApiIT extends HttpTestSupport {

	/**
	 * The XOR example, sent as /examples gives it, with its suggested steps, trains below
	 * 0.01.
	 */
	@Test
	void xorFromTheExamplesTrainsBelowOnePercentWithAMostlyFallingHistory() {
		JsonNode example = api().get("/examples/xor").body();
		ObjectNode body = (ObjectNode) example.get("request").deepCopy();
		body.put("steps", example.get("suggestedSteps").asInt());
		Api.Answer answer = api().post("/train", body);

		assertThat(answer.status()).isEqualTo(200);
		JsonNode run = answer.body();
		assertThat(run.get("loss").doubleValue()).isLessThan(0.01);
		assertThat(run.get("stoppedBecause").asString()).isEqualTo("steps");
		assertThat(run.get("stepsRun").asInt()).isEqualTo(example.get("suggestedSteps").asInt());

		JsonNode history = run.get("history");
		assertThat(history.size()).isBetween(50, 110);
		assertThat(history.get(0).get("step").asInt()).isZero();
		assertThat(history.get(history.size() - 1).get("step").asInt()).isEqualTo(run.get("stepsRun").asInt());
		assertThat(history.get(history.size() - 1).get("loss").doubleValue()).isEqualTo(run.get("loss").doubleValue());
		int falling = 0;
		for (int i = 1; i < history.size(); i++) {
			assertThat(history.get(i).get("step").asInt()).isGreaterThan(history.get(i - 1).get("step").asInt());
			if (history.get(i).get("loss").doubleValue() < history.get(i - 1).get("loss").doubleValue()) {
				falling++;
			}
		}
		assertThat(falling).as("points lower than the one before")
			.isGreaterThanOrEqualTo((history.size() - 1) * 9 / 10);

		// The final layers are ready to be sent back: one more /train-step starts from
		// the final loss.
		ObjectNode next = (ObjectNode) example.get("request").deepCopy();
		next.set("layers", run.get("layers"));
		next.set("optimizerState", run.get("optimizerState"));
		JsonNode step = api().post("/train-step", next).body();
		assertThat(step.get("forward").get("loss").doubleValue()).isEqualTo(run.get("loss").doubleValue());
	}

	@Test
	void stopsEarlyAtTheTargetLoss() {
		ObjectNode body = Api.example("xor");
		body.put("steps", 5000);
		body.put("targetLoss", 0.05);
		JsonNode run = api().post("/train", body).body();
		assertThat(run.get("stoppedBecause").asString()).isEqualTo("target_loss");
		assertThat(run.get("loss").doubleValue()).isLessThanOrEqualTo(0.05);
		int stepsRun = run.get("stepsRun").asInt();
		assertThat(stepsRun).isBetween(1, 4999);

		// One step fewer was still above the target.
		body.put("steps", stepsRun - 1);
		body.remove("targetLoss");
		assertThat(api().post("/train", body).body().get("loss").doubleValue()).isGreaterThan(0.05);
	}

	@Test
	void aTargetAlreadyMetRunsNoStep() {
		ObjectNode body = Api.example("seed");
		body.put("steps", 10);
		body.put("targetLoss", 1.0);
		body.put("trace", true);
		JsonNode run = api().post("/train", body).body();
		assertThat(run.get("stoppedBecause").asString()).isEqualTo("target_loss");
		assertThat(run.get("stepsRun").asInt()).isZero();
		assertThat(run.get("optimizerState").get("step").asInt()).isZero();
		assertThat(run.has("first")).isFalse();
	}

	/**
	 * A linear neuron with a far too large learning rate: the error grows by a factor
	 * each step until it overflows.
	 */
	@Test
	void divergenceIsReportedAsAStopWithTheLastFiniteParameters() {
		ObjectNode body = Api.object("""
				{"inputs": [[1.0, 2.0]], "weights": [[0.5], [0.5]], "bias": 0, "activation": "linear",
				 "label": 1, "learningRate": 10, "steps": 1000}""");
		Api.Answer answer = api().post("/train", body);
		assertThat(answer.status()).isEqualTo(200);
		JsonNode run = answer.body();
		assertThat(run.get("stoppedBecause").asString()).isEqualTo("diverged");
		int stepsRun = run.get("stepsRun").asInt();
		assertThat(stepsRun).isBetween(2, 999);
		assertThat(run.get("divergedAt").get("step").asInt()).isEqualTo(stepsRun + 1);
		assertThat(run.get("divergedAt").get("quantity").asString()).isNotBlank();
		assertThat(Double.isFinite(run.get("loss").doubleValue())).isTrue();
		for (JsonNode row : run.get("layers").get(0).get("weights")) {
			assertThat(row.get(0).isNumber()).isTrue();
			assertThat(Double.isFinite(row.get(0).doubleValue())).isTrue();
		}
		// The same step sent to /train-step is the 422 that names the same quantity.
		ObjectNode next = Api.object("""
				{"inputs": [[1.0, 2.0]], "label": 1, "learningRate": 10}""");
		next.set("layers", run.get("layers"));
		Api.Answer step = api().post("/train-step", next);
		assertThat(step.status()).isEqualTo(422);
		assertThat(step.body().get("quantity").asString()).isEqualTo(run.get("divergedAt").get("quantity").asString());
	}

	@Test
	void traceGivesTheFirstAndTheLastStepInFull() {
		ObjectNode body = Api.example("two-layer");
		body.put("steps", 5);
		body.put("trace", true);
		JsonNode run = api().post("/train", body).body();
		JsonNode first = run.get("first");
		JsonNode last = run.get("last");
		assertThat(first.get("forward").get("loss").doubleValue())
			.isEqualTo(run.get("history").get(0).get("loss").doubleValue());
		assertThat(first).isEqualTo(api().post("/train-step", Api.example("two-layer")).body());
		assertThat(last.get("update").get("layers")).isEqualTo(run.get("layers"));
		assertThat(last.get("optimizerState").get("step").asInt()).isEqualTo(5);

		body.remove("trace");
		JsonNode plain = api().post("/train", body).body();
		assertThat(plain.has("first")).isFalse();
		assertThat(plain.has("last")).isFalse();
	}

	@Test
	void recordEverySamplesTheHistory() {
		ObjectNode body = Api.example("xor");
		body.put("steps", 25);
		body.put("recordEvery", 10);
		JsonNode history = api().post("/train", body).body().get("history");
		assertThat(history).extracting(p -> p.get("step").asInt()).containsExactly(0, 10, 20, 25);
	}

	@Test
	void badTrainingFieldsAreProblemsWithPointers() {
		assertError("{\"steps\": null}", "/steps", "is required");
		assertError("{\"steps\": 0}", "/steps", "from 1 to 100000");
		assertError("{\"steps\": 2.5}", "/steps", "must be a whole number, not 2.5");
		assertError("{\"steps\": \"10\"}", "/steps", "must be a whole number");
		assertError("{\"steps\": 100001}", "/steps", "from 1 to 100000");
		assertError("{\"steps\": 10, \"recordEvery\": 0}", "/recordEvery", "at least 1");
		assertError("{\"steps\": 100000, \"recordEvery\": 1}", "/recordEvery", "history points");
		assertError("{\"steps\": 10, \"targetLoss\": 1e999}", "/targetLoss", "finite");
		assertError("{\"steps\": 10, \"stepz\": 3}", "/stepz", "did you mean 'steps'");
		assertError("{\"steps\": 10, \"learningRate\": -1}", "/learningRate", "> 0");
	}

	private void assertError(String extra, String pointer, String message) {
		ObjectNode body = Api.example("seed");
		body.setAll((ObjectNode) Api.object(extra));
		if (body.get("steps").isNull()) {
			body.remove("steps");
		}
		Api.Answer answer = api().post("/train", body);
		assertThat(answer.status()).as(extra).isEqualTo(400);
		assertThat(answer.contentType()).startsWith("application/problem+json");
		assertThat(answer.body().get("errors")).as(answer.body().toString()).anySatisfy(e -> {
			assertThat(e.get("pointer").asString()).isEqualTo(pointer);
			assertThat(e.get("message").asString()).contains(message);
		});
	}

}
