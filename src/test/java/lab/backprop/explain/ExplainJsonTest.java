package lab.backprop.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ?explain=true} on the seed, in English and Russian, and the response without it.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ExplainJsonTest {

	static final String SEED = """
			{"inputs": [[0.5, 0.2, 0.8]], "weights": [[0.1], [-0.3], [0.5]], "bias": [[0.1]],
			 "label": [[0.7]], "learningRate": 0.1}""";

	static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	MockMvc mvc;

	MockHttpServletResponse call(String query, String body, String language) throws Exception {
		MockHttpServletRequestBuilder request = post("/train-step" + query).contentType(MediaType.APPLICATION_JSON)
			.content(body);
		if (language != null) {
			request.header(HttpHeaders.ACCEPT_LANGUAGE, language);
		}
		MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
		response.setCharacterEncoding("UTF-8");
		return response;
	}

	JsonNode explained(String body, String language) throws Exception {
		MockHttpServletResponse response = call("?explain=true", body, language);
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
		return JSON.readTree(response.getContentAsString());
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
		assertThat(leaves(explanations)).as("nothing else is explained").hasSize(paths.size() * 3 + 1);
		assertThat(explanations.get("language").asString()).isEqualTo(language);
	}

	@Test
	void theSeedsTextsSpeakTheRequestedLanguageAndSayWhichInContentLanguage() throws Exception {
		MockHttpServletResponse english = call("?explain=true", SEED, null);
		MockHttpServletResponse russian = call("?explain=true", SEED, "ru-RU,ru;q=0.9");
		MockHttpServletResponse german = call("?explain=true", SEED, "de-DE");
		assertThat(english.getHeader(HttpHeaders.CONTENT_LANGUAGE)).isEqualTo("en");
		assertThat(russian.getHeader(HttpHeaders.CONTENT_LANGUAGE)).isEqualTo("ru");
		assertThat(german.getHeader(HttpHeaders.CONTENT_LANGUAGE)).isEqualTo("en");
		JsonNode en = JSON.readTree(english.getContentAsString()).get("explanations");
		JsonNode ru = JSON.readTree(russian.getContentAsString()).get("explanations");
		JsonNode de = JSON.readTree(german.getContentAsString()).get("explanations");
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
		MockHttpServletResponse plain = call("", SEED, "ru");
		MockHttpServletResponse no = call("?explain=false", SEED, null);
		JsonNode withTexts = explained(SEED, null);
		JsonNode lean = JSON.readTree(plain.getContentAsString());
		assertThat(plain.getContentAsString()).doesNotContain("explanations").doesNotContain("null");
		assertThat(plain.getHeader(HttpHeaders.CONTENT_LANGUAGE)).isNull();
		assertThat(JSON.readTree(no.getContentAsString())).isEqualTo(lean);
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
		MockHttpServletResponse response = call(query, SEED, null);
		assertThat(response.getStatus()).isEqualTo(400);
		assertThat(response.getContentType()).startsWith("application/problem+json");
		JsonNode problem = JSON.readTree(response.getContentAsString());
		assertThat(problem.get("parameter").asString()).isEqualTo("explain");
		assertThat(problem.get("detail").asString()).contains("explain");
	}

	@ParameterizedTest
	@ValueSource(strings = { "?explain=", "?explain=TRUE", "?explain=True" })
	void explainIsReadCaseInsensitivelyAndBareMeansTrue(String query) throws Exception {
		MockHttpServletResponse response = call(query, SEED, null);
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(JSON.readTree(response.getContentAsString()).has("explanations")).isTrue();
	}

	@Test
	void aBadBodyWithExplainIsStillTheBodysProblem() throws Exception {
		MockHttpServletResponse response = call("?explain=true", "{\"inputs\": [[1]], \"weights\": [[1]], \"bias\": 0}",
				"ru");
		assertThat(response.getStatus()).isEqualTo(400);
		assertThat(response.getContentType()).startsWith("application/problem+json");
		assertThat(response.getContentAsString()).contains("/label").contains("/learningRate");
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
