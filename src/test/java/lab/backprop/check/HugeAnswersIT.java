package lab.backprop.check;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import lab.backprop.Api;
import lab.backprop.HttpTestSupport;

/**
 * An answer near the largest double is judged wrong, and the verdict's distances stay
 * numbers: |−1e308 − 0.49| / 0.49 overflows a double, and came back as the string
 * "Infinity" in a 200. Found by MalformedRequestsPropertyIT.
 */
class HugeAnswersIT extends HttpTestSupport {

	@Test
	void aRelativeErrorTooLargeForADoubleIsTheLargestDouble() {
		Api.Answer answer = api().post("/check", """
				{"inputs": [[0.5, 0.2, 0.8]], "weights": [[0.1], [-0.3], [0.5]], "bias": [[0.1]], "label": [[0.7]],
				 "learningRate": 0.1, "answers": {"/forward/layers/0/z": -1e308, "/forward/loss": 1.7e308}}""");
		assertThat(answer.status()).isEqualTo(200);
		JsonNode z = answer.json().get("answers").get(0);
		assertThat(z.get("correct").asBoolean()).isFalse();
		assertThat(z.get("maxAbsoluteError").isNumber()).isTrue();
		assertThat(z.get("maxAbsoluteError").asDouble()).isEqualTo(1e308);
		assertThat(z.get("maxRelativeError").isNumber()).isTrue();
		assertThat(z.get("maxRelativeError").asDouble()).isEqualTo(Double.MAX_VALUE);
		JsonNode loss = answer.json().get("answers").get(1);
		assertThat(loss.get("maxRelativeError").asDouble()).isEqualTo(Double.MAX_VALUE);
		assertThat(answer.text()).doesNotContain("Infinity");
	}

}
