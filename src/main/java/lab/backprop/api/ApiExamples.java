package lab.backprop.api;

/** Ready request bodies for the OpenAPI description. */
final class ApiExamples {

	static final String SEED = """
			{
			  "inputs": [[0.5, 0.2, 0.8]],
			  "weights": [[0.1], [-0.3], [0.5]],
			  "bias": [[0.1]],
			  "label": [[0.7]],
			  "learningRate": 0.1
			}""";

	static final String TWO_LAYER = """
			{
			  "inputs": [[0.05, 0.10]],
			  "layers": [
			    {"weights": [[0.15, 0.25], [0.20, 0.30]], "bias": [0.35, 0.35], "activation": "sigmoid"},
			    {"weights": [[0.40, 0.50], [0.45, 0.55]], "bias": [0.60, 0.60], "activation": "sigmoid"}
			  ],
			  "label": [[0.01, 0.99]],
			  "loss": "quadratic",
			  "learningRate": 0.5
			}""";

	private ApiExamples() {
	}
}
