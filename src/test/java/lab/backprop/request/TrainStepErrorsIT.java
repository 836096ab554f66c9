package lab.backprop.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import lab.backprop.HttpTestSupport;
import lab.backprop.SeedValues;
import org.springframework.http.HttpMethod;
import lab.backprop.Api.Answer;
import java.util.List;
import org.springframework.http.MediaType;

/**
 * Each kind of bad request gets problem+json with the status and the pointer a user
 * needs.
 */
class TrainStepErrorsIT extends HttpTestSupport {

	private static final String SEED_LAYER = "\"weights\": [[0.1], [-0.3], [0.5]], \"bias\": [[0.1]]";

	static Stream<Arguments> badBodies() {
		return Stream.of(Arguments.of("malformed JSON", "{\"inputs\": [[0.5, 0.2, 0.8]], ", "", "not valid JSON"),
				Arguments.of("not an object", "[1, 2]", "", "must be an object"),
				Arguments.of("missing learningRate",
						"{\"inputs\": [[0.5, 0.2, 0.8]], " + SEED_LAYER + ", \"label\": 0.7}", "/learningRate",
						"is required"),
				Arguments.of("learningRate zero",
						"{\"inputs\": [[0.5, 0.2, 0.8]], " + SEED_LAYER + ", \"label\": 0.7, \"learningRate\": 0}",
						"/learningRate", "> 0"),
				Arguments.of("learningRate as text",
						"{\"inputs\": [[0.5, 0.2, 0.8]], " + SEED_LAYER
								+ ", \"label\": 0.7, \"learningRate\": \"0.1\"}",
						"/learningRate", "must be a number"),
				Arguments.of("missing inputs", "{" + SEED_LAYER + ", \"label\": 0.7, \"learningRate\": 0.1}", "/inputs",
						"is required"),
				Arguments.of("inputs a bare number",
						"{\"inputs\": 0.5, \"weights\": [[0.1]], \"bias\": 0, \"label\": 0.7, \"learningRate\": 0.1}",
						"/inputs", "not a bare number"),
				Arguments.of("both forms", "{\"inputs\": [[0.5, 0.2, 0.8]], " + SEED_LAYER
						+ ", \"layers\": [{\"weights\": [[1], [1], [1]], \"bias\": 0}], \"label\": 0.7, \"learningRate\": 0.1}",
						"/weights", "not both"),
				Arguments.of("neither form", "{\"inputs\": [[0.5, 0.2, 0.8]], \"label\": 0.7, \"learningRate\": 0.1}",
						"/layers", "is required"),
				Arguments.of("shapes do not chain", """
						{"inputs": [[1, 2]], "layers": [{"weights": [[1, 1], [1, 1]], "bias": 0},
						 {"weights": [[1], [1], [1]], "bias": 0}], "label": 0.5, "learningRate": 0.1}""",
						"/layers/1/weights", "has 3 rows but layer 0 outputs 2"),
				Arguments.of("first layer does not fit the inputs",
						"{\"inputs\": [[0.5, 0.2]], " + SEED_LAYER + ", \"label\": 0.7, \"learningRate\": 0.1}",
						"/weights", "inputs have 2 features"),
				Arguments.of("ragged inputs",
						"{\"inputs\": [[0.5, 0.2, 0.8], [0.1, 0.2]], " + SEED_LAYER
								+ ", \"label\": [0.7, 0.1], \"learningRate\": 0.1}",
						"/inputs/1", "same length"),
				Arguments.of("ragged weights",
						"{\"inputs\": [[0.5, 0.2]], \"weights\": [[0.1, 0.2], [0.3]], \"bias\": 0, "
								+ "\"label\": 0.7, \"learningRate\": 0.1}",
						"/weights/1", "same length"),
				Arguments.of("empty inputs",
						"{\"inputs\": [], " + SEED_LAYER + ", \"label\": 0.7, \"learningRate\": 0.1}", "/inputs",
						"must not be empty"),
				Arguments.of("flat weights",
						"{\"inputs\": [[0.5, 0.2, 0.8]], \"weights\": [0.1, -0.3, 0.5], \"bias\": 0.1, "
								+ "\"label\": 0.7, \"learningRate\": 0.1}",
						"/weights", "must be a matrix"),
				Arguments.of("bias of the wrong length",
						"{\"inputs\": [[0.5, 0.2, 0.8]], \"weights\": [[0.1], [-0.3], [0.5]], "
								+ "\"bias\": [0.1, 0.2], \"label\": 0.7, \"learningRate\": 0.1}",
						"/bias", "has 2 values"),
				Arguments.of("missing bias",
						"{\"inputs\": [[0.5, 0.2, 0.8]], \"weights\": [[0.1], [-0.3], [0.5]], "
								+ "\"label\": 0.7, \"learningRate\": 0.1}",
						"/bias", "is required"),
				Arguments.of("label of the wrong shape",
						"{\"inputs\": [[0.5, 0.2, 0.8]], " + SEED_LAYER
								+ ", \"label\": [[0.7, 0.1]], \"learningRate\": 0.1}",
						"/label", "batch × outputs = 1 × 1"),
				Arguments.of("ambiguous flat label",
						"""
								{"inputs": [[1], [2]], "weights": [[1, 1]], "bias": 0, "label": [0.1, 0.2], "learningRate": 0.1}""",
						"/label", "ambiguous"),
				Arguments.of("unknown activation",
						"{\"inputs\": [[0.5, 0.2, 0.8]], \"layers\": [{\"weights\": [[0.1], [-0.3], [0.5]], "
								+ "\"bias\": 0.1, \"activation\": \"sigmoud\"}], \"label\": 0.7, \"learningRate\": 0.1}",
						"/layers/0/activation",
						"did you mean 'sigmoid'?); allowed: sigmoid, tanh, relu, leaky_relu, linear, softmax"),
				Arguments.of("unknown loss",
						"{\"inputs\": [[0.5, 0.2, 0.8]], " + SEED_LAYER
								+ ", \"label\": 0.7, \"loss\": \"hinge\", \"learningRate\": 0.1}",
						"/loss", "allowed: mse, sse, quadratic, binary_cross_entropy, cross_entropy"),
				Arguments.of("unknown field",
						"{\"inputs\": [[0.5, 0.2, 0.8]], " + SEED_LAYER + ", \"label\": 0.7, \"learning_rate\": 0.1}",
						"/learning_rate", "did you mean 'learningRate'?"),
				Arguments.of("misspelt weights",
						"{\"inputs\": [[0.5]], \"weight\": [[0.1]], \"bias\": 0, \"label\": 0.7, \"learningRate\": 0.1}",
						"/weight", "did you mean 'weights'?"),
				Arguments.of("misspelt label",
						"{\"inputs\": [[0.5]], \"weights\": [[0.1]], \"bias\": 0, \"labels\": 0.7, \"learningRate\": 0.1}",
						"/labels", "did you mean 'label'?"),
				Arguments.of("unknown field in a layer",
						"{\"inputs\": [[0.5]], \"layers\": [{\"weights\": [[0.1]], \"biases\": 0}], "
								+ "\"label\": 0.7, \"learningRate\": 0.1}",
						"/layers/0/biases", "did you mean 'bias'?"),
				Arguments.of("inputs null",
						"{\"inputs\": null, " + SEED_LAYER + ", \"label\": 0.7, \"learningRate\": 0.1}", "/inputs",
						"is required"),
				Arguments.of("learningRate null",
						"{\"inputs\": [[0.5, 0.2, 0.8]], " + SEED_LAYER + ", \"label\": 0.7, \"learningRate\": null}",
						"/learningRate", "is required"),
				Arguments.of("a null in a matrix",
						"{\"inputs\": [[0.5, null, 0.8]], " + SEED_LAYER + ", \"label\": 0.7, \"learningRate\": 0.1}",
						"/inputs/0/1", "must be a number, not null"),
				Arguments.of("NaN as a bare token",
						"{\"inputs\": [[0.5, NaN, 0.8]], " + SEED_LAYER + ", \"label\": 0.7, \"learningRate\": 0.1}",
						"/inputs/0", "not valid JSON"),
				Arguments.of("Infinity as text",
						"{\"inputs\": [[0.5, 0.2, 0.8]], " + SEED_LAYER
								+ ", \"label\": 0.7, \"learningRate\": \"Infinity\"}",
						"/learningRate", "must be"),
				Arguments.of("activation of the wrong type",
						"{\"inputs\": [[0.5, 0.2, 0.8]], " + SEED_LAYER
								+ ", \"activation\": 3, \"label\": 0.7, \"learningRate\": 0.1}",
						"/activation", "must be a string"),
				Arguments.of("a non-ASCII look-alike enum value",
						"{\"inputs\": [[0.5, 0.2, 0.8]], " + SEED_LAYER
								+ ", \"activation\": \"\u017figmoid\", \"label\": 0.7, \"learningRate\": 0.1}",
						"/activation", "unknown activation"),
				Arguments.of("duplicate key", "{\"inputs\": [[0.5]], \"inputs\": [[0.5]]}", "/inputs", "twice"),
				Arguments.of("a number that overflows",
						"{\"inputs\": [[0.5, 0.2, 1e309]], " + SEED_LAYER + ", \"label\": 0.7, \"learningRate\": 0.1}",
						"/inputs/0/2", "finite"),
				Arguments.of("a string in a matrix",
						"{\"inputs\": [[0.5, \"0.2\", 0.8]], " + SEED_LAYER
								+ ", \"label\": 0.7, \"learningRate\": 0.1}",
						"/inputs/0/1", "must be a number"),
				Arguments.of("a layer that is null",
						"{\"inputs\": [[0.5]], \"layers\": [null], \"label\": 0.7, \"learningRate\": 0.1}", "/layers/0",
						"not null"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badBodies")
	void badBodiesAreProblemsThatNameTheField(String name, String body, String pointer, String message) {
		Answer answer = postJson("/train-step", body);
		assertThat(answer.status()).as(answer.text()).isEqualTo(400);
		assertThat(answer.isProblem()).as(answer.contentType()).isTrue();
		assertThat(answer.json().get("status").asInt()).isEqualTo(400);
		assertThat(answer.json().get("type").asString()).isNotBlank();
		assertThat(answer.json().get("title").asString()).isNotBlank();
		assertThat(answer.pointers()).as(answer.text()).contains(pointer);
		assertThat(answer.json().get("errors").toString()).as(answer.text()).contains(message);
		assertThat(answer.text()).doesNotContain("Exception").doesNotContain("jackson").doesNotContain("lab.backprop");
	}

	@Test
	void anOverflowingStepIs422NamingTheFirstQuantityThatIsNotFinite() {
		Answer answer = postJson("/train-step", """
				{"inputs": [[0.5]], "weights": [[0.1]], "bias": 0.1, "activation": "linear",
				 "label": 0.7, "learningRate": 1e300}""");
		assertThat(answer.status()).isEqualTo(422);
		assertThat(answer.isProblem()).isTrue();
		// w⁺ = 0.1 − 1e300·g stays finite; the loss after the step, (1e299)², does not.
		assertThat(answer.json().get("quantity").asString()).isEqualTo("after.loss");
		assertThat(answer.json().get("detail").asString()).contains("after.loss");
	}

	/**
	 * 140 kB that would make every intermediate of the hidden layer 4,096 × 4,096 doubles
	 * (134 MB each, a gigabyte for the step): refused before any work by the default
	 * limits.
	 */
	@Test
	void aSmallBodyDescribingHugeActivationsIsRefused() {
		int batch = 4096;
		int hidden = 4096;
		String column = "[" + String.join(",", java.util.Collections.nCopies(batch, "[0.5]")) + "]";
		String row = "[" + String.join(",", java.util.Collections.nCopies(hidden, "0.01")) + "]";
		String tall = "[" + String.join(",", java.util.Collections.nCopies(hidden, "[0.01]")) + "]";
		String body = "{\"inputs\": " + column + ", \"layers\": [{\"weights\": [" + row
				+ "], \"bias\": 0, \"activation\": \"tanh\"}, {\"weights\": " + tall
				+ ", \"bias\": 0, \"activation\": \"linear\"}], \"label\": " + column + ", \"learningRate\": 0.1}";
		Answer answer = postJson("/train-step", body);
		assertThat(answer.status()).as(answer.text()).isEqualTo(413);
		assertThat(answer.isProblem()).isTrue();
		assertThat(answer.pointers()).contains("/layers");
		assertThat(answer.json().get("detail").asString()).contains("max-activations").contains("4096 × 4097");
	}

	@Test
	void wrongMediaTypesAre415And406() {
		Answer text = api().exchange(HttpMethod.POST, "/train-step",
				headers -> headers.setContentType(MediaType.TEXT_PLAIN), SeedValues.REQUEST);
		assertThat(text.status()).isEqualTo(415);
		assertThat(text.isProblem()).isTrue();

		Answer html = api().exchange(HttpMethod.POST, "/train-step", headers -> {
			headers.setContentType(MediaType.APPLICATION_JSON);
			headers.setAccept(List.of(MediaType.TEXT_HTML));
		}, SeedValues.REQUEST);
		assertThat(html.status()).isEqualTo(406);
		assertThat(html.isProblem()).isTrue();
	}

	@Test
	void unknownPathsAndMethodsAreProblemsWhateverTheAcceptHeader() {
		Answer missing = api().exchange(HttpMethod.GET, "/no-such-thing",
				headers -> headers.setAccept(List.of(MediaType.TEXT_HTML)), null);
		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.isProblem()).isTrue();
		assertThat(missing.json().get("type").asString()).isNotBlank();

		Answer method = api().exchange(HttpMethod.GET, "/train-step",
				headers -> headers.setAccept(List.of(MediaType.APPLICATION_XML)), null);
		assertThat(method.status()).isEqualTo(405);
		assertThat(method.isProblem()).isTrue();
	}

	@Test
	void anAddressTomcatCannotReadIsAProblemToo() throws Exception {
		try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
			socket.setSoTimeout(10_000);
			socket.getOutputStream()
				.write("GET /%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
					.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
			String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
			assertThat(answer).startsWith("HTTP/1.1 400");
			assertThat(answer).containsIgnoringCase("Content-Type: application/problem+json");
			assertThat(answer).contains("\"status\":400").doesNotContain("<html").doesNotContain("Tomcat");
		}
	}

	@Test
	void anEmptyBodyIsAProblem() {
		Answer answer = api().exchange(HttpMethod.POST, "/train-step",
				headers -> headers.setContentType(MediaType.APPLICATION_JSON), "");
		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.isProblem()).isTrue();
		assertThat(answer.pointers()).containsExactly("");
	}

}
