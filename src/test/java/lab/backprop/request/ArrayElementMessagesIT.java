package lab.backprop.request;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import lab.backprop.Api;
import lab.backprop.HttpTestSupport;
import lab.backprop.SeedValues;

/**
 * A wrong element of a number array that Jackson reads itself (the optimizer's
 * {@code betas}, an optimizer state's buffers) is named for what it should be, a number:
 * it was "must be an array, not a string", the array's type, at the element's pointer. A
 * string where such an array belongs is refused as one, not decoded as base64. Found
 * while fuzzing.
 */
class ArrayElementMessagesIT extends HttpTestSupport {

	@Test
	void aStringAmongTheBetasMustBeANumber() {
		Api.Answer answer = api().post("/train-step", SeedValues.REQUEST.replace("\"learningRate\": 0.1",
				"\"learningRate\": 0.1, \"optimizer\": {\"type\": \"adam\", \"betas\": [0.9, \"x\"]}"));
		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.pointers()).containsExactly("/optimizer/betas/1");
		assertThat(answer.json().get("errors").get(0).get("message").asString())
			.isEqualTo("must be a number, not a string");
	}

	@Test
	void theBetasThemselvesMustStillBeAnArray() {
		Api.Answer answer = api().post("/train-step", SeedValues.REQUEST.replace("\"learningRate\": 0.1",
				"\"learningRate\": 0.1, \"optimizer\": {\"type\": \"adam\", \"betas\": \"x\"}"));
		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.pointers()).containsExactly("/optimizer/betas");
		assertThat(answer.json().get("errors").get(0).get("message").asString())
			.isEqualTo("must be an array, not a string");
	}

	@Test
	void aBase64StringIsNotTakenForTheBetas() {
		// Jackson 3 reads a string as a base64 "binary vector": this one was [0.0]
		Api.Answer answer = api().post("/train-step", SeedValues.REQUEST.replace("\"learningRate\": 0.1",
				"\"learningRate\": 0.1, \"optimizer\": {\"type\": \"adam\", \"betas\": \"AAAAAAAAAAA=\"}"));
		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.pointers()).containsExactly("/optimizer/betas");
		assertThat(answer.json().get("errors").get(0).get("message").asString())
			.isEqualTo("must be an array, not a string");
	}

	@Test
	void aStringForARowOfAStateBufferMustBeAnArray() {
		Api.Answer answer = api().post("/train-step", SeedValues.REQUEST.replace("\"learningRate\": 0.1", """
				"learningRate": 0.1, "optimizer": {"type": "adam"}, "optimizerState": {"type": "adam", "step": 1,
				 "layers": [{"weights": {"expAvg": [[0.1], "x", [0.1]], "expAvgSq": [[0.1], [0.1], [0.1]]},
				  "bias": {"expAvg": [0.1], "expAvgSq": [0.1]}}]}"""));
		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.pointers()).containsExactly("/optimizerState/layers/0/weights/expAvg/1");
		assertThat(answer.json().get("errors").get(0).get("message").asString())
			.isEqualTo("must be an array, not a string");
	}

	@Test
	void aWrongNumberInAStateBufferMustBeANumber() {
		Api.Answer answer = api().post("/train-step", SeedValues.REQUEST.replace("\"learningRate\": 0.1", """
				"learningRate": 0.1, "optimizer": {"type": "adam"}, "optimizerState": {"type": "adam", "step": 1,
				 "layers": [{"weights": {"expAvg": [[0.1], [true], [0.1]], "expAvgSq": [[0.1], [0.1], [0.1]]},
				  "bias": {"expAvg": [0.1], "expAvgSq": [0.1]}}]}"""));
		assertThat(answer.pointers()).containsExactly("/optimizerState/layers/0/weights/expAvg/1/0");
		assertThat(answer.json().get("errors").get(0).get("message").asString())
			.isEqualTo("must be a number, not a boolean");
	}

}
