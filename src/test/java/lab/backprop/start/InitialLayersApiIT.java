package lab.backprop.start;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import lab.backprop.Api;
import lab.backprop.HttpTestSupport;

/**
 * GET /initial-layers: starting layers ready to send, reproducible, within the limits.
 */
class InitialLayersApiIT extends HttpTestSupport {

	@Test
	void theContractsExampleGivesLayersOfTheRightShapesAndBounds() {
		JsonNode layers = ok("/initial-layers?sizes=2,8,8,1&activations=tanh,tanh,sigmoid&init=xavier&seed=1");
		int[] sizes = { 2, 8, 8, 1 };
		String[] activations = { "tanh", "tanh", "sigmoid" };
		assertThat(layers.size()).isEqualTo(3);
		for (int l = 0; l < 3; l++) {
			JsonNode layer = layers.get(l);
			assertThat(layer.propertyNames()).containsExactly("weights", "bias", "activation");
			assertThat(layer.get("activation").asString()).isEqualTo(activations[l]);
			assertThat(layer.get("weights").size()).isEqualTo(sizes[l]);
			double bound = Math.sqrt(6.0 / (sizes[l] + sizes[l + 1]));
			for (JsonNode row : layer.get("weights")) {
				assertThat(row.size()).isEqualTo(sizes[l + 1]);
				row.forEach(w -> assertThat(Math.abs(w.asDouble())).isLessThanOrEqualTo(bound));
			}
			assertThat(layer.get("bias").size()).isEqualTo(sizes[l + 1]);
			layer.get("bias").forEach(b -> assertThat(b.asDouble()).isZero());
		}
	}

	@Test
	void heAndUniformHaveTheirBounds() {
		JsonNode he = ok("/initial-layers?sizes=50,40&activations=relu&init=he&seed=3");
		JsonNode uniform = ok("/initial-layers?sizes=50,40&activations=relu&init=UNIFORM&seed=3");
		assertThat(maxAbs(he.get(0).get("weights"))).isLessThanOrEqualTo(Math.sqrt(6.0 / 50))
			.isGreaterThan(0.95 * Math.sqrt(6.0 / 50));
		assertThat(maxAbs(uniform.get(0).get("weights"))).isLessThanOrEqualTo(0.5).isGreaterThan(0.95 * 0.5);
	}

	@Test
	void theSameSeedGivesTheSameLayersAndTheDefaultsAreSigmoidXavierSeedOne() {
		JsonNode once = ok("/initial-layers?sizes=3,4,2&seed=5");
		assertThat(ok("/initial-layers?sizes=3,4,2&seed=5")).isEqualTo(once);
		assertThat(ok("/initial-layers?sizes=3,4,2&seed=6")).isNotEqualTo(once);
		JsonNode defaults = ok("/initial-layers?sizes=3,4,2");
		assertThat(defaults)
			.isEqualTo(ok("/initial-layers?sizes=3,4,2&activations=sigmoid,sigmoid&init=xavier&seed=1"));
		assertThat(defaults.get(1).get("activation").asString()).isEqualTo("sigmoid");
	}

	/** What /initial-layers answers is a ready `layers` for /train-step. */
	@Test
	void theLayersAreReadyToSend() {
		JsonNode layers = ok("/initial-layers?sizes=2,4,1&activations=tanh,sigmoid&seed=2");
		ObjectNode body = Api.object("""
				{"inputs": [[0.5, -1.0], [1.5, 2.0]], "label": [[1], [0]], "learningRate": 0.1}""");
		body.set("layers", layers);
		Api.Answer step = api().post("/train-step", body);
		assertThat(step.status()).as(step.text()).isEqualTo(200);
		assertThat(step.body().get("update").get("layers").get(0).get("weights").size()).isEqualTo(2);
	}

	@Test
	void aWrongParameterIsA400NamingIt() {
		Map<String, String> cases = Map.ofEntries(Map.entry("", "sizes"), Map.entry("sizes=2", "sizes"),
				Map.entry("sizes=2,0,1", "sizes"), Map.entry("sizes=2,-3", "sizes"), Map.entry("sizes=2,x", "sizes"),
				Map.entry("sizes=2,1.5", "sizes"), Map.entry("sizes=2,,1", "sizes"),
				Map.entry("sizes=2,3,1&activations=tanh", "activations"),
				Map.entry("sizes=2,3,1&activations=tanh,sigmoid,linear", "activations"),
				Map.entry("sizes=2,3&activations=tanhh", "activations"), Map.entry("sizes=2,3&init=glorot", "init"),
				Map.entry("sizes=2,3&seed=-1", "seed"), Map.entry("sizes=2,3&seed=1.5", "seed"),
				Map.entry("sizes=2,3&size=2", "size"));
		cases.forEach((query, parameter) -> {
			Api.Answer answer = api().get("/initial-layers?" + query);
			assertThat(answer.status()).as(query).isEqualTo(400);
			assertThat(answer.isProblem()).as(query).isTrue();
			assertThat(answer.body().get("parameter").asString()).as(query).isEqualTo(parameter);
		});
		assertThat(api().get("/initial-layers?sizes=2,3&activations=tanhh").body().get("detail").asString())
			.contains("did you mean 'tanh'?");
		assertThat(api().get("/initial-layers?sizes=2,3&init=glorot").body().get("allowed"))
			.extracting(JsonNode::asString)
			.containsExactly("xavier", "he", "uniform");
	}

	/** Over a configured limit: 413 naming `sizes` and the limit's property. */
	@Test
	void aNetworkOverALimitIsA413NamingTheLimit() {
		Map<String, String> cases = Map.of("sizes=2,4097", "backprop.limits.max-layer-width", "sizes=4097,1",
				"backprop.limits.max-layer-width", "sizes=2,99999999999999999999", "backprop.limits.max-layer-width",
				"sizes=1000,1000,1000", "backprop.limits.max-parameters", "sizes=" + "1,".repeat(65) + "1",
				"backprop.limits.max-layers");
		cases.forEach((query, limit) -> {
			Api.Answer answer = api().get("/initial-layers?" + query);
			assertThat(answer.status()).as(query).isEqualTo(413);
			assertThat(answer.isProblem()).as(query).isTrue();
			assertThat(answer.body().get("parameter").asString()).as(query).isEqualTo("sizes");
			assertThat(answer.body().get("limit").asString()).as(query).isEqualTo(limit);
			assertThat(answer.body().get("detail").asString()).as(query).contains(limit);
		});
		assertThat(api().get("/initial-layers?sizes=" + "1,".repeat(64) + "1").status()).isEqualTo(200);
	}

	private JsonNode ok(String path) {
		Api.Answer answer = api().get(path);
		assertThat(answer.status()).as(path + ": " + answer.text()).isEqualTo(200);
		assertThat(answer.body().propertyNames()).containsExactly("layers");
		return answer.body().get("layers");
	}

	private static double maxAbs(JsonNode rows) {
		double max = 0;
		for (JsonNode row : rows) {
			for (JsonNode v : row) {
				max = Math.max(max, Math.abs(v.asDouble()));
			}
		}
		return max;
	}

}
