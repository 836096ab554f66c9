package lab.backprop.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import lab.backprop.Api;
import lab.backprop.BackpropLabApplication;

/**
 * A service that stops while runs compute: each stops at its next step and answers with
 * {@code stoppedBecause: shutdown} and everything so far, JSON and streamed alike. The
 * service is started here on its own, so that stopping it ends no other test's.
 */
class ShutdownIT {

	@Test
	void runsInFlightAnswerWithShutdownWhenTheServiceStops() throws Exception {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(BackpropLabApplication.class)
			.run("--server.port=0", "--spring.jmx.enabled=false");
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		TrainStreams streams = context.getBean(TrainStreams.class);
		HttpClient client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(10))
			.build();
		String body = longRun().toString();
		CompletableFuture<HttpResponse<String>> json = client.sendAsync(request(port, body, "application/json"),
				HttpResponse.BodyHandlers.ofString());
		CompletableFuture<HttpResponse<String>> stream = client.sendAsync(request(port, body, "text/event-stream"),
				HttpResponse.BodyHandlers.ofString());
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
		while (streams.running() == 0 && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		assertThat(streams.running())
			.as(() -> "the streamed run started: "
					+ (stream.isDone() ? stream.join().statusCode() + " " + stream.join().body() : "no answer yet"))
			.isEqualTo(1);
		Thread.sleep(1000);
		long closing = System.nanoTime();
		context.close();
		long closeMillis = (System.nanoTime() - closing) / 1_000_000;

		HttpResponse<String> jsonAnswer = json.get(30, TimeUnit.SECONDS);
		assertThat(jsonAnswer.statusCode()).isEqualTo(200);
		JsonNode run = Api.JSON.readTree(jsonAnswer.body());
		assertThat(run.get("stoppedBecause").asString()).isEqualTo("shutdown");
		assertThat(run.get("stepsRun").asInt()).isBetween(1, 14999);
		assertThat(run.get("optimizerState").get("step").asInt()).isEqualTo(run.get("stepsRun").asInt());

		HttpResponse<String> streamAnswer = stream.get(30, TimeUnit.SECONDS);
		List<ServerSentEvents.Event> events = ServerSentEvents.parse(streamAnswer.body());
		ServerSentEvents.Event result = events.get(events.size() - 1);
		assertThat(result.name()).isEqualTo("result");
		assertThat(result.data().get("stoppedBecause").asString()).isEqualTo("shutdown");
		assertThat(closeMillis).as("the runs stopped at once, not at their time limit").isLessThan(15_000);
	}

	private static HttpRequest request(int port, String body, String accept) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/train"))
			.header("Content-Type", "application/json")
			.header("Accept", accept)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
	}

	/**
	 * 2 → 64 → 64 → 1 on 256 points for 15,000 steps (within the compute budget): far
	 * longer than the test waits.
	 */
	private static ObjectNode longRun() {
		Random random = new Random(4);
		ArrayNode inputs = Api.JSON.createArrayNode();
		ArrayNode labels = Api.JSON.createArrayNode();
		for (int i = 0; i < 256; i++) {
			double x = random.nextGaussian();
			double y = random.nextGaussian();
			inputs.add(Api.JSON.createArrayNode().add(x).add(y));
			labels.add(Api.JSON.createArrayNode().add(x * x + y * y < 1 ? 1 : 0));
		}
		ObjectNode body = Api.JSON.createObjectNode();
		body.set("inputs", inputs);
		body.set("label", labels);
		body.set("layers",
				Api.JSON.createArrayNode()
					.add(layer(random, 2, 64, "tanh"))
					.add(layer(random, 64, 64, "tanh"))
					.add(layer(random, 64, 1, "sigmoid")));
		body.put("loss", "binary_cross_entropy");
		body.put("learningRate", 0.1);
		body.put("steps", 15000);
		return body;
	}

	private static ObjectNode layer(Random random, int inputs, int outputs, String activation) {
		double[][] weights = new double[inputs][outputs];
		for (double[] row : weights) {
			for (int k = 0; k < outputs; k++) {
				row[k] = random.nextGaussian() / Math.sqrt(inputs);
			}
		}
		ObjectNode layer = Api.JSON.createObjectNode();
		layer.set("weights", Api.JSON.valueToTree(weights));
		layer.put("bias", 0);
		layer.put("activation", activation);
		return layer;
	}

}
