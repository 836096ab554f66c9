package lab.backprop.train;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import lab.backprop.Api;
import lab.backprop.HttpTestSupport;

/**
 * {@code test} and {@code grid} on /train: the test loss, the accuracies and every grid
 * value are what a forward pass (/train-step's) with the final parameters gives.
 */
class HeldOutAndGridIT extends HttpTestSupport {

	private static final String TEST = """
			{"inputs": [[0.1, 0.9], [0.9, 0.2], [0.05, 0.1], [0.8, 0.85], [0.4, 0.6]],
			 "label": [[1], [1], [0], [0], [1]]}""";

	private static ObjectNode xor(int steps) {
		ObjectNode body = Api.example("xor");
		body.put("steps", steps);
		body.set("test", Api.object(TEST));
		return body;
	}

	/**
	 * The final testLoss is /train-step's forward loss on the test data with the answer's
	 * layers; the accuracies count the predictions on the right side of 0.5.
	 */
	@Test
	void theTestLossIsAForwardPassOnTheTestDataWithTheFinalParameters() {
		JsonNode run = api().post("/train", xor(300)).body();
		ObjectNode test = Api.object(TEST);
		ObjectNode forward = Api.example("xor");
		forward.set("inputs", test.get("inputs"));
		forward.set("label", test.get("label"));
		forward.set("layers", run.get("layers"));
		JsonNode step = api().post("/train-step", forward).body();
		assertThat(run.get("testLoss").doubleValue()).isEqualTo(step.get("forward").get("loss").doubleValue());
		assertThat(run.get("testAccuracy").doubleValue()).isEqualTo(rightFraction(step.get("forward"), test));

		ObjectNode training = Api.example("xor");
		training.set("layers", run.get("layers"));
		JsonNode trainStep = api().post("/train-step", training).body();
		assertThat(run.get("accuracy").doubleValue())
			.isEqualTo(rightFraction(trainStep.get("forward"), Api.example("xor")));

		JsonNode history = run.get("history");
		assertThat(history).allSatisfy(point -> {
			assertThat(point.has("testLoss")).isTrue();
			assertThat(point.has("accuracy")).isTrue();
			assertThat(point.has("testAccuracy")).isTrue();
		});
		JsonNode last = history.get(history.size() - 1);
		assertThat(last.get("testLoss")).isEqualTo(run.get("testLoss"));
		// the test set is never trained on: the training itself is the same without it
		ObjectNode without = Api.example("xor");
		without.put("steps", 300);
		assertThat(api().post("/train", without).body().get("layers")).isEqualTo(run.get("layers"));
	}

	@Test
	void regressionHasATestLossButNoAccuracy() {
		ObjectNode body = Api.example("two-layer");
		body.put("steps", 5);
		body.set("test", Api.object("{\"inputs\": [[0.1, 0.2]], \"label\": [[0.3, 0.4]]}"));
		JsonNode run = api().post("/train", body).body();
		assertThat(run.has("testLoss")).isTrue();
		assertThat(run.has("accuracy")).isFalse();
		assertThat(run.has("testAccuracy")).isFalse();
	}

	/**
	 * output[i][j] at (x[j], y[i]) is /train-step's prediction for that point; with
	 * neurons, each neuron's picture is its output there.
	 */
	@Test
	void everyGridValueIsTheFinalNetworkAtItsPoint() {
		ObjectNode body = xor(50);
		body.set("grid", Api
			.object("""
					{"x": {"min": -0.5, "max": 1.5, "points": 5}, "y": {"min": 0, "max": 1, "points": 3}, "neurons": true}"""));
		JsonNode run = api().post("/train", body).body();
		JsonNode grid = run.get("grid");
		assertThat(grid.get("x")).extracting(JsonNode::doubleValue).containsExactly(-0.5, 0.0, 0.5, 1.0, 1.5);
		assertThat(grid.get("y")).extracting(JsonNode::doubleValue).containsExactly(0.0, 0.5, 1.0);
		ArrayNode points = JSON.createArrayNode();
		ArrayNode labels = JSON.createArrayNode();
		for (JsonNode y : grid.get("y")) {
			for (JsonNode x : grid.get("x")) {
				points.add(JSON.createArrayNode().add(x).add(y));
				labels.add(JSON.createArrayNode().add(0));
			}
		}
		ObjectNode forward = Api.example("xor");
		forward.set("inputs", points);
		forward.set("label", labels);
		forward.set("layers", run.get("layers"));
		JsonNode layers = api().post("/train-step", forward).body().get("forward").get("layers");
		JsonNode output = grid.get("output");
		assertThat(output).hasSize(3);
		for (int i = 0; i < 3; i++) {
			assertThat(output.get(i)).hasSize(5);
			for (int j = 0; j < 5; j++) {
				int row = i * 5 + j;
				assertThat(output.get(i).get(j)).isEqualTo(layers.get(1).get("output").get(row).get(0));
				for (int k = 0; k < 4; k++) {
					assertThat(grid.get("layers").get(0).get("neurons").get(k).get(i).get(j))
						.isEqualTo(layers.get(0).get("output").get(row).get(k));
				}
			}
		}
		assertThat(grid.get("layers").get(1).get("neurons").get(0)).isEqualTo(output);
	}

	/** A network on the columns x1², x2² draws its grid from those columns. */
	@Test
	void aGridOfFeaturesComputesEachColumnFromThePoint() {
		ObjectNode body = Api.object("""
				{"inputs": [[0.04, 0.09], [1.0, 0.25]], "label": [[0], [1]],
				 "layers": [{"weights": [[1.5], [-2.0]], "bias": [0.1], "activation": "sigmoid"}],
				 "learningRate": 0.1, "steps": 1,
				 "grid": {"x": {"min": -1, "max": 1, "points": 3}, "y": {"min": -2, "max": 2, "points": 2},
				          "features": ["X1^2", "x2^2"]}}""");
		JsonNode run = api().post("/train", body).body();
		JsonNode w = run.get("layers").get(0).get("weights");
		double b = run.get("layers").get(0).get("bias").get(0).doubleValue();
		JsonNode output = run.get("grid").get("output");
		// (x, y) = (−1, 2): x1² = 1, x2² = 4
		double z = 1 * w.get(0).get(0).doubleValue() + 4 * w.get(1).get(0).doubleValue() + b;
		assertThat(output.get(1).get(0).doubleValue()).isCloseTo(1 / (1 + Math.exp(-z)),
				org.assertj.core.api.Assertions.within(1e-15));
	}

	@Test
	void badTestSetsAndGridsAreProblemsWithPointers() {
		assertError("test", "{\"inputs\": [[0.1, 0.2, 0.3]], \"label\": [[1]]}", 400, "/test/inputs",
				"network takes 2");
		assertError("test", "{\"inputs\": [[0.1, 0.2]], \"label\": [[1, 0]]}", 400, "/test/label", "1 × 1");
		assertError("test", "{\"inputs\": [[0.1, 0.2]]}", 400, "/test/label", "is required");
		assertError("grid",
				"{\"x\": {\"min\": 1, \"max\": 1, \"points\": 5}, \"y\": {\"min\": 0, \"max\": 1, \"points\": 5}}", 400,
				"/grid/x/max", "greater than min");
		assertError("grid",
				"{\"x\": {\"min\": 0, \"max\": 1, \"points\": 1}, \"y\": {\"min\": 0, \"max\": 1, \"points\": 5}}", 400,
				"/grid/x/points", "from 2 to 200");
		assertError("grid",
				"{\"x\": {\"min\": 0, \"max\": 1, \"points\": 201}, \"y\": {\"min\": 0, \"max\": 1, \"points\": 5}}",
				400, "/grid/x/points", "from 2 to 200");
		assertError("grid", "{\"y\": {\"min\": 0, \"max\": 1, \"points\": 5}}", 400, "/grid/x", "is required");
		assertError("grid",
				"{\"x\": {\"min\": 0, \"max\": 1, \"points\": 5}, \"y\": {\"min\": 0, \"max\": 1, \"points\": 5}, \"features\": [\"x1\", \"sin(x3)\"]}",
				400, "/grid/features/1", "did you mean 'sin(x1)'");
		assertError("grid",
				"{\"x\": {\"min\": 0, \"max\": 1, \"points\": 5}, \"y\": {\"min\": 0, \"max\": 1, \"points\": 5}, \"features\": [\"x1\"]}",
				400, "/grid/features", "network takes 2 inputs");
		// 200 × 200 points × (4 + 1) neurons = 200,000 activations fit; a test set of
		// 5,000
		// examples is over max-batch-size
		ObjectNode big = JSON.createObjectNode();
		ArrayNode inputs = JSON.createArrayNode();
		for (int i = 0; i < 5000; i++) {
			inputs.add(JSON.createArrayNode().add(0).add(1));
		}
		big.set("inputs", inputs);
		big.put("label", 1);
		assertError("test", big.toString(), 413, "/test/inputs", "max-batch-size");
	}

	/** 413 beyond max-activations: 200 × 200 points through a network of 26 neurons. */
	@Test
	void aGridOverTheActivationLimitIsA413() {
		ObjectNode body = Api
			.object("""
					{"inputs": [[0, 1]], "label": [[1]], "learningRate": 0.1, "steps": 1,
					 "layers": [{"weights": [[0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0],
					                         [0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0]], "bias": 0},
					            {"weights": [[0],[0],[0],[0],[0],[0],[0],[0],[0],[0],[0],[0],[0],[0],[0],[0],[0],[0],[0],[0],[0],[0],[0],[0],[0]], "bias": 0}],
					 "grid": {"x": {"min": 0, "max": 1, "points": 200}, "y": {"min": 0, "max": 1, "points": 200}}}""");
		Api.Answer answer = api().post("/train", body);
		assertThat(answer.status()).isEqualTo(413);
		assertThat(answer.body().get("errors").get(0).get("pointer").asString()).isEqualTo("/grid");
		assertThat(answer.body().get("errors").get(0).get("message").asString()).contains("40000 × 26")
			.contains("max-activations");
	}

	private void assertError(String field, String value, int status, String pointer, String message) {
		ObjectNode body = xor(3);
		body.remove("test");
		body.set(field, Api.object(value));
		Api.Answer answer = api().post("/train", body);
		assertThat(answer.status()).as(value).isEqualTo(status);
		assertThat(answer.contentType()).startsWith("application/problem+json");
		assertThat(answer.body().get("errors")).as(answer.text()).anySatisfy(e -> {
			assertThat(e.get("pointer").asString()).isEqualTo(pointer);
			assertThat(e.get("message").asString()).contains(message);
		});
	}

	/**
	 * The fraction of examples whose prediction is on the label's side of 0.5, counted
	 * here.
	 */
	private static double rightFraction(JsonNode forward, JsonNode data) {
		JsonNode prediction = forward.get("prediction");
		JsonNode labels = data.get("label");
		int right = 0;
		for (int i = 0; i < labels.size(); i++) {
			boolean one = prediction.get(i).get(0).doubleValue() >= 0.5;
			if (one == (labels.get(i).get(0).doubleValue() == 1.0)) {
				right++;
			}
		}
		return (double) right / labels.size();
	}

}
