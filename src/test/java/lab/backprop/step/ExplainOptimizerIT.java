package lab.backprop.step;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import tools.jackson.databind.JsonNode;

import lab.backprop.Api;
import lab.backprop.HttpTestSupport;
import lab.backprop.SeedValues;

/**
 * With another optimizer than plain gradient descent, the explanation of the update must
 * not claim θ − η·dL/dθ: it names the optimizer and shows the change it made.
 */
class ExplainOptimizerIT extends HttpTestSupport {

	static final String SEED_ADAM = SeedValues.REQUEST.replace("\"learningRate\": 0.1",
			"\"learningRate\": 0.1, \"optimizer\": {\"type\": \"adam\"}");

	Api.Answer call(String body, String language, MediaType accept) {
		Api.Answer response = api().exchange(HttpMethod.POST, "/train-step?explain=true", headers -> {
			headers.setContentType(MediaType.APPLICATION_JSON);
			headers.setAccept(List.of(accept));
			headers.set(HttpHeaders.ACCEPT_LANGUAGE, language);
		}, body);
		assertThat(response.status()).as(response.text()).isEqualTo(200);
		return response;
	}

	@ParameterizedTest
	@ValueSource(strings = { "en", "ru" })
	void theUpdateOfAdamIsExplainedAsItsOwnStep(String language) throws Exception {
		JsonNode body = JSON.readTree(call(SEED_ADAM, language, MediaType.APPLICATION_JSON).text());
		JsonNode weights = body.at("/explanations/update/layers/0/weights");
		assertThat(weights.get("formula").asString()).isEqualTo("W′ = W + ΔW").doesNotContain("η");
		assertThat(weights.get("meaning").asString()).contains("adam");
		String[] rules = weights.get("substituted").asString().split("; ");
		assertThat(rules).hasSize(3);
		for (int k = 0; k < 3; k++) {
			double before = new double[] { 0.1, -0.3, 0.5 }[k];
			double after = body.at("/update/layers/0/weights/" + k + "/0").doubleValue();
			// Adam's first step moves every parameter by about η = 0.1 against its
			// gradient (all negative here)
			assertThat(after - before).isCloseTo(0.1, org.assertj.core.api.Assertions.within(1e-6));
			// written as the JSON writes it, with a typographic minus
			assertThat(rules[k])
				.endsWith("= " + body.at("/update/layers/0/weights/" + k + "/0").toString().replaceFirst("^-", "−"));
		}
		JsonNode bias = body.at("/explanations/update/layers/0/bias");
		assertThat(bias.get("formula").asString()).isEqualTo("b′ = b + Δb");
		assertThat(bias.get("meaning").asString()).contains("adam");
	}

	@Test
	void plainGradientDescentIsStillSpelledOut() throws Exception {
		String sgd = SEED_ADAM.replace("\"adam\"", "\"sgd\"");
		JsonNode weights = JSON.readTree(call(sgd, "en", MediaType.APPLICATION_JSON).text())
			.at("/explanations/update/layers/0/weights");
		assertThat(weights.get("formula").asString()).isEqualTo("W′ = W − η·dL/dW");
	}

	@Test
	void theWorkedSolutionOfAdamShowsTheStep() throws Exception {
		String markdown = call(SEED_ADAM, "en", MediaType.parseMediaType("text/markdown")).text();
		assertThat(markdown).contains("\\Delta W").contains("adam");
	}

}
