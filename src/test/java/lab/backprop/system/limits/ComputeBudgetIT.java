package lab.backprop.system.limits;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import lab.backprop.Api;
import lab.backprop.HttpTestSupport;

/**
 * The compute budgets, set low here. The XOR example has 2·4 + 4 + 4·1 + 1 = 17
 * parameters and a batch of 4, so a /train step costs 17 × 4 = 68.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "backprop.limits.max-train-work=6800", "backprop.limits.max-gradient-check-work=86700" })
class ComputeBudgetIT extends HttpTestSupport {

	@Test
	void trainingJustWithinTheBudgetRuns() {
		Api.Answer answer = train(100); // 100 × 17 × 4 = 6800
		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.body().get("stepsRun").asInt()).isEqualTo(100);
	}

	@Test
	void trainingJustOverTheBudgetIsA413NamingIt() {
		Api.Answer answer = train(101); // 101 × 17 × 4 = 6868
		assertThat(answer.status()).isEqualTo(413);
		assertThat(answer.contentType()).startsWith("application/problem+json");
		JsonNode problem = answer.body();
		assertThat(problem.get("limit").asString()).isEqualTo("backprop.limits.max-train-work");
		assertThat(problem.get("budget").asLong()).isEqualTo(6800);
		assertThat(problem.get("work").asLong()).isEqualTo(6868);
		assertThat(problem.get("detail").asString()).contains("steps × parameters × batch = 101 × 17 × 4 = 6868")
			.contains("backprop.limits.max-train-work = 6800");
	}

	/**
	 * The gradient check has a budget of its own (86,700 here): the deep example, over
	 * the training budget, is within it; one example more is over it.
	 */
	@Test
	void theGradientCheckHasABudgetOfItsOwn() {
		// The deep example: 2·3 + 3 + 6 × (3·3 + 3) + 3·1 + 1 = 85 parameters, batch 4: 3
		// × 85 × 85 × 4 = 86700.
		assertThat(api().post("/gradient-check", Api.example("deep-tanh")).status()).isEqualTo(200);
		ObjectNode five = Api.example("deep-tanh");
		((tools.jackson.databind.node.ArrayNode) five.get("inputs")).add(five.get("inputs").get(0));
		((tools.jackson.databind.node.ArrayNode) five.get("label")).add(five.get("label").get(0));
		Api.Answer answer = api().post("/gradient-check", five);
		assertThat(answer.status()).isEqualTo(413);
		assertThat(answer.body().get("limit").asString()).isEqualTo("backprop.limits.max-gradient-check-work");
		assertThat(answer.body().get("work").asLong()).isEqualTo(3L * 85 * 85 * 5);
	}

	private Api.Answer train(int steps) {
		ObjectNode body = Api.example("xor");
		body.put("steps", steps);
		return api().post("/train", body);
	}

}
