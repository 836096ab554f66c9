package lab.backprop.request;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import lab.backprop.Api;
import lab.backprop.Api.Answer;
import lab.backprop.HttpTestSupport;
import lab.backprop.SeedValues;

/**
 * A setting that does not apply to the optimizer's type is taken when it has the value
 * that changes nothing (a generated client may fill in every field), and the step is
 * exactly the one without it; any other value of it is still a 400 naming it.
 */
class NeutralOptimizerSettingsIT extends HttpTestSupport {

	private Answer step(String optimizer) {
		ObjectNode body = Api.object(SeedValues.REQUEST);
		body.set("optimizer", Api.object(optimizer));
		return postJson("/train-step", body.toString());
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = {
			"{\"type\": \"adam\", \"momentum\": 0, \"dampening\": 0, \"nesterov\": false, " + "\"centered\": false}",
			"{\"type\": \"rmsprop\", \"dampening\": 0.0, \"nesterov\": false}",
			"{\"type\": \"sgd\", \"centered\": false}", "{\"type\": \"nesterov\", \"dampening\": 0}" })
	void aNeutralValueChangesNothing(String optimizer) {
		Answer withNeutral = step(optimizer);
		assertThat(withNeutral.status()).as(withNeutral.text()).isEqualTo(200);
		String type = Api.object(optimizer).get("type").asString();
		Answer plain = step("{\"type\": \"" + type + "\"}");
		JsonNode expected = plain.json();
		assertThat(withNeutral.json().get("update")).isEqualTo(expected.get("update"));
		assertThat(withNeutral.json().get("after")).isEqualTo(expected.get("after"));
		assertThat(withNeutral.json().get("optimizerState")).isEqualTo(expected.get("optimizerState"));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			value = { "{\"type\": \"adam\", \"dampening\": 0.5}|/optimizer/dampening",
					"{\"type\": \"adam\", \"momentum\": 0.9}|/optimizer/momentum",
					"{\"type\": \"adam\", \"alpha\": 0.99}|/optimizer/alpha",
					"{\"type\": \"rmsprop\", \"nesterov\": true}|/optimizer/nesterov",
					"{\"type\": \"nesterov\", \"nesterov\": false}|/optimizer/nesterov" })
	void anyOtherValueIsStillRefused(String optimizer, String pointer) {
		Answer answer = step(optimizer);
		assertThat(answer.status()).as(answer.text()).isEqualTo(400);
		assertThat(answer.pointers()).containsExactly(pointer);
	}

}
