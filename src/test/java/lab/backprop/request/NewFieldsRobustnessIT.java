package lab.backprop.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import lab.backprop.Api;
import lab.backprop.HttpTestSupport;

/**
 * Values of every wrong kind in every field issue 5 added, on the endpoints that read
 * them: never a 5xx, always problem+json, and a 400 points into the field that was
 * spoilt.
 */
class NewFieldsRobustnessIT extends HttpTestSupport {

	static final List<String> VALUES = List.of("null", "true", "\"NaN\"", "1e999", "-1", "1.5", "99999999999999999999",
			"[]", "{}", "[null]", "[[1, 2], [3]]", "{\"a\": 1}");

	static final List<String> STEP_FIELDS = List.of("/optimizer", "/optimizer/type", "/optimizer/momentum",
			"/optimizer/betas", "/optimizer/eps", "/optimizer/weightDecay", "/optimizerState", "/optimizerState/type",
			"/optimizerState/step", "/optimizerState/layers", "/optimizerState/layers/0",
			"/optimizerState/layers/0/weights", "/optimizerState/layers/0/weights/expAvg",
			"/optimizerState/layers/0/weights/expAvg/0", "/optimizerState/layers/1/bias/expAvgSq",
			"/optimizerState/layers/1/bias/expAvgSq/1");

	static final List<String> TRAIN_FIELDS = List.of("/steps", "/targetLoss", "/recordEvery", "/trace");

	@Test
	void noValueInANewFieldBreaksAnEndpoint() {
		ObjectNode step = Api.example("two-layer");
		step.set("optimizer", Api.object("{\"type\": \"adam\", \"weightDecay\": 0.01}"));
		step.set("optimizerState", api().post("/train-step", step).body().get("optimizerState"));
		ObjectNode train = step.deepCopy();
		train.put("steps", 3);
		train.put("targetLoss", 0.0);
		train.put("recordEvery", 1);
		train.put("trace", false);

		List<String> failures = new ArrayList<>();
		for (String value : VALUES) {
			for (String field : STEP_FIELDS) {
				check("/train-step", step, field, value, failures);
				if (field.lastIndexOf('/') == 0) { // /gradient-check reads the body with
													// the same validator
					check("/gradient-check", step, field, value, failures);
				}
				check("/train", train, field, value, failures);
			}
			for (String field : TRAIN_FIELDS) {
				check("/train", train, field, value, failures);
			}
		}
		assertThat(failures).isEmpty();
	}

	private void check(String path, ObjectNode base, String field, String value, List<String> failures) {
		ObjectNode body = base.deepCopy();
		set(body, field, Api.JSON.readTree(value));
		Api.Answer answer = api().post(path, body);
		String what = path + " " + field + " = " + value + " -> " + answer.status() + " " + answer.body();
		if (answer.status() >= 500) {
			failures.add(what);
		}
		else if (answer.status() != 200 && !answer.contentType().startsWith("application/problem+json")) {
			failures.add(what + " (not problem+json)");
		}
		else if (answer.status() == 400) {
			String container = field.substring(0, field.indexOf('/', 1) < 0 ? field.length() : field.indexOf('/', 1));
			boolean pointsIn = false;
			for (JsonNode error : answer.body().get("errors")) {
				pointsIn |= error.get("pointer").asString().startsWith(container);
			}
			if (!pointsIn) {
				failures.add(what + " (no pointer into " + container + ")");
			}
		}
	}

	/** Sets the value at a JSON Pointer whose parent exists. */
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
