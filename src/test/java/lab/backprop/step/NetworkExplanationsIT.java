package lab.backprop.step;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import tools.jackson.databind.JsonNode;

import lab.backprop.Api;
import lab.backprop.HttpTestSupport;

/**
 * {@code ?explain=true} sees the whole network: the deep tanh example's answer says
 * "vanishing" in its summary, and explains each layer's gradient scale and update.
 */
class NetworkExplanationsIT extends HttpTestSupport {

	@ParameterizedTest
	@CsvSource({ "en, Vanishing gradients", "ru, Затухающие градиенты" })
	void theDeepTanhExampleSaysVanishing(String language, String summary) {
		Api.Answer answer = api().exchange(HttpMethod.POST, "/train-step?explain=true", headers -> {
			headers.setContentType(MediaType.APPLICATION_JSON);
			headers.set(HttpHeaders.ACCEPT_LANGUAGE, language);
		}, Api.example("deep-tanh").toString());
		assertThat(answer.status()).isEqualTo(200);
		JsonNode explanations = answer.json().get("explanations");
		assertThat(explanations.get("summary").asString()).startsWith(summary);
		JsonNode layers = explanations.at("/network/layers");
		assertThat(layers).hasSize(8);
		assertThat(layers.get(0).at("/gradientScale/substituted").asString()).startsWith("rms(dL/dW^(1))");
		assertThat(layers.get(0).has("deadUnits")).as("no dead units for tanh: left out").isFalse();
		assertThat(layers.get(7).at("/updateRatio/formula").asString()).startsWith("‖ΔW^(8)‖ / ‖W^(8)‖");
		assertThat(answer.text().indexOf("\"summary\"")).as("the summary comes first")
			.isLessThan(answer.text().indexOf("\"forward\":{\"layers\":[{\"z\""));
	}

}
