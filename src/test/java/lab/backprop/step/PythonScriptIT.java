package lab.backprop.step;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
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
 * {@code Accept: text/x-python}: the script, run with the machine's python3 and numpy,
 * prints the seed's numbers in the seed's order, and with {@code --json} the /train-step
 * answer, every number within 1e-12 relative (plus 1e-15 absolute) of the service's, for
 * every example and every optimizer continued from a state; the PyTorch script the same
 * where torch is installed (.ci/python-scripts installs it and runs many more networks).
 */
class PythonScriptIT extends HttpTestSupport {

	Api.Answer script(String body, String query, String language) {
		return api().exchange(HttpMethod.POST, "/train-step" + query, headers -> {
			headers.setContentType(MediaType.APPLICATION_JSON);
			headers.setAccept(List.of(MediaType.parseMediaType("text/x-python")));
			if (language != null) {
				headers.set(HttpHeaders.ACCEPT_LANGUAGE, language);
			}
		}, body);
	}

	/** The script of {@code body} agrees with the service's JSON, number by number. */
	void agrees(String body, String framework) throws Exception {
		Api.Answer answer = script(body, "?framework=" + framework, null);
		assertThat(answer.status()).as(answer.text()).isEqualTo(200);
		assertThat(answer.contentType()).startsWith("text/x-python");
		JsonNode mine = JSON.readTree(Python.runScript(answer.text(), "--json"));
		JsonNode service = api().post("/train-step", body).json();
		List<String> differences = new ArrayList<>();
		compare(mine, service, "", differences);
		assertThat(differences).as(framework + " script of " + body).isEmpty();
	}

	static void compare(JsonNode mine, JsonNode service, String path, List<String> differences) {
		if (service.isObject()) {
			for (Map.Entry<String, JsonNode> field : service.properties()) {
				JsonNode other = mine == null ? null : mine.get(field.getKey());
				if (other == null) {
					differences.add(path + "/" + field.getKey() + " missing");
				}
				else {
					compare(other, field.getValue(), path + "/" + field.getKey(), differences);
				}
			}
		}
		else if (service.isArray()) {
			if (!mine.isArray() || mine.size() != service.size()) {
				differences.add(path + ": " + mine + " is not shaped like " + service);
				return;
			}
			for (int i = 0; i < service.size(); i++) {
				compare(mine.get(i), service.get(i), path + "/" + i, differences);
			}
		}
		else if (service.isNumber()) {
			double a = mine.asDouble();
			double b = service.asDouble();
			if (!mine.isNumber() || Math.abs(a - b) > 1e-12 * Math.abs(b) + 1e-15) {
				differences.add(path + ": script " + mine + ", service " + service);
			}
		}
		else if (!service.equals(mine)) {
			differences.add(path + ": script " + mine + ", service " + service);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "seed", "two-layer", "xor", "softmax", "deep-tanh" })
	void theNumpyScriptOfEveryExampleGivesTheServicesNumbers(String example) throws Exception {
		agrees(Api.example(example).toString(), "numpy");
	}

	/** Every optimizer, the second step continued from the first one's state. */
	@ParameterizedTest
	@ValueSource(strings = { "{\"type\": \"momentum\", \"dampening\": 0.2}", "{\"type\": \"nesterov\"}",
			"{\"type\": \"adam\", \"weightDecay\": 0.01}",
			"{\"type\": \"rmsprop\", \"centered\": true, \"momentum\": 0.5}" })
	void theNumpyScriptContinuesEveryOptimizerFromItsState(String optimizer) throws Exception {
		ObjectNode body = Api.example("xor");
		body.set("optimizer", JSON.readTree(optimizer));
		JsonNode first = api().post("/train-step", body).json();
		body.set("layers", first.at("/update/layers"));
		body.set("optimizerState", first.get("optimizerState"));
		agrees(body.toString(), "numpy");
	}

	@Test
	void theSeedsScriptPrintsTheSeedsNumbersInTheSeedsOrder() throws Exception {
		Api.Answer answer = script(SeedValues.REQUEST, "", null);
		assertThat(answer.header(HttpHeaders.CONTENT_LANGUAGE)).isEqualTo("en");
		assertThat(answer.text()).startsWith("#!/usr/bin/env python3")
			.contains("import numpy as np")
			.doesNotContain("torch");
		List<String> lines = Python.runScript(answer.text()).lines().toList();
		List<String> labels = lines.stream()
			.filter(l -> l.contains(":"))
			.map(l -> l.substring(0, l.indexOf(':')))
			.toList();
		assertThat(labels).containsSubsequence("z1 (weighted sum of layer 1)", "a1 (output of layer 1)",
				"ŷ (prediction)", "L (loss)", "dL/dŷ", "dA/dZ1 (slope of the activation of layer 1)", "dL/dZ1",
				"dL/dW1", "dL/db1", "W1 new", "b1 new", "ŷ new (prediction after the step)",
				"L new (loss after the step)");
		String output = String.join("\n", lines);
		assertThat(output).contains("L (loss): " + SeedValues.scalar("loss"))
			.contains("dL/dŷ: [[" + SeedValues.scalar("dL_d_pred") + "]]")
			.contains("L new (loss after the step): " + SeedValues.scalar("loss_updated"));
	}

	@Test
	void theCommentsAndLabelsAreInTheRequestsLanguage() throws Exception {
		Api.Answer answer = script(SeedValues.REQUEST, "", "ru");
		assertThat(answer.header(HttpHeaders.CONTENT_LANGUAGE)).isEqualTo("ru");
		assertThat(answer.text()).contains("# --- 3. Прямое распространение ---", "взвешенная сумма слоя 1");
		assertThat(Python.runScript(answer.text())).contains("L (функция потерь): " + SeedValues.scalar("loss"));
	}

	@Test
	void anUnknownFrameworkIsA400NamingTheParameter() {
		Api.Answer answer = script(SeedValues.REQUEST, "?framework=jax", null);
		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.isProblem()).isTrue();
		assertThat(answer.json().get("parameter").asString()).isEqualTo("framework");
		assertThat(script(SeedValues.REQUEST, "?framework=PyTorch", null).status()).as("case-insensitive")
			.isEqualTo(200);
	}

	/** Where torch is not installed this is reported as skipped, with the reason. */
	@ParameterizedTest
	@ValueSource(strings = { "seed", "two-layer", "softmax", "deep-tanh" })
	void thePyTorchScriptGivesTheServicesNumbers(String example) throws Exception {
		Process probe = new ProcessBuilder("python3", "-c", "import torch").start();
		assumeThat(probe.waitFor() == 0)
			.as("torch is installed for python3 (python3 -m pip install --no-deps "
					+ "--no-index torch); .ci/python-scripts installs it and compares the PyTorch scripts")
			.isTrue();
		String script = script(Api.example(example).toString(), "?framework=pytorch", null).text();
		assertThat(script).contains("import torch", "loss.backward()", "torch.optim.SGD");
		agrees(Api.example(example).toString(), "pytorch");
	}

}
