package lab.backprop.examples;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import lab.backprop.Api;
import lab.backprop.HttpTestSupport;

/**
 * Each data set's example trains well: its body, trained by POST /train for its suggested
 * steps, scores its held-out {@code test} points (by POST /predict) at 90 % accuracy or
 * better for classification, and explains at least 90 % of the test labels' variance (R²)
 * for regression. Its points and layers are exactly what its {@code dataset} and
 * {@code initialLayers} addresses answer.
 */
class DataExamplesIT extends HttpTestSupport {

	@ParameterizedTest
	@CsvSource({ "circle-data, circle", "xor-data, xor", "gauss-data, gauss", "spiral-data, spiral",
			"moons-data, moons", "plane-data, plane", "gaussians-data, gaussians" })
	void trainsWellOnItsDataSet(String name, String dataset) {
		JsonNode example = api().get("/examples/" + name).body();
		JsonNode request = example.get("request");
		assertThat(example.get("dataset").asString()).startsWith("/datasets/" + dataset + "?");

		JsonNode data = api().get(example.get("dataset").asString()).body();
		assertThat(request.get("inputs")).isEqualTo(data.get("train").get("inputs"));
		assertThat(request.get("label")).isEqualTo(data.get("train").get("label"));
		assertThat(example.get("test")).isEqualTo(data.get("test"));
		JsonNode initial = api().get(example.get("initialLayers").asString()).body();
		assertThat(request.get("layers")).isEqualTo(initial.get("layers"));

		ObjectNode train = (ObjectNode) request.deepCopy();
		train.put("steps", example.get("suggestedSteps").asInt());
		Api.Answer trained = api().post("/train", train);
		assertThat(trained.status()).as(trained.text()).isEqualTo(200);
		assertThat(trained.body().get("stoppedBecause").asString()).isEqualTo("steps");
		assertThat(trained.body().get("loss").asDouble())
			.isLessThan(trained.body().get("history").get(0).get("loss").asDouble() / 2);

		ObjectNode predict = Api.object("{}");
		predict.set("inputs", example.get("test").get("inputs"));
		predict.set("layers", trained.body().get("layers"));
		JsonNode prediction = api().post("/predict", predict).body().get("prediction");
		JsonNode labels = example.get("test").get("label");
		assertThat(prediction.size()).isEqualTo(labels.size()).isGreaterThanOrEqualTo(100);
		if (data.get("kind").asString().equals("classification")) {
			int right = 0;
			for (int i = 0; i < labels.size(); i++) {
				double predicted = prediction.get(i).get(0).asDouble() >= 0.5 ? 1 : 0;
				right += predicted == labels.get(i).get(0).asDouble() ? 1 : 0;
			}
			assertThat((double) right / labels.size()).as("%s: test accuracy", name).isGreaterThanOrEqualTo(0.9);
		}
		else {
			double mean = 0;
			for (JsonNode label : labels) {
				mean += label.get(0).asDouble() / labels.size();
			}
			double squaredError = 0;
			double variance = 0;
			for (int i = 0; i < labels.size(); i++) {
				double y = labels.get(i).get(0).asDouble();
				squaredError += Math.pow(prediction.get(i).get(0).asDouble() - y, 2);
				variance += Math.pow(y - mean, 2);
			}
			assertThat(1 - squaredError / variance).as("%s: test R²", name).isGreaterThanOrEqualTo(0.9);
		}
	}

}
