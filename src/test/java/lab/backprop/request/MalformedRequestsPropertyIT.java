package lab.backprop.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.Set;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import lab.backprop.Api;
import lab.backprop.SeedValues;

/**
 * Valid bodies of every POST endpoint, spoilt by several mutations at once
 * ({@link BodyMutations}) and sent over HTTP: never a 5xx, a stack trace or a hang, every
 * refusal problem+json, and every body that {@link BodyContract} says is wrong refused
 * with a JSON Pointer at what is wrong ({@link AnswerChecks}). /train is sent both as
 * JSON and as an event stream. The tries keep the whole class to about a minute.
 */
class MalformedRequestsPropertyIT {

	private static final String TWO_LAYERS = """
			"inputs": [[0.05, 0.10]], "layers": [
			  {"weights": [[0.15, 0.25], [0.20, 0.30]], "bias": [0.35, 0.35], "activation": "sigmoid"},
			  {"weights": [[0.40, 0.50], [0.45, 0.55]], "bias": [0.60, 0.60], "activation": "softmax"}],
			 "label": [[0.01, 0.99]], "loss": "cross_entropy\"""";

	private static final String BATCH = """
			"inputs": [[1, 2], [3, 4], [5, 6]], "layers": [
			  {"weights": [[0.1, -0.2, 0.3], [0.4, 0.5, -0.6]], "bias": 0.1, "activation": "relu"},
			  {"weights": [[0.7], [-0.8], [0.9]], "bias": [[0]], "activation": "linear"}],
			 "label": [1, 0, 2], "loss": "sse\"""";

	private static final String XOR = """
			"inputs": [[0, 0], [0, 1], [1, 0], [1, 1]], "layers": [
			  {"weights": [[0.5, -0.4], [0.3, 0.8]], "bias": [0.1, -0.1], "activation": "tanh"},
			  {"weights": [[0.6], [-0.7]], "bias": [0], "activation": "sigmoid"}],
			 "label": [[0], [1], [1], [0]], "loss": "binary_cross_entropy\"""";

	static final List<String> STEP_BODIES = List.of(SeedValues.REQUEST, "{" + TWO_LAYERS + ", \"learningRate\": 0.5}",
			"{" + BATCH + ", \"learningRate\": 0.01}", """
					{%s, "learningRate": 0.01, "optimizer": {"type": "adam", "betas": [0.9, 0.999], "eps": 1e-8,
					 "weightDecay": 0.001}, "optimizerState": {"type": "adam", "step": 0},
					 "regularization": {"type": "l2", "rate": 0.001}}""".formatted(XOR), """
					{%s, "learningRate": 0.1, "optimizer": {"type": "sgd", "momentum": 0.9, "dampening": 0,
					 "nesterov": true}, "regularization": {"type": "L1", "rate": 0.01}}""".formatted(BATCH), """
					{%s, "learningRate": 0.01, "optimizer": {"type": "rmsprop", "alpha": 0.9, "centered": true,
					 "momentum": 0.5}}""".formatted(TWO_LAYERS));

	static final List<String> TRAIN_BODIES = List.of("""
			{"inputs": [[0.5, 0.2, 0.8]], "weights": [[0.1], [-0.3], [0.5]], "bias": [[0.1]], "label": [[0.7]],
			 "learningRate": 0.1, "steps": 20}""", """
			{%s, "learningRate": 0.5, "steps": 30, "recordEvery": 5, "targetLoss": 0.001, "trace": true,
			 "batchSize": 2, "shuffleSeed": 7, "test": {"inputs": [[0.1, 0.9], [0.9, 0.1]], "label": [[1], [1]]},
			 "grid": {"x": {"min": -1, "max": 2, "points": 4}, "y": {"min": -1, "max": 2, "points": 3},
			  "neurons": true}, "regularization": {"type": "l1", "rate": 0.001}}""".formatted(XOR),
			"""
					{"inputs": [[0.5, -1, 0.25, -0.84], [1, 0.5, 1, 0.48]], "layers": [{"weights": [[0.1, 0.2], [0.3, 0.4], [0.5, 0.6], [0.7, 0.8]],
					 "bias": [0, 0], "activation": "tanh"}, {"weights": [[1], [-1]], "bias": 0, "activation": "sigmoid"}],
					 "label": [0, 1], "learningRate": 0.3, "steps": 25, "optimizer": {"type": "momentum"},
					 "grid": {"x": {"min": -2, "max": 2, "points": 5}, "y": {"min": -2, "max": 2, "points": 5},
					  "features": ["x1", "x2", "x1^2", "sin(x2)"]}}""");

	static final List<String> PREDICT_BODIES = List.of("""
			{"inputs": [[0.5, 0.2, 0.8]], "weights": [[0.1], [-0.3], [0.5]], "bias": [[0.1]]}""",
			"{" + TWO_LAYERS + "}", "{" + BATCH + "}");

	private static final List<String> CHECK_BODIES = List.of("""
			{"inputs": [[0.5, 0.2, 0.8]], "weights": [[0.1], [-0.3], [0.5]], "bias": [[0.1]], "label": [[0.7]],
			 "learningRate": 0.1, "answers": {"/forward/layers/0/z": [[0.49]],
			 "/backward/layers/0/dL_dW": [[-0.0188], [-0.0075], [-0.0301]]}, "significantDigits": 3}""", """
			{%s, "learningRate": 0.5, "answers": {"/backward/layers/1/dL_dW/1/0": 0.08,
			 "/forward/loss": 0.5, "/update/layers/0/bias": [0.35, 0.35]},
			 "tolerance": {"relative": 1e-3, "absolute": 1e-6}}""".formatted(TWO_LAYERS));

	private static final Set<String> CHECK_KEYS = Set.of("/forward/layers/0/z", "/backward/layers/0/dL_dW",
			"/backward/layers/1/dL_dW/1/0", "/forward/loss", "/update/layers/0/bias");

	/** Unspoilt, every body is answered: the refusals below come from the mutations. */
	@Example
	void everyBodyIsValidAsItIs() {
		STEP_BODIES.forEach(body -> assertAccepted("/train-step", body, BodyContract.trainStep(), Set.of()));
		STEP_BODIES.forEach(body -> assertAccepted("/gradient-check", body, BodyContract.trainStep(), Set.of()));
		TRAIN_BODIES.forEach(body -> assertAccepted("/train", body, BodyContract.train(), Set.of()));
		PREDICT_BODIES.forEach(body -> assertAccepted("/predict", body, BodyContract.predict(), Set.of()));
		CHECK_BODIES.forEach(body -> assertAccepted("/check", body, BodyContract.check(), CHECK_KEYS));
	}

	private static void assertAccepted(String path, String body, BodyContract contract, Set<String> keys) {
		assertThat(contract.breaks(Api.JSON.readTree(body), keys)).as("the contract takes " + body).isEmpty();
		Api.Answer answer = FuzzedService.api().post(path, body);
		assertThat(answer.status()).as(path + " " + body + "\n" + answer.text()).isEqualTo(200);
	}

	@Property(tries = 500)
	void trainStep(@ForAll @IntRange(max = 5) int base, @ForAll long seed) {
		BodyMutations.Mutated mutated = BodyMutations.mutate(STEP_BODIES.get(base), BodyContract.trainStep(), Set.of(),
				new Random(seed));
		AnswerChecks.json(FuzzedService.api().post("/train-step", mutated.text()), mutated);
	}

	@Property(tries = 200)
	void gradientCheck(@ForAll @IntRange(max = 5) int base, @ForAll long seed) {
		BodyMutations.Mutated mutated = BodyMutations.mutate(STEP_BODIES.get(base), BodyContract.trainStep(), Set.of(),
				new Random(seed));
		AnswerChecks.json(FuzzedService.api().post("/gradient-check", mutated.text()), mutated);
	}

	@Property(tries = 250)
	void train(@ForAll @IntRange(max = 2) int base, @ForAll long seed) {
		BodyMutations.Mutated mutated = BodyMutations.mutate(TRAIN_BODIES.get(base), BodyContract.train(), Set.of(),
				new Random(seed));
		AnswerChecks.json(FuzzedService.api().post("/train", mutated.text()), mutated);
	}

	@Property(tries = 200)
	void trainStreamed(@ForAll @IntRange(max = 2) int base, @ForAll long seed) {
		BodyMutations.Mutated mutated = BodyMutations.mutate(TRAIN_BODIES.get(base), BodyContract.train(), Set.of(),
				new Random(seed));
		Api.Answer answer = FuzzedService.api().exchange(HttpMethod.POST, "/train", headers -> {
			headers.setContentType(MediaType.APPLICATION_JSON);
			headers.set(HttpHeaders.ACCEPT, MediaType.TEXT_EVENT_STREAM_VALUE);
		}, mutated.text());
		AnswerChecks.stream(answer, mutated);
	}

	@Property(tries = 250)
	void predict(@ForAll @IntRange(max = 2) int base, @ForAll long seed) {
		BodyMutations.Mutated mutated = BodyMutations.mutate(PREDICT_BODIES.get(base), BodyContract.predict(), Set.of(),
				new Random(seed));
		AnswerChecks.json(FuzzedService.api().post("/predict", mutated.text()), mutated);
	}

	@Property(tries = 300)
	void check(@ForAll @IntRange(max = 1) int base, @ForAll long seed) {
		BodyMutations.Mutated mutated = BodyMutations.mutate(CHECK_BODIES.get(base), BodyContract.check(), CHECK_KEYS,
				new Random(seed));
		AnswerChecks.json(FuzzedService.api().post("/check", mutated.text()), mutated);
	}

}
