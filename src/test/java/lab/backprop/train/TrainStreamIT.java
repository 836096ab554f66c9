package lab.backprop.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import lab.backprop.Api;
import lab.backprop.HttpTestSupport;
import lab.backprop.TrainBodies;
import lab.backprop.train.ServerSentEvents.Event;

/**
 * {@code Accept: text/event-stream} on /train: progress events, then the JSON answer as
 * the result event; errors before the start as problems, after it as an error event; a
 * client that leaves stops the run.
 */
class TrainStreamIT extends HttpTestSupport {

	@Autowired
	private TrainStreams streams;

	private static ObjectNode xor(int steps, int recordEvery) {
		ObjectNode body = Api.example("xor");
		body.put("steps", steps);
		body.put("recordEvery", recordEvery);
		body.set("test", Api.object("{\"inputs\": [[0.1, 0.9], [0.9, 0.9]], \"label\": [[1], [0]]}"));
		return body;
	}

	@Test
	void progressAtEveryRecordedPointThenTheJsonAnswerAsTheResult() {
		ObjectNode body = xor(100, 20);
		Api.Answer answer = ServerSentEvents.post(api(), body.toString());
		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.contentType()).startsWith("text/event-stream");
		List<Event> events = ServerSentEvents.parse(answer.text());
		Event result = events.get(events.size() - 1);
		assertThat(result.name()).isEqualTo("result");
		assertThat(events.subList(0, events.size() - 1)).allSatisfy(e -> assertThat(e.name()).isEqualTo("progress"));

		JsonNode json = api().post("/train", body).body();
		assertThat(result.data()).isEqualTo(json);

		List<JsonNode> progress = events.stream().filter(e -> e.name().equals("progress")).map(Event::data).toList();
		List<Long> steps = progress.stream().map(p -> p.get("step").asLong()).toList();
		assertThat(steps).contains(0L, 20L, 40L, 60L, 80L, 100L).isSorted();
		// each recorded point's progress is its history point, field for field
		for (JsonNode point : json.get("history")) {
			JsonNode event = progress.stream()
				.filter(p -> p.get("step").asLong() == point.get("step").asLong())
				.findFirst()
				.orElseThrow();
			for (String field : List.of("loss", "testLoss", "accuracy", "testAccuracy")) {
				assertThat(event.get(field)).as(field + " at " + point.get("step")).isEqualTo(point.get(field));
			}
			assertThat(event.has("layers")).isFalse();
		}
	}

	/**
	 * With a grid, every progress event carries the parameters at its step and their
	 * grid: the same as the JSON answer of a run of that many steps.
	 */
	@Test
	void withAGridEveryProgressEventCarriesTheLayersAndTheGrid() {
		ObjectNode body = xor(40, 20);
		body.set("grid", Api.object("""
				{"x": {"min": 0, "max": 1, "points": 4}, "y": {"min": 0, "max": 1, "points": 3}}"""));
		List<Event> events = ServerSentEvents.parse(ServerSentEvents.post(api(), body.toString()).text());
		List<JsonNode> progress = events.stream().filter(e -> e.name().equals("progress")).map(Event::data).toList();
		assertThat(progress).allSatisfy(p -> {
			assertThat(p.get("layers")).hasSize(2);
			assertThat(p.get("grid").get("output")).hasSize(3);
		});
		JsonNode at20 = progress.stream().filter(p -> p.get("step").asLong() == 20).findFirst().orElseThrow();
		ObjectNode twenty = body.deepCopy();
		twenty.put("steps", 20);
		JsonNode json = api().post("/train", twenty).body();
		assertThat(at20.get("layers")).isEqualTo(json.get("layers"));
		assertThat(at20.get("grid")).isEqualTo(json.get("grid"));
	}

	/**
	 * Between the recorded points (here only 0 and the last), progress comes at least
	 * every 250 ms: each event is sent by the first step that ends 250 ms after the last
	 * one, so consecutive events are 250 ms apart plus at most a step (and the
	 * scheduler's delays, for which this allows up to a second in all on a busy machine;
	 * without the timer the only gap would be the whole run, over a second).
	 */
	@Test
	void progressComesAtLeastEveryQuarterOfASecond() {
		ObjectNode body = TrainBodies.wide(5000, 5000);
		List<Event> events = ServerSentEvents.parse(ServerSentEvents.post(api(), body.toString()).text());
		List<JsonNode> progress = events.stream().filter(e -> e.name().equals("progress")).map(Event::data).toList();
		long last = progress.get(progress.size() - 1).get("elapsedMillis").asLong();
		assertThat(last).as("a run long enough to need events between its recorded points").isGreaterThan(1000);
		assertThat(progress.size()).isGreaterThanOrEqualTo((int) (last / 1000));
		for (int k = 1; k < progress.size(); k++) {
			long gap = progress.get(k).get("elapsedMillis").asLong()
					- progress.get(k - 1).get("elapsedMillis").asLong();
			// the last event is the recorded final point, sent whenever the run ends
			assertThat(gap).as("gap before event " + k).isBetween(k < progress.size() - 1 ? 250L : 0L, 1000L);
		}
	}

	@Test
	void errorsBeforeTheStreamStartsAreOrdinaryProblems() {
		ObjectNode body = xor(10, 1);
		body.put("batchSize", 0);
		Api.Answer answer = ServerSentEvents.post(api(), body.toString());
		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.contentType()).startsWith("application/problem+json");
		assertThat(answer.body().get("errors").get(0).get("pointer").asString()).isEqualTo("/batchSize");
	}

	/**
	 * A linear neuron pulled towards 1000 on a grid reaching 10³⁰⁶: finite at step 0, its
	 * grid overflows once the weight passes 180. Streamed, that is an error event after
	 * the first progress; as JSON, the 422 naming the same quantity.
	 */
	@Test
	void aFailureAfterTheStartIsAnErrorEventWithAProblem() {
		String body = """
				{"inputs": [[1, 0]], "weights": [[1], [0]], "bias": 0, "activation": "linear", "label": 1000,
				 "learningRate": 0.1, "steps": 5, "recordEvery": 1,
				 "grid": {"x": {"min": -1e306, "max": 1e306, "points": 2}, "y": {"min": 0, "max": 1, "points": 2}}}""";
		Api.Answer answer = ServerSentEvents.post(api(), body);
		assertThat(answer.status()).isEqualTo(200);
		List<Event> events = ServerSentEvents.parse(answer.text());
		assertThat(events).extracting(Event::name).containsExactly("progress", "error");
		JsonNode problem = events.get(1).data();
		assertThat(problem.get("status").asInt()).isEqualTo(422);
		assertThat(problem.get("quantity").asString()).isEqualTo("grid.layers[0].z");
		assertThat(problem.get("type").asString()).isEqualTo("urn:backprop-lab:problem:not-finite");

		Api.Answer json = api().post("/train", body);
		assertThat(json.status()).isEqualTo(422);
		assertThat(json.body().get("quantity").asString()).isEqualTo("grid.layers[0].z");
	}

	/**
	 * A client that reads three events and closes its connection: the run stops within a
	 * second, and its step counter stops with it.
	 */
	@Test
	void aClientThatLeavesStopsTheRunWithinASecond() throws Exception {
		ObjectNode body = xor(100000, 1000);
		long before = streams.stepsTaken();
		String read = ServerSentEvents.readSomeAndLeave(port, body.toString(), 3);
		long closed = System.nanoTime();
		assertThat(ServerSentEvents.count(read, "event:progress")).isGreaterThanOrEqualTo(3);
		assertThat(streams.stepsTaken()).as("the run was computing").isGreaterThan(before);
		while (streams.running() > 0 && System.nanoTime() - closed < 5_000_000_000L) {
			Thread.sleep(10);
		}
		long stoppedAfterMillis = (System.nanoTime() - closed) / 1_000_000;
		assertThat(streams.running()).isZero();
		assertThat(stoppedAfterMillis).isLessThan(1000);
		long steps = streams.stepsTaken();
		Thread.sleep(500);
		assertThat(streams.stepsTaken()).as("no step after the stop").isEqualTo(steps);
		assertThat(steps - before).as("far fewer than the 100000 asked for").isLessThan(100000);
	}

}
