package lab.backprop.step;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import lab.backprop.Api;
import lab.backprop.HttpTestSupport;
import lab.backprop.Python;
import lab.backprop.SeedValues;

/**
 * The scripts of {@code Accept: text/x-python} where the numbers are hard: a regularized
 * step (the penalty in the loss, {@code dataLoss} and {@code penalty} in the JSON,
 * λ·sign(w) or λ·w in dL/dW), numpy and PyTorch; and networks whose output layer is
 * saturated, where the engine computes ŷ − y, ln ŷ and the softmax Jacobian without
 * cancellation and the numpy script must take the same forms: there the output layer's
 * values are held to 1e-12 relative without the contract's 1e-15 absolute slack, which
 * would hide a cancelled difference.
 */
class PythonScriptNumericsIT extends HttpTestSupport {

	/**
	 * Output layers far in saturation (|z| from 15 to 40) meeting labels of 0 and 1 (±1
	 * for tanh), under each loss whose exact form the engine keeps.
	 */
	private static final String SATURATED = """
			{"sigmoid-mse": {"inputs": [[1.0, 2.0], [-1.5, 0.5]], "layers": [
			   {"weights": [[0.5, -0.3], [0.2, 0.4]], "bias": [0.1, -0.2], "activation": "tanh"},
			   {"weights": [[6.0], [-4.0]], "bias": [36.0], "activation": "sigmoid"}],
			   "label": [[1], [1]], "loss": "mse", "learningRate": 0.1},
			 "sigmoid-bce": {"inputs": [[1.0, 2.0], [-1.5, 0.5]], "layers": [
			   {"weights": [[0.5, -0.3], [0.2, 0.4]], "bias": [0.1, -0.2], "activation": "tanh"},
			   {"weights": [[6.0], [-4.0]], "bias": [-36.0], "activation": "sigmoid"}],
			   "label": [[0], [1]], "loss": "binary_cross_entropy", "learningRate": 0.1},
			 "tanh-bce": {"inputs": [[1.0, 2.0], [-1.5, 0.5]], "layers": [
			   {"weights": [[0.5, -0.3], [0.2, 0.4]], "bias": [0.1, -0.2], "activation": "relu"},
			   {"weights": [[1.0], [2.0]], "bias": [19.0], "activation": "tanh"}],
			   "label": [[1], [0]], "loss": "binary_cross_entropy", "learningRate": 0.1},
			 "tanh-sse": {"inputs": [[1.0, 2.0], [-1.5, 0.5]], "layers": [
			   {"weights": [[0.5, -0.3], [0.2, 0.4]], "bias": [0.1, -0.2], "activation": "sigmoid"},
			   {"weights": [[1.0, -2.0], [2.0, 1.0]], "bias": [19.0, -20.0], "activation": "tanh"}],
			   "label": [[1, -1], [1, -1]], "loss": "sse", "learningRate": 0.01},
			 "softmax-ce": {"inputs": [[1.0, 2.0], [-1.5, 0.5]], "layers": [
			   {"weights": [[0.5, -0.3], [0.2, 0.4]], "bias": [0.1, -0.2], "activation": "tanh"},
			   {"weights": [[1.0, -1.0, 0.5], [0.5, 2.0, -1.0]], "bias": [38.0, 0.0, 1.0], "activation": "softmax"}],
			   "label": [[1, 0, 0], [1, 0, 0]], "loss": "cross_entropy", "learningRate": 0.1},
			 "softmax-mse": {"inputs": [[1.0, 2.0], [-1.5, 0.5]], "layers": [
			   {"weights": [[0.5, -0.3], [0.2, 0.4]], "bias": [0.1, -0.2], "activation": "tanh"},
			   {"weights": [[1.0, -1.0, 0.5], [0.5, 2.0, -1.0]], "bias": [30.0, 0.0, 1.0], "activation": "softmax"}],
			   "label": [[1, 0, 0], [0, 1, 0]], "loss": "mse", "learningRate": 0.1},
			 "softmax-bce": {"inputs": [[1.0, 2.0]], "layers": [
			   {"weights": [[1.0, -1.0], [0.5, 2.0]], "bias": [30.0, 0.0], "activation": "softmax"}],
			   "label": [[1, 0]], "loss": "binary_cross_entropy", "learningRate": 0.1}}""";

	Api.Answer script(String body, String framework, String language) {
		return api().exchange(HttpMethod.POST, "/train-step?framework=" + framework, headers -> {
			headers.setContentType(MediaType.APPLICATION_JSON);
			headers.setAccept(List.of(MediaType.parseMediaType("text/x-python")));
			headers.set(HttpHeaders.ACCEPT_LANGUAGE, language);
		}, body);
	}

	/** The script's --json answer beside the service's, every number compared. */
	JsonNode agrees(String body, String framework) throws Exception {
		Api.Answer answer = script(body, framework, "en");
		assertThat(answer.status()).as(answer.text()).isEqualTo(200);
		JsonNode mine = JSON.readTree(Python.runScript(answer.text(), "--json"));
		JsonNode service = api().post("/train-step", body).json();
		List<String> differences = new ArrayList<>();
		PythonScriptIT.compare(mine, service, "", differences);
		assertThat(differences).as(framework + " script of " + body).isEmpty();
		return mine;
	}

	@ParameterizedTest
	@CsvSource({ "two-layer, l2, 0.01", "softmax, l1, 0.05", "xor, l1, 0.001", "deep-tanh, l2, 0.1" })
	void theNumpyScriptOfARegularizedStepGivesTheServicesNumbers(String example, String type, double rate)
			throws Exception {
		JsonNode mine = agrees(regularized(Api.example(example), type, rate).toString(), "numpy");
		assertThat(mine.at("/forward/penalty").asDouble()).isPositive();
		assertThat(mine.at("/forward/loss").asDouble())
			.isEqualTo(mine.at("/forward/dataLoss").asDouble() + mine.at("/forward/penalty").asDouble());
	}

	/** Where torch is not installed this is reported as skipped, with the reason. */
	@ParameterizedTest
	@CsvSource({ "two-layer, l2, 0.01", "softmax, l1, 0.05", "xor, l1, 0.001" })
	void thePyTorchScriptOfARegularizedStepGivesTheServicesNumbers(String example, String type, double rate)
			throws Exception {
		Process probe = new ProcessBuilder("python3", "-c", "import torch").start();
		assumeThat(probe.waitFor() == 0)
			.as("torch is installed for python3 (python3 -m pip install --no-deps --no-index torch); "
					+ ".ci/python-scripts installs it and compares the PyTorch scripts")
			.isTrue();
		ObjectNode body = regularized(Api.example(example), type, rate);
		body.set("optimizer", JSON.readTree("{\"type\": \"adam\"}"));
		agrees(body.toString(), "pytorch");
	}

	/**
	 * The seed with (λ/2)·Σw², λ = 0.1: the script prints λ, the data loss (the seed's),
	 * the penalty and the loss, and dL/dW with λ·w, commented in the request's language.
	 */
	@Test
	void theSeedsRegularizedScriptPrintsThePenalty() throws Exception {
		String body = regularized((ObjectNode) JSON.readTree(SeedValues.REQUEST), "l2", 0.1).toString();
		String script = script(body, "numpy", "ru").text();
		assertThat(script).contains("penalty_rate = 0.1", "dL_dW1 = X.T @ dL_dZ1 + penalty_slope(W1)",
				"# коэффициент λ штрафа l2 на веса, P = (λ/2)·Σw²");
		String printed = Python.runScript(script);
		assertThat(printed).contains("λ (коэффициент штрафа): 0.1",
				"L_data (ошибка на данных): " + SeedValues.scalar("loss"), "P (штраф за веса): 0.017499999999999998");
		String loss = printed.lines().filter(line -> line.startsWith("L (функция потерь): ")).findFirst().orElseThrow();
		assertThat(Double.parseDouble(loss.substring(loss.indexOf(": ") + 2)))
			.isEqualTo(SeedValues.scalar("loss") + 0.1 / 2 * (0.1 * 0.1 + 0.3 * 0.3 + 0.5 * 0.5));
	}

	@Test
	void theNumpyScriptOfASaturatedOutputLayerKeepsEveryDigit() throws Exception {
		JsonNode cases = JSON.readTree(SATURATED);
		for (Map.Entry<String, JsonNode> c : cases.properties()) {
			String body = c.getValue().toString();
			JsonNode service = api().post("/train-step", body).json();
			int last = service.at("/forward/layers").size() - 1;
			JsonNode z = service.at("/forward/layers/" + last + "/z");
			for (JsonNode row : z) {
				double largest = 0;
				for (JsonNode v : row) {
					largest = Math.max(largest, Math.abs(v.asDouble()));
				}
				assertThat(largest).as(c.getKey() + ": the output layer is saturated").isGreaterThan(15);
			}
			JsonNode mine = agrees(body, "numpy");
			List<String> lost = new ArrayList<>();
			for (String pointer : List.of("/forward/prediction", "/forward/loss", "/backward/dL_dPrediction",
					"/backward/layers/" + last + "/dOutput_dZ", "/backward/layers/" + last + "/dL_dZ")) {
				exactly(mine.at(pointer), service.at(pointer), c.getKey() + pointer, lost);
			}
			assertThat(lost).as("the digits a saturated output keeps").isEmpty();
		}
	}

	/** Within 1e-12 relative, an exact 0 for a 0. */
	private static void exactly(JsonNode mine, JsonNode service, String path, List<String> lost) {
		if (service.isArray()) {
			for (int i = 0; i < service.size(); i++) {
				exactly(mine.get(i), service.get(i), path + "/" + i, lost);
			}
		}
		else if (service.isNumber()
				&& Math.abs(mine.asDouble() - service.asDouble()) > 1e-12 * Math.abs(service.asDouble())) {
			lost.add(path + ": script " + mine + ", service " + service);
		}
	}

	private static ObjectNode regularized(ObjectNode body, String type, double rate) {
		body.set("regularization", JSON.readTree("{\"type\": \"" + type + "\", \"rate\": " + rate + "}"));
		return body;
	}

}
