package lab.backprop.step;

import static lab.backprop.NumericAssertions.assertClose;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import lab.backprop.Api;
import lab.backprop.HttpTestSupport;
import lab.backprop.SeedValues;

/**
 * {@code regularization} on /train-step, /gradient-check and /train, on the seed: its
 * data loss is the seed's own loss, its penalty is worked by hand, and dL/dW is the
 * seed's plus the penalty's derivative as PyTorch's autograd forms it (λ·sign(w) for l1,
 * λ·w for l2).
 */
class RegularizationApiIT extends HttpTestSupport {

	private static final double[] W = { 0.1, -0.3, 0.5 };

	private static ObjectNode seed(String type, double rate) {
		ObjectNode body = Api.object(SeedValues.REQUEST);
		body.set("regularization", Api.object("{\"type\": \"" + type + "\", \"rate\": " + rate + "}"));
		return body;
	}

	@Test
	void theLossShowsItsDataPartAndThePenaltyAndTheGradientTheirSum() {
		double seedLoss = SeedValues.scalar("loss");
		double[] seedGradient = SeedValues.column("dL_dW");
		for (String type : new String[] { "l1", "L2" }) {
			double lambda = 0.1;
			JsonNode step = api().post("/train-step", seed(type, lambda)).body();
			JsonNode forward = step.get("forward");
			double penalty = type.equals("l1") ? lambda * (0.1 + 0.3 + 0.5) : lambda / 2 * (0.01 + 0.09 + 0.25);
			assertClose(type + " dataLoss", forward.get("dataLoss").doubleValue(), seedLoss, 1e-12);
			assertClose(type + " penalty", forward.get("penalty").doubleValue(), penalty, 1e-12);
			assertClose(type + " loss", forward.get("loss").doubleValue(), seedLoss + penalty, 1e-12);
			JsonNode dw = step.get("backward").get("layers").get(0).get("dL_dW");
			for (int m = 0; m < 3; m++) {
				double derivative = type.equals("l1") ? lambda * Math.signum(W[m]) : lambda * W[m];
				assertClose(type + " dL/dW" + m, dw.get(m).get(0).doubleValue(), seedGradient[m] + derivative, 1e-12);
			}
			// the bias is not penalised: the seed's own dL/db
			assertClose(type + " dL/db", step.get("backward").get("layers").get(0).get("dL_db").get(0).doubleValue(),
					SeedValues.scalar("dL_db"), 1e-12);
			// the step lowers the objective: the new loss is the new data loss plus the
			// new
			// penalty
			JsonNode after = step.get("after");
			assertThat(after.get("loss").doubleValue())
				.isEqualTo(after.get("dataLoss").doubleValue() + after.get("penalty").doubleValue());
			assertThat(after.get("lossChange").doubleValue()).isNegative();
		}
		// without it, the answer is the seed's as before: no dataLoss, no penalty
		JsonNode plain = api().post("/train-step", SeedValues.REQUEST).body().get("forward");
		assertThat(plain.has("dataLoss")).isFalse();
		assertThat(plain.has("penalty")).isFalse();
	}

	@Test
	void theGradientCheckSeesThePenalty() {
		JsonNode check = api().post("/gradient-check", seed("l1", 0.2)).body();
		assertThat(check.get("passed").asBoolean()).isTrue();
		JsonNode step = api().post("/train-step", seed("l1", 0.2)).body();
		assertThat(check.get("layers").get(0).get("weights").get("analytic"))
			.isEqualTo(step.get("backward").get("layers").get(0).get("dL_dW"));
		assertThat(check.get("loss").doubleValue()).isEqualTo(step.get("forward").get("loss").doubleValue());
	}

	@Test
	void explanationsAndTheWorkedSolutionShowThePenaltyInBothLanguages() {
		JsonNode explained = api().post("/train-step?explain=true", seed("l2", 0.1)).body().get("explanations");
		JsonNode forward = explained.get("forward");
		assertThat(forward.get("penalty").get("formula").asString()).isEqualTo("P = (λ/2)·Σw²");
		assertThat(forward.get("penalty").get("substituted").asString())
			.startsWith("P = (0.1/2)·[0.1² + (−0.3)² + 0.5²] = ");
		assertThat(forward.get("loss").get("formula").asString()).isEqualTo("L = L_data + P");
		assertThat(forward.get("loss").get("substituted").asString()).contains("L_data = ").contains("; P = ");
		assertThat(forward.get("dataLoss").get("substituted").asString()).startsWith("L_data = ");
		JsonNode dw = explained.get("backward").get("layers").get(0).get("dL_dW");
		assertThat(dw.get("formula").asString()).isEqualTo("dL/dW = xᵀ·dL/dZ + λ·W");
		assertThat(dw.get("substituted").asString()).contains(" + 0.1·(−0.3) = ");
		assertThat(dw.get("meaning").asString()).contains("L2 penalty");

		Api.Answer russian = api().exchange(HttpMethod.POST, "/train-step?explain=true", headers -> {
			headers.setContentType(MediaType.APPLICATION_JSON);
			headers.set(HttpHeaders.ACCEPT_LANGUAGE, "ru");
		}, seed("l1", 0.1).toString());
		assertThat(russian.body().get("explanations").get("forward").get("penalty").get("meaning").asString())
			.contains("Штраф L1");

		Api.Answer markdown = api().exchange(HttpMethod.POST, "/train-step", headers -> {
			headers.setContentType(MediaType.APPLICATION_JSON);
			headers.set(HttpHeaders.ACCEPT, "text/markdown");
		}, seed("l1", 0.1).toString());
		assertThat(markdown.status()).isEqualTo(200);
		assertThat(markdown.text()).contains("Regularization: l1, λ = $0.1$")
			.contains("### Penalty on the weights P")
			.contains("### Data loss L_data")
			.contains("$P = \\lambda \\sum \\lvert w \\rvert$")
			.contains("\\operatorname{sign}(-0.3)");
	}

	@Test
	void trainingMinimisesTheObjectiveAndReportsItsDataPart() {
		ObjectNode body = Api.example("xor");
		body.set("regularization", Api.object("{\"type\": \"l2\", \"rate\": 0.001}"));
		body.put("steps", 50);
		body.put("recordEvery", 25);
		JsonNode run = api().post("/train", body).body();
		assertThat(run.get("history")).hasSize(3).allSatisfy(point -> assertThat(point.has("dataLoss")).isTrue());
		// the final loss is what /train-step computes for the final layers: its objective
		ObjectNode next = Api.example("xor");
		next.set("regularization", body.get("regularization"));
		next.set("layers", run.get("layers"));
		JsonNode forward = api().post("/train-step", next).body().get("forward");
		assertThat(run.get("loss").doubleValue()).isEqualTo(forward.get("loss").doubleValue());
		assertThat(run.get("dataLoss").doubleValue()).isEqualTo(forward.get("dataLoss").doubleValue());
		assertThat(run.get("loss").doubleValue()).isGreaterThan(run.get("dataLoss").doubleValue());
	}

	@Test
	void badRegularizationsAreProblemsWithPointers() {
		assertError("{\"type\": \"l3\", \"rate\": 0.1}", "/regularization/type", "allowed: l1, l2");
		assertError("{\"type\": \"l1\", \"rate\": -0.1}", "/regularization/rate", "≥ 0");
		assertError("{\"type\": \"l1\"}", "/regularization/rate", "is required");
		assertError("{\"rate\": 0.1}", "/regularization/type", "is required");
		assertError("{\"type\": \"l1\", \"rate\": 0.1, \"lambda\": 2}", "/regularization/lambda", "");
	}

	private void assertError(String regularization, String pointer, String message) {
		ObjectNode body = Api.object(SeedValues.REQUEST);
		body.set("regularization", Api.object(regularization));
		Api.Answer answer = api().post("/train-step", body);
		assertThat(answer.status()).as(regularization).isEqualTo(400);
		assertThat(answer.contentType()).startsWith("application/problem+json");
		assertThat(answer.body().get("errors")).as(answer.text()).anySatisfy(e -> {
			assertThat(e.get("pointer").asString()).isEqualTo(pointer);
			assertThat(e.get("message").asString()).contains(message);
		});
	}

}
