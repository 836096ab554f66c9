package lab.backprop.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import lab.backprop.Api;
import lab.backprop.HttpTestSupport;
import lab.backprop.engine.data.MiniBatches;

/**
 * {@code batchSize} and {@code shuffleSeed}: each step is /train-step on the documented
 * batch (the order MiniBatchesTest pins to the documentation), a continued run is the
 * longer run, and a batch of all the examples is today's full-batch training.
 */
class MiniBatchIT extends HttpTestSupport {

	private static final int EXAMPLES = 10;

	/** A 2-3-1 network on 10 points of a quadrant pattern, trained with momentum. */
	private static ObjectNode body() {
		Random random = new Random(3);
		ArrayNode inputs = JSON.createArrayNode();
		ArrayNode labels = JSON.createArrayNode();
		for (int i = 0; i < EXAMPLES; i++) {
			double x = random.nextDouble() * 2 - 1;
			double y = random.nextDouble() * 2 - 1;
			inputs.add(JSON.createArrayNode().add(x).add(y));
			labels.add(JSON.createArrayNode().add(x * y > 0 ? 1 : 0));
		}
		ObjectNode body = Api.object("""
				{"layers": [
				   {"weights": [[0.5, -0.4, 0.3], [-0.6, 0.45, 0.8]], "bias": [0.1, -0.1, 0.05], "activation": "tanh"},
				   {"weights": [[0.6], [-0.5], [0.4]], "bias": [0.05], "activation": "sigmoid"}],
				 "loss": "binary_cross_entropy", "learningRate": 0.3, "optimizer": {"type": "momentum"}}""");
		body.set("inputs", inputs);
		body.set("label", labels);
		return body;
	}

	@Test
	void eachStepIsTrainStepOnItsDocumentedBatch() {
		ObjectNode train = body();
		train.put("steps", 7);
		train.put("batchSize", 4);
		train.put("shuffleSeed", 21);
		train.put("recordEvery", 1);
		JsonNode run = api().post("/train", train).body();
		assertThat(run.get("stepsRun").asInt()).isEqualTo(7);

		MiniBatches batches = new MiniBatches(EXAMPLES, 4, 21);
		MiniBatches.Position position = MiniBatches.Position.START;
		ObjectNode full = body();
		JsonNode layers = full.get("layers");
		JsonNode state = null;
		for (int k = 0; k < 7; k++) {
			MiniBatches.Batch batch = batches.at(position);
			ObjectNode step = body();
			ArrayNode inputs = JSON.createArrayNode();
			ArrayNode labels = JSON.createArrayNode();
			for (int index : batch.indices()) {
				inputs.add(full.get("inputs").get(index));
				labels.add(full.get("label").get(index));
			}
			step.set("inputs", inputs);
			step.set("label", labels);
			step.set("layers", layers);
			if (state != null) {
				step.set("optimizerState", state);
			}
			JsonNode answer = api().post("/train-step", step).body();
			layers = answer.get("update").get("layers");
			state = answer.get("optimizerState");
			position = batch.next();

			// the history's loss after this step is the whole set's: /train-step's loss
			// of the new layers on every example
			ObjectNode whole = body();
			whole.set("layers", layers);
			assertThat(run.get("history").get(k + 1).get("loss").doubleValue()).as("step " + (k + 1))
				.isEqualTo(api().post("/train-step", whole).body().get("forward").get("loss").doubleValue());
		}
		assertThat(run.get("layers")).isEqualTo(layers);
		assertThat(run.get("optimizerState").get("layers")).isEqualTo(state.get("layers"));
		// batches of 4, 4 and 2 make an epoch of 10 examples: after 7 steps epochs 0 and
		// 1
		// are done and the third has used 4
		assertThat(run.get("optimizerState").get("epoch").asLong()).isEqualTo(position.epoch()).isEqualTo(2);
		assertThat(run.get("optimizerState").get("position").asInt()).isEqualTo(position.taken()).isEqualTo(4);
	}

	@Test
	void aRunContinuedFromItsAnswerIsOneLongerRun() {
		ObjectNode first = body();
		first.put("steps", 5);
		first.put("batchSize", 3);
		first.put("shuffleSeed", -8);
		JsonNode a = api().post("/train", first).body();
		ObjectNode second = body();
		second.put("steps", 9);
		second.put("batchSize", 3);
		second.put("shuffleSeed", -8);
		second.set("layers", a.get("layers"));
		second.set("optimizerState", a.get("optimizerState"));
		JsonNode b = api().post("/train", second).body();

		ObjectNode longer = body();
		longer.put("steps", 14);
		longer.put("batchSize", 3);
		longer.put("shuffleSeed", -8);
		JsonNode whole = api().post("/train", longer).body();

		assertThat(b.get("layers")).isEqualTo(whole.get("layers"));
		assertThat(b.get("optimizerState")).isEqualTo(whole.get("optimizerState"));
		assertThat(b.get("loss")).isEqualTo(whole.get("loss"));
		assertThat(b.get("optimizerState").get("step").asInt()).isEqualTo(14);
	}

	@Test
	void aBatchOfEveryExampleIsTodaysFullBatchTrainingBitForBit() {
		ObjectNode plain = body();
		plain.put("steps", 30);
		JsonNode today = api().post("/train", plain).body();
		ObjectNode all = body();
		all.put("steps", 30);
		all.put("batchSize", EXAMPLES);
		all.put("shuffleSeed", 77);
		assertThat(api().post("/train", all).body()).isEqualTo(today);
		assertThat(today.get("optimizerState").has("epoch")).isFalse();
	}

	@Test
	void aDifferentSeedGivesDifferentBatches() {
		ObjectNode one = body();
		one.put("steps", 3);
		one.put("batchSize", 2);
		ObjectNode other = one.deepCopy();
		other.put("shuffleSeed", 1);
		assertThat(api().post("/train", one).body().get("layers"))
			.isNotEqualTo(api().post("/train", other).body().get("layers"));
	}

	@Test
	void batchSizesAndPositionsOutOfRangeAreProblems() {
		assertError("{\"batchSize\": 11}", "/batchSize", "at most the number of examples, 10");
		assertError("{\"batchSize\": 0}", "/batchSize", "at least 1");
		assertError("{\"batchSize\": 2.5}", "/batchSize", "whole number");
		assertError("{\"shuffleSeed\": \"x\"}", "/shuffleSeed", "whole number");
		assertError("{\"batchSize\": 2, \"optimizerState\": {\"type\": \"momentum\", \"step\": 0, \"position\": 10}}",
				"/optimizerState/position", "below the number of examples, 10");
		assertError("{\"batchSize\": 2, \"optimizerState\": {\"type\": \"momentum\", \"step\": 0, \"epoch\": -1}}",
				"/optimizerState/epoch", "≥ 0");
	}

	private void assertError(String extra, String pointer, String message) {
		ObjectNode body = body();
		body.put("steps", 3);
		body.setAll((ObjectNode) Api.object(extra));
		Api.Answer answer = api().post("/train", body);
		assertThat(answer.status()).as(extra).isEqualTo(400);
		assertThat(answer.body().get("errors")).as(answer.text()).anySatisfy(e -> {
			assertThat(e.get("pointer").asString()).isEqualTo(pointer);
			assertThat(e.get("message").asString()).contains(message);
		});
	}

}
