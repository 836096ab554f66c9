package lab.backprop.system.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import lab.backprop.SeedValues;
import lab.backprop.HttpTestSupport;
import lab.backprop.Api.Answer;
import lab.backprop.RawHttp;

/**
 * Each limit, set small here: a request just at it passes, one just over it is a 413
 * naming it.
 */
@TestPropertySource(properties = { "backprop.limits.max-body-bytes=2048", "backprop.limits.max-parameters=20",
		"backprop.limits.max-layers=3", "backprop.limits.max-layer-width=5", "backprop.limits.max-batch-size=4",
		"backprop.limits.max-input-numbers=12", "backprop.limits.max-activations=15",
		"backprop.limits.max-nesting-depth=5", "backprop.limits.max-number-length=12",
		"backprop.limits.max-string-length=40" })
class RequestLimitsIT extends HttpTestSupport {

	@Test
	void layers() {
		assertThat(postJson("/train-step", chain(1, 1, 1, 1)).status()).isEqualTo(200);
		assertOver(postJson("/train-step", chain(1, 1, 1, 1, 1)), "/layers", "max-layers", "3");
	}

	@Test
	void neuronsInALayer() {
		assertThat(postJson("/train-step", chain(1, 5)).status()).isEqualTo(200);
		assertOver(postJson("/train-step", chain(1, 6)), "/layers/0/weights", "max-layer-width", "5");
	}

	@Test
	void featuresPerExampleCountAsTheInputLayersWidth() {
		assertThat(postJson("/train-step", chain(5, 1)).status()).isEqualTo(200);
		assertOver(postJson("/train-step", chain(6, 1)), "/inputs", "max-layer-width", "5");
	}

	@Test
	void parameters() {
		// 3 → 5: 3·5 weights + 5 biases = 20; 2 → 3 → 3: (2·3 + 3) + (3·3 + 3) = 21
		assertThat(postJson("/train-step", chain(3, 5)).status()).isEqualTo(200);
		assertOver(postJson("/train-step", chain(2, 3, 3)), "/layers", "max-parameters", "20");
	}

	@Test
	void examplesInABatch() {
		assertThat(postJson("/train-step", batch(4, 2)).status()).isEqualTo(200);
		assertOver(postJson("/train-step", batch(5, 2)), "/inputs", "max-batch-size", "4");
	}

	@Test
	void inputNumbers() {
		assertThat(postJson("/train-step", batch(4, 3)).status()).isEqualTo(200);
		assertOver(postJson("/train-step", batch(4, 4)), "/inputs", "max-input-numbers", "12");
	}

	@Test
	void activationsAreTheBatchTimesEveryLayersNeurons() {
		// 3 examples × (5 + 0) neurons = 15; 4 × 5 = 20; 3 × (5 + 1) = 18
		assertThat(postJson("/train-step", chainOf(3, 1, 5)).status()).isEqualTo(200);
		assertOver(postJson("/train-step", chainOf(4, 1, 5)), "/layers", "max-activations", "15");
		assertOver(postJson("/train-step", chainOf(3, 1, 5, 1)), "/layers", "max-activations", "15");
	}

	@Test
	void activationsInTheSingleLayerForm() {
		String fiveNeurons = "{\"inputs\": " + matrix(4, 1, 0.5) + ", \"weights\": " + matrix(1, 5, 0.1)
				+ ", \"bias\": 0, \"label\": " + matrix(4, 5, 0.3) + ", \"learningRate\": 0.1}";
		assertOver(postJson("/train-step", fiveNeurons), "/weights", "max-activations", "15");
	}

	@Test
	void bodyBytesWithADeclaredLength() {
		assertThat(postJson("/train-step", padded(SeedValues.REQUEST, 2048)).status()).isEqualTo(200);
		assertOver(postJson("/train-step", padded(SeedValues.REQUEST, 2049)), "", "max-body-bytes", "2048");
	}

	@Test
	void bodyBytesWhenChunked() {
		assertThat(sendChunked(padded(SeedValues.REQUEST, 2048)).status()).isEqualTo(200);
		assertOver(sendChunked(padded(SeedValues.REQUEST, 2049)), "", "max-body-bytes", "2048");
	}

	@Test
	void nestingDepth() {
		// { layers [ { weights [ [ is five levels deep: allowed. One more array inside is
		// the sixth.
		assertThat(postJson("/train-step", chain(1, 1)).status()).isEqualTo(200);
		assertOver(postJson("/train-step", """
				{"inputs": [[1]], "layers": [{"weights": [[[1]]], "bias": 0}], "label": 1, "learningRate": 0.1}"""),
				"/layers/0/weights", "max-nesting-depth", "5");
	}

	@Test
	void numberLength() {
		// Jackson counts a number's digits, not its sign, point or exponent marker.
		assertThat(postJson("/train-step", SeedValues.REQUEST.replace("0.7", "0.70000000000")).status()).isEqualTo(200);
		assertOver(postJson("/train-step", SeedValues.REQUEST.replace("0.7", "0.700000000000")), "",
				"max-number-length", "12");
	}

	@Test
	void stringLength() {
		String forty = "x".repeat(40);
		Answer atLimit = postJson("/train-step",
				SeedValues.REQUEST.replace("\"learningRate\"", "\"activation\": \"" + forty + "\", \"learningRate\""));
		assertThat(atLimit.status()).as("a 40-character activation is merely unknown").isEqualTo(400);
		assertOver(
				postJson("/train-step",
						SeedValues.REQUEST.replace("\"learningRate\"",
								"\"activation\": \"" + forty + "x\", \"learningRate\"")),
				"", "max-string-length", "40");
	}

	private static void assertOver(Answer answer, String pointer, String limit, String value) {
		assertThat(answer.status()).as(answer.text()).isEqualTo(413);
		assertThat(answer.isProblem()).isTrue();
		if (!pointer.isEmpty()) {
			assertThat(answer.pointers()).contains(pointer);
		}
		assertThat(answer.json().get("detail").asString()).contains(limit).contains(value);
	}

	/**
	 * A chain of linear layers with these widths (the first is the number of input
	 * features).
	 */
	private static String chain(int... widths) {
		return chainOf(1, widths);
	}

	private static String chainOf(int examples, int... widths) {
		StringBuilder layers = new StringBuilder();
		for (int i = 1; i < widths.length; i++) {
			layers.append(i > 1 ? ", " : "")
				.append("{\"weights\": ")
				.append(matrix(widths[i - 1], widths[i], 0.1))
				.append(", \"bias\": 0, \"activation\": \"linear\"}");
		}
		return "{\"inputs\": " + matrix(examples, widths[0], 0.5) + ", \"layers\": [" + layers + "], \"label\": "
				+ matrix(examples, widths[widths.length - 1], 0.2) + ", \"learningRate\": 0.1}";
	}

	private static String batch(int examples, int features) {
		return "{\"inputs\": " + matrix(examples, features, 0.5) + ", \"weights\": " + matrix(features, 1, 0.1)
				+ ", \"bias\": 0, \"label\": " + matrix(examples, 1, 0.3) + ", \"learningRate\": 0.1}";
	}

	private static String matrix(int rows, int columns, double value) {
		StringBuilder json = new StringBuilder("[");
		for (int i = 0; i < rows; i++) {
			json.append(i > 0 ? ", [" : "[");
			for (int j = 0; j < columns; j++) {
				json.append(j > 0 ? ", " : "").append(value);
			}
			json.append("]");
		}
		return json.append("]").toString();
	}

	private static String padded(String json, int bytes) {
		int length = json.getBytes(StandardCharsets.UTF_8).length;
		return json + " ".repeat(bytes - length);
	}

	private Answer sendChunked(String body) {
		return RawHttp.postChunked(port, "/train-step", body);
	}

}
