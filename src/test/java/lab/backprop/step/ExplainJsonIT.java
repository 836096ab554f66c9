package lab.backprop.step;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

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
 * {@code ?explain=true} on the seed, in English and Russian, and the response without it.
 */
class ExplainJsonIT extends HttpTestSupport {

	static final String SEED = SeedValues.REQUEST;

	Api.Answer call(String query, String body, String language) {
		return api().exchange(HttpMethod.POST, "/train-step" + query, headers -> {
			headers.setContentType(MediaType.APPLICATION_JSON);
			if (language != null) {
				headers.set(HttpHeaders.ACCEPT_LANGUAGE, language);
			}
		}, body);
	}

	JsonNode explained(String body, String language) throws Exception {
		Api.Answer response = call("?explain=true", body, language);
		assertThat(response.status()).as(response.text()).isEqualTo(200);
		return JSON.readTree(response.text());
	}

	@Test
	void theSeedsForwardRuleShowsTheSeedsNumbersAndZ049() throws Exception {
		JsonNode z = explained(SEED, null).at("/explanations/forward/layers/0/z");
		assertThat(z.get("formula").asString()).isEqualTo("z = x·W + b");
		assertThat(z.get("substituted").asString()).isEqualTo("z = 0.5·0.1 + 0.2·(−0.3) + 0.8·0.5 + 0.1 = 0.49");
	}

	@Test
	void theSeedInRussianShowsTheSameRuleAndNumbers() throws Exception {
		JsonNode z = explained(SEED, "ru").at("/explanations/forward/layers/0/z");
		assertThat(z.get("substituted").asString()).isEqualTo("z = 0.5·0.1 + 0.2·(−0.3) + 0.8·0.5 + 0.1 = 0.49");
		assertThat(z.get("meaning").asString()).contains("Взвешенная сумма");
	}

	/** Every value of the response is explained, by three non-empty texts. */
	@ParameterizedTest
	@ValueSource(strings = { "en", "ru" })
	void everyStepOfTheSeedHasAllThreeTexts(String language) throws Exception {
		JsonNode body = explained(SEED, language);
		JsonNode explanations = body.get("explanations");
		List<String> paths = List.of("/forward/layers/0/z", "/forward/layers/0/output", "/forward/loss",
				"/backward/dL_dPrediction", "/backward/layers/0/dL_dOutput", "/backward/layers/0/dOutput_dZ",
				"/backward/layers/0/dL_dZ", "/backward/layers/0/dL_dW", "/backward/layers/0/dL_db",
				"/backward/layers/0/dL_dInput", "/update/layers/0/weights", "/update/layers/0/bias",
				"/after/prediction", "/after/loss", "/after/lossChange");
		for (String path : paths) {
			JsonNode explanation = explanations.at(path);
			assertThat(explanation.isObject()).as(path).isTrue();
			for (String text : List.of("formula", "substituted", "meaning")) {
				assertThat(explanation.path(text).asString("")).as(path + "/" + text).isNotBlank();
			}
			// each element of the value the response shows at the same place ends one
			// substituted rule,
			// written exactly as the JSON writes it (with a typographic minus)
			List<String> elements = new ArrayList<>();
			numbers(body.at(path), elements);
			assertThat(elements).as(path).isNotEmpty();
			String[] rules = explanation.get("substituted").asString().split("; ");
			assertThat(rules).as(path).hasSameSizeAs(elements);
			for (int i = 0; i < rules.length; i++) {
				assertThat(rules[i]).as(path).endsWith("= " + elements.get(i).replaceFirst("^-", "−"));
			}
		}
		// besides them: the language, the summary, and the one layer's gradient scale and
		// update
		// ratio in explanations.network (three texts each; a sigmoid layer has no dead
		// units)
		assertThat(leaves(explanations)).as("nothing else is explained").hasSize(paths.size() * 3 + 2 + 2 * 3);
		assertThat(explanations.get("language").asString()).isEqualTo(language);
	}

	@Test
	void theSeedsTextsSpeakTheRequestedLanguageAndSayWhichInContentLanguage() throws Exception {
		Api.Answer english = call("?explain=true", SEED, null);
		Api.Answer russian = call("?explain=true", SEED, "ru-RU,ru;q=0.9");
		Api.Answer german = call("?explain=true", SEED, "de-DE");
		assertThat(english.header(HttpHeaders.CONTENT_LANGUAGE)).isEqualTo("en");
		assertThat(russian.header(HttpHeaders.CONTENT_LANGUAGE)).isEqualTo("ru");
		assertThat(german.header(HttpHeaders.CONTENT_LANGUAGE)).isEqualTo("en");
		JsonNode en = JSON.readTree(english.text()).get("explanations");
		JsonNode ru = JSON.readTree(russian.text()).get("explanations");
		JsonNode de = JSON.readTree(german.text()).get("explanations");
		assertThat(de).isEqualTo(en);
		String enMeaning = en.at("/backward/dL_dPrediction/meaning").asString();
		String ruMeaning = ru.at("/backward/dL_dPrediction/meaning").asString();
		assertThat(enMeaning).contains("the prediction must go up").doesNotContainPattern("\\p{IsCyrillic}");
		assertThat(ruMeaning).contains("нам нужно увеличить предсказание");
		// the formulas and the numbers do not depend on the language
		assertThat(ru.at("/backward/layers/0/dL_dZ/substituted"))
			.isEqualTo(en.at("/backward/layers/0/dL_dZ/substituted"));
	}

	@Test
	void withoutExplainTheResponseHasNoTextAndTheSameNumbers() throws Exception {
		Api.Answer plain = call("", SEED, "ru");
		Api.Answer no = call("?explain=false", SEED, null);
		JsonNode withTexts = explained(SEED, null);
		JsonNode lean = JSON.readTree(plain.text());
		assertThat(plain.text()).doesNotContain("explanations").doesNotContain("null");
		assertThat(plain.header(HttpHeaders.CONTENT_LANGUAGE)).isNull();
		assertThat(JSON.readTree(no.text())).isEqualTo(lean);
		List<String> fields = new ArrayList<>();
		lean.propertyNames().forEach(fields::add);
		assertThat(fields).containsExactly("forward", "backward", "update", "after", "optimizerState");
		((tools.jackson.databind.node.ObjectNode) withTexts).remove("explanations");
		assertThat(withTexts).isEqualTo(lean);
		assertThat(lean.at("/forward/layers/0/z/0/0").asDouble()).isEqualTo(0.49);
	}

	@ParameterizedTest
	@ValueSource(strings = { "?explain=maybe", "?explain=1", "?explain=true&explain=false", "?explain=%20true" })
	void aBadExplainValueIsAProblemNamingTheParameter(String query) throws Exception {
		Api.Answer response = call(query, SEED, null);
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		JsonNode problem = JSON.readTree(response.text());
		assertThat(problem.get("parameter").asString()).isEqualTo("explain");
		assertThat(problem.get("detail").asString()).contains("explain");
	}

	@ParameterizedTest
	@ValueSource(strings = { "?explain=", "?explain=TRUE", "?explain=True" })
	void explainIsReadCaseInsensitivelyAndBareMeansTrue(String query) throws Exception {
		Api.Answer response = call(query, SEED, null);
		assertThat(response.status()).isEqualTo(200);
		assertThat(JSON.readTree(response.text()).has("explanations")).isTrue();
	}

	@Test
	void aBadBodyWithExplainIsStillTheBodysProblem() throws Exception {
		Api.Answer response = call("?explain=true", "{\"inputs\": [[1]], \"weights\": [[1]], \"bias\": 0}", "ru");
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.text()).contains("/label").contains("/learningRate");
	}

	private static void numbers(JsonNode node, List<String> numbers) {
		if (node.isNumber()) {
			numbers.add(node.asString());
		}
		node.forEach(child -> numbers(child, numbers));
	}

	/** Counts the text leaves of the explanations tree. */
	static List<String> leaves(JsonNode node) {
		List<String> leaves = new ArrayList<>();
		collect(node, "", leaves);
		return leaves;
	}

	private static void collect(JsonNode node, String path, List<String> leaves) {
		if (node.isString()) {
			leaves.add(path);
		}
		else if (node.isObject()) {
			node.properties().forEach(e -> collect(e.getValue(), path + "/" + e.getKey(), leaves));
		}
		else if (node.isArray()) {
			for (int i = 0; i < node.size(); i++) {
				collect(node.get(i), path + "/" + i, leaves);
			}
		}
	}

}
