package lab.backprop.start;

import static lab.backprop.NumericAssertions.assertClose;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import lab.backprop.Api;
import lab.backprop.HttpTestSupport;
import lab.backprop.SeedValues;

/** POST /predict: the forward pass alone, checked as /train-step's body is. */
class PredictApiIT extends HttpTestSupport {

	private static final String TWO_LAYER = """
			{
			  "inputs": [[0.05, 0.10]],
			  "layers": [
			    {"weights": [[0.15, 0.25], [0.20, 0.30]], "bias": [0.35, 0.35], "activation": "sigmoid"},
			    {"weights": [[0.40, 0.50], [0.45, 0.55]], "bias": [0.60, 0.60], "activation": "sigmoid"}
			  ],
			  "label": [[0.01, 0.99]],
			  "loss": "quadratic"
			}""";

	/** The seed neuron: the seed script's z, prediction and loss, to 1e-12. */
	@Test
	void theSeedsForwardPass() {
		ObjectNode body = Api.object(SeedValues.REQUEST);
		body.remove("learningRate");
		JsonNode answer = ok(body);
		assertThat(answer.propertyNames()).containsExactly("layers", "prediction", "loss");
		assertClose("z", answer.get("layers").get(0).get("z").get(0).get(0).asDouble(), SeedValues.scalar("Z"), 1e-12);
		assertClose("prediction", answer.get("prediction").get(0).get(0).asDouble(), SeedValues.scalar("pred"), 1e-12);
		assertClose("loss", answer.get("loss").asDouble(), SeedValues.scalar("loss"), 1e-12);
	}

	/**
	 * The contract's 2-2-2 network, the worked example of Matt Mazur's "A Step by Step
	 * Backpropagation Example", whose hand-worked values are printed to 9 digits.
	 */
	@Test
	void theTwoLayerNetworkByHand() {
		JsonNode answer = ok(Api.object(TWO_LAYER));
		JsonNode hidden = answer.get("layers").get(0);
		assertClose("net_h1", hidden.get("z").get(0).get(0).asDouble(), 0.3775, 1e-12);
		assertClose("out_h1", hidden.get("output").get(0).get(0).asDouble(), 0.593269992, 1e-8);
		assertClose("out_h2", hidden.get("output").get(0).get(1).asDouble(), 0.596884378, 1e-8);
		assertClose("net_o1", answer.get("layers").get(1).get("z").get(0).get(0).asDouble(), 1.105905967, 1e-8);
		assertClose("out_o1", answer.get("prediction").get(0).get(0).asDouble(), 0.75136507, 1e-8);
		assertClose("out_o2", answer.get("prediction").get(0).get(1).asDouble(), 0.772928465, 1e-8);
		assertClose("E_total", answer.get("loss").asDouble(), 0.298371109, 1e-8);
		assertThat(hidden.get("activation").asString()).isEqualTo("sigmoid");
		assertThat(answer.get("layers").get(1).get("output")).isEqualTo(answer.get("prediction"));
	}

	/**
	 * The same numbers, bit for bit, as /train-step's forward pass for every ready
	 * example body.
	 */
	@Test
	void theSameNumbersAsTrainStepsForwardPass() {
		for (String name : List.of("seed", "two-layer", "xor", "softmax", "deep-tanh")) {
			ObjectNode body = Api.example(name);
			JsonNode forward = api().post("/train-step", body).body().get("forward");
			body.remove("learningRate");
			body.remove("optimizer");
			JsonNode answer = ok(body);
			assertThat(answer.get("prediction")).as(name).isEqualTo(forward.get("prediction"));
			assertThat(answer.get("loss")).as(name).isEqualTo(forward.get("loss"));
			for (int l = 0; l < forward.get("layers").size(); l++) {
				assertThat(answer.get("layers").get(l).get("z")).as(name)
					.isEqualTo(forward.get("layers").get(l).get("z"));
				assertThat(answer.get("layers").get(l).get("output")).as(name)
					.isEqualTo(forward.get("layers").get(l).get("output"));
			}
		}
	}

	@Test
	void withoutALabelThereIsNoLoss() {
		ObjectNode body = Api.object(TWO_LAYER);
		body.remove("label");
		body.remove("loss");
		JsonNode answer = ok(body);
		assertThat(answer.propertyNames()).containsExactly("layers", "prediction");
		assertClose("out_o2", answer.get("prediction").get(0).get(1).asDouble(), 0.772928465, 1e-8);
		body.set("inputs", Api.JSON.readTree("[[0.05, 0.10], [1, -1], [0, 0]]"));
		assertThat(ok(body).get("prediction").size()).isEqualTo(3);
	}

	@Test
	void theBodyIsCheckedAsTrainStepsIs() {
		ObjectNode withRate = Api.object(TWO_LAYER);
		withRate.put("learningRate", 0.5);
		assertThat(problem(withRate, 400).pointers()).containsExactly("/learningRate");

		ObjectNode badLabel = Api.object(TWO_LAYER);
		badLabel.set("label", Api.JSON.readTree("[[0.01, 0.99, 0.5]]"));
		assertThat(problem(badLabel, 400).pointers()).containsExactly("/label");

		ObjectNode unchained = Api.object(TWO_LAYER);
		((ObjectNode) unchained.get("layers").get(1)).set("weights",
				Api.JSON.readTree("[[0.4, 0.5], [0.45, 0.55], [0.5, 0.5]]"));
		assertThat(problem(unchained, 400).pointers()).containsExactly("/layers/1/weights");

		ObjectNode noInputs = Api.object(TWO_LAYER);
		noInputs.remove("inputs");
		noInputs.put("los", "mse");
		assertThat(problem(noInputs, 400).body().get("detail").asString()).contains("did you mean 'loss'");

		ObjectNode unknownLoss = Api.object(TWO_LAYER);
		unknownLoss.put("loss", "hinge");
		assertThat(problem(unknownLoss, 400).pointers()).containsExactly("/loss");

		ObjectNode bothForms = Api.object(TWO_LAYER);
		bothForms.set("weights", Api.JSON.readTree("[[1]]"));
		assertThat(problem(bothForms, 400).pointers()).contains("/weights");
	}

	@Test
	void aBatchOverTheLimitIsA413() {
		StringBuilder rows = new StringBuilder("[");
		for (int i = 0; i < 4097; i++) {
			rows.append(i == 0 ? "" : ",").append("[0.1, 0.2]");
		}
		ObjectNode body = Api.object(TWO_LAYER);
		body.set("inputs", Api.JSON.readTree(rows.append("]").toString()));
		body.remove("label");
		Api.Answer answer = problem(body, 413);
		assertThat(answer.pointers()).containsExactly("/inputs");
		assertThat(answer.body().get("detail").asString()).contains("backprop.limits.max-batch-size");
	}

	@Test
	void anOverflowIsA422NamingTheValueInThisAnswer() {
		Api.Answer answer = problem(Api.object("""
				{"inputs": [[1e300]], "weights": [[1e300]], "bias": 0, "activation": "linear"}"""), 422);
		assertThat(answer.body().get("quantity").asString()).isEqualTo("layers[0].z");
	}

	private JsonNode ok(JsonNode body) {
		Api.Answer answer = api().post("/predict", body);
		assertThat(answer.status()).as(answer.text()).isEqualTo(200);
		return answer.body();
	}

	private Api.Answer problem(JsonNode body, int status) {
		Api.Answer answer = api().post("/predict", body);
		assertThat(answer.status()).as(answer.text()).isEqualTo(status);
		assertThat(answer.isProblem()).isTrue();
		return answer;
	}

}
