package lab.backprop.start;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import lab.backprop.Api;
import lab.backprop.HttpTestSupport;

/**
 * Values of every wrong kind in every field of a /predict body and every query parameter
 * of /initial-layers: never a 5xx, always problem+json, and a 400 that points into the
 * field (or names the parameter) that was spoilt.
 */
class StartRobustnessIT extends HttpTestSupport {

	static final List<String> VALUES = List.of("null", "true", "\"x\"", "\"NaN\"", "1e999", "-1", "1.5",
			"99999999999999999999", "[]", "{}", "[null]", "[[1, 2], [3]]", "{\"a\": 1}");

	static final List<String> FIELDS = List.of("/inputs", "/inputs/0", "/inputs/0/0", "/layers", "/layers/0",
			"/layers/0/weights", "/layers/0/weights/0", "/layers/0/weights/0/1", "/layers/0/bias", "/layers/1/bias/0",
			"/layers/1/activation", "/label", "/label/0", "/label/0/1", "/loss");

	static final List<String> PARAMETER_VALUES = List.of("", "x", "-1", "0", "1.5", "1e3", "NaN",
			"99999999999999999999", ",", "2,,1", " 2", "2 ", "\u00a0", "%", "tanh,tanh", "sigmoid");

	@Test
	void noValueInAPredictFieldBreaksIt() {
		ObjectNode base = Api.object(PredictController.TWO_LAYER);
		List<String> failures = new ArrayList<>();
		for (String value : VALUES) {
			for (String field : FIELDS) {
				ObjectNode body = base.deepCopy();
				set(body, field, Api.JSON.readTree(value));
				Api.Answer answer = api().post("/predict", body);
				String what = field + " = " + value + " -> " + answer.status() + " " + answer.text();
				if (answer.status() >= 500) {
					failures.add(what);
				}
				else if (answer.status() != 200 && !answer.isProblem()) {
					failures.add(what + " (not problem+json)");
				}
				else if (answer.status() == 400) {
					String top = field.indexOf('/', 1) < 0 ? field : field.substring(0, field.indexOf('/', 1));
					// a number for the one row makes `inputs` one example of one feature:
					// a valid form, which the first layer's weights then do not fit
					boolean flatInputs = field.equals("/inputs/0") && Api.JSON.readTree(value).isNumber();
					String expected = flatInputs ? top + " or /layers/0/weights" : top;
					if (answer.pointers()
						.stream()
						.noneMatch(pointer -> pointer.startsWith(top)
								|| (flatInputs && pointer.equals("/layers/0/weights")))) {
						failures.add(what + " (no pointer into " + expected + ")");
					}
				}
			}
		}
		assertThat(failures).isEmpty();
	}

	@Test
	void noValueOfAQueryParameterBreaksInitialLayers() {
		List<String> failures = new ArrayList<>();
		for (String parameter : List.of("sizes", "activations", "init", "seed")) {
			for (String value : PARAMETER_VALUES) {
				String query = "sizes=2,3,1&activations=tanh,sigmoid&init=he&seed=1".replaceAll(parameter + "=[^&]*",
						parameter + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
				Api.Answer answer = api().get("/initial-layers?" + query);
				String what = query + " -> " + answer.status() + " " + answer.text();
				if (answer.status() >= 500 || (answer.status() != 200 && !answer.isProblem())) {
					failures.add(what);
				}
				else if (answer.status() == 400 && !parameter.equals(answer.body().path("parameter").asString())) {
					failures.add(what + " (does not name " + parameter + ")");
				}
			}
		}
		assertThat(failures).isEmpty();
	}

	private static void set(ObjectNode root, String pointer, JsonNode value) {
		int slash = pointer.lastIndexOf('/');
		JsonNode parent = root.at(pointer.substring(0, slash));
		String last = pointer.substring(slash + 1);
		if (parent instanceof ObjectNode object) {
			object.set(last, value);
		}
		else if (parent instanceof ArrayNode array) {
			array.set(Integer.parseInt(last), value);
		}
		else {
			throw new IllegalArgumentException("no container at " + pointer);
		}
	}

}
