package lab.backprop.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import lab.backprop.Api;
import lab.backprop.HttpTestSupport;
import lab.backprop.TrainBodies;

/**
 * The limits of a run, set low: the wall-clock time (1.5 s here), the streamed runs at
 * once (1 here), the default compute budget against a 784 → 256 → 10 network, and the
 * gradient check's own budget (raised here) and time.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "backprop.limits.max-train-time=1500ms", "backprop.limits.max-streamed-runs=1",
				"backprop.limits.max-gradient-check-work=10000000000" })
class TrainLimitsIT extends HttpTestSupport {

	/**
	 * 50,000 steps of a 2-32-32-1 network on 200 points take far longer than 1.5 s: the
	 * run stops with time_limit and answers parameters and state to continue from.
	 */
	@Test
	void aRunThatUsesUpItsTimeStopsCleanlyReadyToContinue() {
		ObjectNode body = TrainBodies.wide(50000, 1000);
		body.set("optimizer", Api.object("{\"type\": \"adam\"}"));
		long start = System.nanoTime();
		JsonNode run = api().post("/train", body).body();
		long millis = (System.nanoTime() - start) / 1_000_000;
		assertThat(run.get("stoppedBecause").asString()).isEqualTo("time_limit");
		int stepsRun = run.get("stepsRun").asInt();
		assertThat(stepsRun).isBetween(1, 49999);
		assertThat(millis).isLessThan(10_000);
		assertThat(run.get("optimizerState").get("step").asInt()).isEqualTo(stepsRun);
		JsonNode history = run.get("history");
		assertThat(history.get(history.size() - 1).get("step").asInt()).isEqualTo(stepsRun);

		// the next step continues exactly from there: its forward loss is the answer's
		ObjectNode next = body.deepCopy();
		next.remove("steps");
		next.remove("recordEvery");
		next.set("layers", run.get("layers"));
		next.set("optimizerState", run.get("optimizerState"));
		JsonNode step = api().post("/train-step", next).body();
		assertThat(step.get("forward").get("loss").doubleValue()).isEqualTo(run.get("loss").doubleValue());
		assertThat(step.get("optimizerState").get("step").asInt()).isEqualTo(stepsRun + 1);
	}

	/**
	 * The default budget takes 1,000 steps of 784 → 256 → 10 on 64 examples (1.3 × 10¹⁰
	 * of work); here the run is then cut by the time limit. 100,000 steps are over it.
	 */
	@Test
	void theDefaultBudgetTakesAThousandStepsOfAMnistSizedNetwork() {
		ObjectNode body = mnistSized(1000);
		Api.Answer answer = api().post("/train", body);
		assertThat(answer.status()).as(answer.text().length() < 2000 ? answer.text() : "").isEqualTo(200);
		assertThat(answer.body().get("stoppedBecause").asString()).isIn("time_limit", "steps");
		assertThat(answer.body().get("stepsRun").asInt()).isPositive();

		body.put("steps", 100000);
		Api.Answer over = api().post("/train", body);
		assertThat(over.status()).isEqualTo(413);
		assertThat(over.body().get("limit").asString()).isEqualTo("backprop.limits.max-train-work");
		assertThat(over.body().get("budget").asLong()).isEqualTo(20_000_000_000L);
		assertThat(over.body().get("work").asLong()).isEqualTo(100000L * 203530 * 64);
	}

	/** A second stream while the only one allowed computes: a 503 to retry. */
	@Test
	void aStreamBeyondTheAllowedNumberIsA503() throws Exception {
		ObjectNode body = Api.example("xor");
		body.put("steps", 100000);
		byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(30_000);
			OutputStream out = socket.getOutputStream();
			out.write(("POST /train HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
					+ "Accept: text/event-stream\r\nContent-Length: " + bytes.length + "\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.write(bytes);
			out.flush();
			InputStream in = socket.getInputStream();
			StringBuilder read = new StringBuilder();
			byte[] buffer = new byte[4096];
			while (!read.toString().contains("event:progress")) {
				read.append(new String(buffer, 0, in.read(buffer), StandardCharsets.UTF_8));
			}
			Api.Answer second = ServerSentEvents.post(api(), body.toString());
			assertThat(second.status()).isEqualTo(503);
			assertThat(second.contentType()).startsWith("application/problem+json");
			assertThat(second.header("Retry-After")).isEqualTo("5");
			assertThat(second.body().get("detail").asString()).contains("backprop.limits.max-streamed-runs");
		}
		// JSON runs are not streamed runs: they are not refused
		body.put("steps", 10);
		assertThat(api().post("/train", body).status()).isEqualTo(200);
	}

	/**
	 * A gradient check within its own budget (raised here to 10¹⁰) that runs longer than
	 * the time limit: a 413 naming the time limit.
	 */
	@Test
	void aGradientCheckThatRunsOutOfTimeIsA413NamingTheLimit() {
		Random random = new Random(1);
		ObjectNode body = Api.object("{\"learningRate\": 0.1}");
		body.set("inputs", JSON.valueToTree(matrix(random, 100, 2)));
		body.set("label", JSON.valueToTree(matrix(random, 100, 1)));
		body.set("layers",
				JSON.createArrayNode()
					.add(layer(random, 2, 60, "tanh"))
					.add(layer(random, 60, 60, "tanh"))
					.add(layer(random, 60, 1, "linear")));
		Api.Answer answer = api().post("/gradient-check", body);
		assertThat(answer.status()).isEqualTo(413);
		assertThat(answer.body().get("limit").asString()).isEqualTo("backprop.limits.max-train-time");
		assertThat(answer.body().get("detail").asString()).contains("gradient check");
	}

	private static ObjectNode layer(Random random, int inputs, int outputs, String activation) {
		ObjectNode layer = JSON.createObjectNode();
		layer.set("weights", JSON.valueToTree(matrix(random, inputs, outputs)));
		layer.put("bias", 0);
		layer.put("activation", activation);
		return layer;
	}

	private static ObjectNode mnistSized(int steps) {
		Random random = new Random(2);
		ObjectNode body = JSON.createObjectNode();
		body.set("inputs", JSON.valueToTree(matrix(random, 64, 784)));
		double[][] labels = new double[64][10];
		for (int i = 0; i < 64; i++) {
			labels[i][i % 10] = 1;
		}
		body.set("label", JSON.valueToTree(labels));
		body.set("layers",
				JSON.createArrayNode().add(layer(random, 784, 256, "relu")).add(layer(random, 256, 10, "softmax")));
		body.put("loss", "cross_entropy");
		body.put("learningRate", 0.01);
		body.put("steps", steps);
		return body;
	}

	private static double[][] matrix(Random random, int rows, int columns) {
		double[][] m = new double[rows][columns];
		for (double[] row : m) {
			for (int k = 0; k < columns; k++) {
				row[k] = Math.round((random.nextDouble() - 0.5) * 1000) / 10000.0;
			}
		}
		return m;
	}

}
