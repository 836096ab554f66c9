package lab.backprop.start;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import lab.backprop.Api;
import lab.backprop.HttpTestSupport;
import lab.backprop.Python;

/**
 * GET /initial-layers and POST /predict against numpy ({@code python/*.py} in the test
 * resources): the weights' distribution against numpy's own uniform draws with PyTorch's
 * bounds, and the forward pass against numpy's float64 arithmetic.
 */
class StartingPointsAgainstNumpyIT extends HttpTestSupport {

	/**
	 * A 300 × 200 layer of each kind: inside numpy's bound, and the two-sample
	 * Kolmogorov–Smirnov distance to 60,000 numpy draws below its 0.1 % critical value;
	 * mean and variance close to numpy's sample's.
	 */
	@Test
	void theWeightsAreDistributedAsNumpysUniformWithPyTorchsBounds() {
		List<String> inits = List.of("xavier", "he", "uniform");
		ArrayNode inputs = Api.JSON.createArrayNode();
		for (String init : inits) {
			JsonNode weights = api().get("/initial-layers?sizes=300,200&activations=relu&init=" + init + "&seed=12")
				.body()
				.get("layers")
				.get(0)
				.get("weights");
			ObjectNode input = inputs.addObject();
			input.put("init", init);
			input.put("fanIn", 300);
			input.put("fanOut", 200);
			input.set("weights", weights);
		}
		JsonNode answers = Python.run("initial_weights", inputs);
		for (int i = 0; i < inits.size(); i++) {
			String init = inits.get(i);
			JsonNode numpy = answers.get(i);
			double bound = numpy.get("bound").asDouble();
			assertThat(numpy.get("n").asInt()).isEqualTo(60_000);
			assertThat(numpy.get("min").asDouble()).as(init).isGreaterThanOrEqualTo(-bound).isLessThan(-0.99 * bound);
			assertThat(numpy.get("max").asDouble()).as(init).isLessThanOrEqualTo(bound).isGreaterThan(0.99 * bound);
			assertThat(numpy.get("ks").asDouble()).as(init).isLessThan(numpy.get("critical").asDouble());
			assertThat(numpy.get("mean").asDouble() - numpy.get("numpyMean").asDouble()).as(init)
				.isBetween(-0.02 * bound, 0.02 * bound);
			assertThat(numpy.get("variance").asDouble() / numpy.get("numpyVariance").asDouble()).as(init)
				.isBetween(0.98, 1.02);
			assertThat(numpy.get("variance").asDouble() / (bound * bound / 3)).as(init).isBetween(0.98, 1.02);
		}
	}

	/**
	 * Networks from /initial-layers with every activation, on data set points, with and
	 * without labels: every z, output, prediction and loss equals numpy's to 1e-12
	 * relative (1e-15 absolute for values that cancel).
	 */
	@Test
	void theForwardPassIsNumpys() {
		String[][] cases = { { "2,8,8,1", "tanh,relu,sigmoid", "binary_cross_entropy" },
				{ "2,6,3", "leaky_relu,softmax", "cross_entropy" }, { "2,5,4,2", "sigmoid,linear,tanh", "mse" },
				{ "2,3,1", "relu,linear", "sse" }, { "2,4,2", "tanh,sigmoid", "quadratic" } };
		JsonNode points = api().get("/datasets/moons?points=50&testFraction=0&seed=4").body().get("train");
		ArrayNode bodies = Api.JSON.createArrayNode();
		List<JsonNode> answers = new ArrayList<>();
		for (String[] c : cases) {
			JsonNode layers = api().get("/initial-layers?sizes=" + c[0] + "&activations=" + c[1] + "&init=he&seed=8")
				.body()
				.get("layers");
			ObjectNode unlabelled = bodies.addObject();
			unlabelled.set("inputs", points.get("inputs"));
			unlabelled.set("layers", layers);
			answers.add(api().post("/predict", unlabelled).body());
			ObjectNode labelled = bodies.addObject();
			labelled.setAll(unlabelled);
			labelled.set("label", labels(points.get("label"), layers.get(layers.size() - 1).get("bias").size()));
			labelled.put("loss", c[2]);
			answers.add(api().post("/predict", labelled).body());
		}
		JsonNode numpy = Python.run("forward_pass", bodies);
		for (int i = 0; i < answers.size(); i++) {
			String what = cases[i / 2][0] + " " + cases[i / 2][1]
					+ (i % 2 == 0 ? " without label" : " " + cases[i / 2][2]);
			compare(what, answers.get(i), numpy.get(i));
			if (i % 2 == 1) {
				assertClose(what + " loss", answers.get(i).get("loss").asDouble(), numpy.get(i).get("loss").asDouble());
			}
			else {
				assertThat(answers.get(i).has("loss")).isFalse();
			}
		}
	}

	/**
	 * The data sets' 0/1 labels as `outputs` columns: the label itself for one output,
	 * one-hot rows for more.
	 */
	private static JsonNode labels(JsonNode column, int outputs) {
		StringBuilder rows = new StringBuilder("[");
		for (int i = 0; i < column.size(); i++) {
			int label = (int) column.get(i).get(0).asDouble();
			rows.append(i == 0 ? "[" : ",[");
			for (int k = 0; k < outputs; k++) {
				double value = outputs == 1 ? label : (k == label % outputs ? 1 : 0);
				rows.append(k == 0 ? "" : ",").append(value);
			}
			rows.append("]");
		}
		return Api.JSON.readTree(rows.append("]").toString());
	}

	private static void compare(String what, JsonNode ours, JsonNode numpy) {
		assertThat(ours.get("layers").size()).isEqualTo(numpy.get("layers").size());
		for (int l = 0; l < ours.get("layers").size(); l++) {
			for (String quantity : List.of("z", "output")) {
				compareMatrices(what + " layers[" + l + "]." + quantity, ours.get("layers").get(l).get(quantity),
						numpy.get("layers").get(l).get(quantity));
			}
		}
		compareMatrices(what + " prediction", ours.get("prediction"), numpy.get("prediction"));
	}

	private static void compareMatrices(String what, JsonNode ours, JsonNode numpy) {
		assertThat(ours.size()).as(what).isEqualTo(numpy.size());
		for (int i = 0; i < ours.size(); i++) {
			assertThat(ours.get(i).size()).as(what).isEqualTo(numpy.get(i).size());
			for (int j = 0; j < ours.get(i).size(); j++) {
				assertClose(what + "[" + i + "][" + j + "]", ours.get(i).get(j).asDouble(),
						numpy.get(i).get(j).asDouble());
			}
		}
	}

	private static void assertClose(String what, double ours, double numpy) {
		assertThat(Math.abs(ours - numpy)).as("%s: %s vs numpy %s", what, ours, numpy)
			.isLessThanOrEqualTo(1e-15 + 1e-12 * Math.abs(numpy));
	}

}
