package lab.backprop.gradcheck;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import lab.backprop.Api;
import lab.backprop.HttpTestSupport;

/** POST /gradient-check. */
class GradientCheckApiIT extends HttpTestSupport {

	@ParameterizedTest
	@ValueSource(strings = { "seed", "two-layer", "xor", "softmax", "deep-tanh" })
	void passesOnEveryExample(String name) {
		ObjectNode body = Api.example(name);
		Api.Answer answer = api().post("/gradient-check", body);
		assertThat(answer.status()).isEqualTo(200);
		JsonNode check = answer.body();
		assertThat(check.get("passed").asBoolean()).as(check.toString()).isTrue();
		assertThat(check.get("tolerance").get("relative").doubleValue()).isEqualTo(1e-5);
		assertThat(check.get("tolerance").get("absolute").doubleValue()).isEqualTo(1e-8);
		assertThat(check.get("stepSize").asString()).contains("max(1, |θ|)");

		// The analytic side is /train-step's backward pass; the numeric side agrees with
		// it layer by layer.
		JsonNode step = api().post("/train-step", body).body();
		assertThat(check.get("loss").doubleValue()).isEqualTo(step.get("forward").get("loss").doubleValue());
		for (int i = 0; i < check.get("layers").size(); i++) {
			JsonNode layer = check.get("layers").get(i);
			assertThat(layer.get("weights").get("analytic"))
				.isEqualTo(step.get("backward").get("layers").get(i).get("dL_dW"));
			assertThat(layer.get("bias").get("analytic"))
				.isEqualTo(step.get("backward").get("layers").get(i).get("dL_db"));
			assertThat(layer.get("passed").asBoolean()).isTrue();
			assertThat(layer.get("maxAbsoluteError").doubleValue()).isLessThan(1e-8);
		}
	}

	/**
	 * For the seed, dL/dw_k = x_k · 2(a − y) a(1 − a) by hand; the numeric column must
	 * match it closely.
	 */
	@Test
	void theNumericGradientOfTheSeedMatchesTheChainRuleByHand() {
		JsonNode check = api().post("/gradient-check", Api.example("seed")).body();
		double z = 0.5 * 0.1 + 0.2 * -0.3 + 0.8 * 0.5 + 0.1;
		double a = 1 / (1 + Math.exp(-z));
		double dz = 2 * (a - 0.7) * a * (1 - a);
		double[] x = { 0.5, 0.2, 0.8 };
		JsonNode numeric = check.get("layers").get(0).get("weights").get("numeric");
		for (int k = 0; k < 3; k++) {
			assertThat(numeric.get(k).get(0).doubleValue()).isCloseTo(x[k] * dz,
					org.assertj.core.api.Assertions.within(1e-10));
		}
		assertThat(check.get("layers").get(0).get("bias").get("numeric").get(0).doubleValue()).isCloseTo(dz,
				org.assertj.core.api.Assertions.within(1e-10));
	}

	@Test
	void aBadBodyIsA400WithPointers() {
		ObjectNode body = Api.example("seed");
		body.remove("label");
		Api.Answer answer = api().post("/gradient-check", body);
		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.body().get("errors").get(0).get("pointer").asString()).isEqualTo("/label");
	}

}
