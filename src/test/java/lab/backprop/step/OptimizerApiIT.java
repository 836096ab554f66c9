package lab.backprop.step;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import lab.backprop.Api;
import lab.backprop.HttpTestSupport;
import lab.backprop.SeedValues;

/** `optimizer` and `optimizerState` on /train-step, and their equality with /train. */
class OptimizerApiIT extends HttpTestSupport {

	/**
	 * The seed script's numbers (seed/full_precision.json), exactly, with the optimizer
	 * left out or given as sgd.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "", "{\"type\": \"sgd\"}", "{\"type\": \"SGD\", \"momentum\": 0, \"weightDecay\": 0}" })
	void theSeedIsUnchangedBitForBit(String optimizer) {
		ObjectNode body = Api.example("seed");
		if (!optimizer.isEmpty()) {
			body.set("optimizer", Api.object(optimizer));
		}
		Api.Answer answer = api().post("/train-step", body);
		assertThat(answer.status()).isEqualTo(200);
		JsonNode seed = SeedValues.load();
		JsonNode update = answer.body().get("update").get("layers").get(0);
		for (int k = 0; k < 3; k++) {
			assertThat(update.get("weights").get(k).get(0).doubleValue())
				.isEqualTo(seed.get("W_new").get(k).get(0).doubleValue());
			assertThat(answer.body().get("backward").get("layers").get(0).get("dL_dW").get(k).get(0).doubleValue())
				.isEqualTo(seed.get("dL_dW").get(k).get(0).doubleValue());
		}
		assertThat(update.get("bias").get(0).doubleValue()).isEqualTo(seed.get("b_new").get(0).get(0).doubleValue());
		assertThat(answer.body().get("forward").get("loss").doubleValue())
			.isEqualTo(seed.get("loss").get(0).get(0).doubleValue());
		assertThat(answer.body().get("after").get("loss").doubleValue())
			.isEqualTo(seed.get("loss_updated").get(0).get(0).doubleValue());
		assertThat(answer.body().get("update").get("optimizer").get("type").asString()).isEqualTo("sgd");
		assertThat(answer.body().get("optimizerState").get("step").asInt()).isEqualTo(1);
		assertThat(answer.body().get("optimizerState").has("layers")).isFalse();
	}

	static final List<String> OPTIMIZERS = List.of("{\"type\": \"sgd\", \"weightDecay\": 0.01}",
			"{\"type\": \"momentum\", \"dampening\": 0.1}", "{\"type\": \"nesterov\", \"momentum\": 0.8}",
			"{\"type\": \"adam\", \"betas\": [0.8, 0.95], \"weightDecay\": 0.001}",
			"{\"type\": \"rmsprop\", \"alpha\": 0.9, \"momentum\": 0.5, \"centered\": true}");

	/**
	 * k calls of /train-step, each sending back update.layers and optimizerState, equal
	 * one /train of k steps.
	 */
	@Test
	void stepsWithTheStateRoundTrippedEqualOneTrainRunBitForBit() {
		int k = 7;
		for (String optimizer : OPTIMIZERS) {
			ObjectNode body = Api.example("two-layer");
			body.set("optimizer", Api.object(optimizer));
			ObjectNode step = body.deepCopy();
			Api.Answer answer = null;
			for (int i = 0; i < k; i++) {
				answer = api().post("/train-step", step);
				assertThat(answer.status()).as(optimizer).isEqualTo(200);
				step.set("layers", answer.body().get("update").get("layers"));
				step.set("optimizerState", answer.body().get("optimizerState"));
			}
			ObjectNode train = body.deepCopy();
			train.put("steps", k);
			Api.Answer run = api().post("/train", train);
			assertThat(run.status()).as(optimizer).isEqualTo(200);
			assertThat(run.body().get("stepsRun").asInt()).isEqualTo(k);
			// Trees compare numbers by value: equal means the same doubles, bit for bit.
			assertThat(run.body().get("layers")).as(optimizer).isEqualTo(answer.body().get("update").get("layers"));
			assertThat(run.body().get("optimizerState")).as(optimizer).isEqualTo(answer.body().get("optimizerState"));
			assertThat(run.body().get("loss").doubleValue())
				.isEqualTo(answer.body().get("after").get("loss").doubleValue());
			assertThat(run.body().get("optimizerState").get("step").asInt()).isEqualTo(k);
			// and the run can be continued with /train-step as well
			assertThat(run.body().get("optimizer")).isEqualTo(answer.body().get("update").get("optimizer"));
		}
	}

	@Test
	void theUpdateShowsTheOptimizerWithItsDefaults() {
		ObjectNode body = Api.example("seed");
		body.set("optimizer", Api.object("{\"type\": \"Adam\"}"));
		JsonNode optimizer = api().post("/train-step", body).body().get("update").get("optimizer");
		assertThat(optimizer.get("type").asString()).isEqualTo("adam");
		assertThat(optimizer.get("betas").get(0).doubleValue()).isEqualTo(0.9);
		assertThat(optimizer.get("betas").get(1).doubleValue()).isEqualTo(0.999);
		assertThat(optimizer.get("eps").doubleValue()).isEqualTo(1e-8);
		assertThat(optimizer.get("weightDecay").doubleValue()).isEqualTo(0.0);
		assertThat(optimizer.has("momentum")).isFalse();

		body.set("optimizer", Api.object("{\"type\": \"momentum\"}"));
		optimizer = api().post("/train-step", body).body().get("update").get("optimizer");
		assertThat(optimizer.get("momentum").doubleValue()).isEqualTo(0.9);
		assertThat(optimizer.get("dampening").doubleValue()).isEqualTo(0.0);
	}

	@Test
	void adamStateHasBothMomentsShapedLikeTheParameters() {
		ObjectNode body = Api.example("two-layer");
		body.set("optimizer", Api.object("{\"type\": \"adam\"}"));
		JsonNode state = api().post("/train-step", body).body().get("optimizerState");
		assertThat(state.get("type").asString()).isEqualTo("adam");
		assertThat(state.get("step").asInt()).isEqualTo(1);
		JsonNode layer = state.get("layers").get(1);
		assertThat(layer.get("weights").get("expAvg").size()).isEqualTo(2);
		assertThat(layer.get("weights").get("expAvgSq").get(0).size()).isEqualTo(2);
		assertThat(layer.get("bias").get("expAvg").size()).isEqualTo(2);
	}

	@Test
	void badOptimizersAreProblemsWithPointers() {
		assertError("{\"type\": \"adamw\"}", null, "/optimizer/type",
				"allowed: sgd, momentum, nesterov, adam, rmsprop");
		assertError("{\"momentum\": 0.9}", null, "/optimizer/type", "is required");
		assertError("{\"type\": \"sgd\", \"betas\": [0.9, 0.99]}", null, "/optimizer/betas", "does not apply to sgd");
		assertError("{\"type\": \"adam\", \"betas\": [0.9, 1.0]}", null, "/optimizer/betas/1", "[0, 1)");
		assertError("{\"type\": \"adam\", \"betas\": [0.9]}", null, "/optimizer/betas", "two numbers");
		assertError("{\"type\": \"sgd\", \"momentum\": -1}", null, "/optimizer/momentum", "≥ 0");
		assertError("{\"type\": \"sgd\", \"nesterov\": true}", null, "/optimizer/nesterov", "momentum > 0");
		assertError("{\"type\": \"rmsprop\", \"eps\": 1e999}", null, "/optimizer/eps", "finite");
		assertError("{\"type\": \"sgd\", \"learningRate\": 0.1}", null, "/optimizer/learningRate", "not a known field");
	}

	@Test
	void badStatesAreProblemsWithPointers() {
		String adam = "{\"type\": \"adam\"}";
		assertError(adam, "{\"type\": \"sgd\", \"step\": 1}", "/optimizerState/type", "runs as 'adam'");
		assertError(adam, "{\"type\": \"adam\"}", "/optimizerState/step", "is required");
		assertError(adam, "{\"type\": \"adam\", \"step\": -1}", "/optimizerState/step", "≥ 0");
		assertError(adam, "{\"type\": \"adam\", \"step\": 1.5}", "/optimizerState/step", "whole number");
		assertError(adam, "{\"type\": \"adam\", \"step\": 2}", "/optimizerState/layers", "expAvg, expAvgSq");
		assertError(adam,
				"{\"type\": \"adam\", \"step\": 2, \"layers\": [{\"weights\": {\"expAvg\": [[0], [0], [0]], "
						+ "\"expAvgSq\": [[0], [0]]}, \"bias\": {\"expAvg\": [0], \"expAvgSq\": [0]}}]}",
				"/optimizerState/layers/0/weights/expAvgSq", "3 × 1");
		assertError(adam,
				"{\"type\": \"adam\", \"step\": 2, \"layers\": [{\"weights\": {\"expAvg\": [[0], [0], [0]], "
						+ "\"expAvgSq\": [[0], [0], [0]]}, \"bias\": {\"expAvg\": [0], \"expAvgSQ\": [0]}}]}",
				"/optimizerState/layers/0/bias/expAvgSQ", "did you mean 'expAvgSq'");
		assertError(adam,
				"{\"type\": \"adam\", \"step\": 2, \"layers\": [{\"weights\": {\"expAvg\": [[0], [0], [0]], "
						+ "\"expAvgSq\": [[0], [0], [1e999]]}, \"bias\": {\"expAvg\": [0], \"expAvgSq\": [0]}}]}",
				"/optimizerState/layers/0/weights/expAvgSq/2/0", "finite");
		assertError(adam, "{\"type\": \"adam\", \"step\": 2, \"layers\": []}", "/optimizerState/layers", "is required");
		assertError("{\"type\": \"momentum\"}", "{\"type\": \"momentum\", \"step\": 0, \"layers\": [{}]}",
				"/optimizerState/layers", "absent when step is 0");
	}

	@Test
	void aStateLeftOutStartsAfreshAndAStepZeroStateIsTheSame() {
		ObjectNode body = Api.example("seed");
		body.set("optimizer", Api.object("{\"type\": \"nesterov\"}"));
		JsonNode fresh = api().post("/train-step", body).body();
		body.set("optimizerState", Api.object("{\"type\": \"nesterov\", \"step\": 0}"));
		assertThat(api().post("/train-step", body).body()).isEqualTo(fresh);
	}

	private void assertError(String optimizer, String state, String pointer, String message) {
		ObjectNode body = Api.example("seed");
		body.set("optimizer", Api.object(optimizer));
		if (state != null) {
			body.set("optimizerState", Api.object(state));
		}
		Api.Answer answer = api().post("/train-step", body);
		assertThat(answer.status()).as(optimizer + " " + state).isEqualTo(400);
		assertThat(answer.contentType()).startsWith("application/problem+json");
		JsonNode errors = answer.body().get("errors");
		assertThat(errors).as(answer.body().toString()).anySatisfy(e -> {
			assertThat(e.get("pointer").asString()).isEqualTo(pointer);
			assertThat(e.get("message").asString()).contains(message);
		});
	}

}
