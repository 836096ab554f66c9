package lab.backprop.check;

import static org.assertj.core.api.Assertions.assertThat;

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
 * Every recognised slip, in English and Russian: the wrong numbers are what a learner who
 * made the slip writes, worked out here by hand from the seed script's own numbers; the
 * answer names the slip and explains it with this body's numbers.
 */
class MistakesIT extends HttpTestSupport {

	private static final double[] DL_DW = SeedValues.column("dL_dW");

	private static final double[] W = { 0.1, -0.3, 0.5 };

	/** The verdict on the one answer sent, in {@code language}. */
	JsonNode verdict(String body, String language) {
		Api.Answer answer = api().exchange(HttpMethod.POST, "/check", headers -> {
			headers.setContentType(MediaType.APPLICATION_JSON);
			headers.set(HttpHeaders.ACCEPT_LANGUAGE, language);
		}, body);
		assertThat(answer.status()).as(answer.text()).isEqualTo(200);
		assertThat(answer.header(HttpHeaders.CONTENT_LANGUAGE)).isEqualTo(language);
		JsonNode verdict = answer.json().at("/answers/0");
		assertThat(verdict.get("correct").asBoolean()).as("a slip is a wrong answer").isFalse();
		return verdict;
	}

	JsonNode seed(String pointer, String value, String language) {
		return verdict(CheckApiIT.seedWith("\"answers\": {\"" + pointer + "\": " + value + "}"), language);
	}

	static String explanation(JsonNode verdict, String code) {
		assertThat(verdict.at("/mistake/code").asString()).as(verdict.toString()).isEqualTo(code);
		return verdict.at("/mistake/explanation").asString();
	}

	static boolean english(String language) {
		return language.equals("en");
	}

	@ParameterizedTest
	@ValueSource(strings = { "en", "ru" })
	void sign(String language) {
		String text = explanation(seed("/backward/layers/0/dL_dW", "[[0.0188], [0.0075], [0.0301]]", language), "sign");
		assertThat(text).startsWith("/backward/layers/0/dL_dW/0/0: ").contains("0.0188", "−0.018820882852641253");
		assertThat(text).contains(english(language) ? "the wrong sign" : "неверным знаком");
	}

	@ParameterizedTest
	@ValueSource(strings = { "en", "ru" })
	void transposed(String language) {
		String text = explanation(seed("/backward/layers/0/dL_dW", "[[-0.0188, -0.0075, -0.0301]]", language),
				"transposed");
		assertThat(text).contains("1 × 3", "3 × 1");
		assertThat(text).contains(english(language) ? "transposed" : "транспонированными");
	}

	/** dL/dŷ = 2(ŷ − y) for one squared error: without the 2, ŷ − y = −0.0799. */
	@ParameterizedTest
	@ValueSource(strings = { "en", "ru" })
	void missingFactor2(String language) {
		double half = SeedValues.scalar("pred") - 0.7;
		assertThat(half).isCloseTo(-0.0799, org.assertj.core.data.Offset.offset(1e-4));
		String text = explanation(seed("/backward/dL_dPrediction", "-0.0799", language), "missing_factor_2");
		assertThat(text).contains("−0.1597871353138196", "2·(ŷ − y)");
		assertThat(text).contains(english(language) ? "half the right value" : "половину правильного значения");
		// and in what follows from it: dL/dW is halved too
		String halved = "[[" + DL_DW[0] / 2 + "], [" + DL_DW[1] / 2 + "], [" + DL_DW[2] / 2 + "]]";
		explanation(seed("/backward/layers/0/dL_dW", halved, language), "missing_factor_2");
	}

	/**
	 * Two examples: the sum of the squared errors instead of their mean is twice the
	 * loss.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "en", "ru" })
	void notAveraged(String language) {
		double p1 = sigmoid(0.5 * 0.1 + 0.2 * -0.3 + 0.8 * 0.5 + 0.1);
		double p2 = sigmoid(-0.4 * 0.1 + 0.9 * -0.3 + 0.1 * 0.5 + 0.1);
		double sum = (p1 - 0.7) * (p1 - 0.7) + (p2 - 0.2) * (p2 - 0.2);
		String body = """
				{"inputs": [[0.5, 0.2, 0.8], [-0.4, 0.9, 0.1]], "weights": [[0.1], [-0.3], [0.5]], "bias": 0.1,
				 "label": [[0.7], [0.2]], "learningRate": 0.1, "answers": {"/forward/loss": %s}}"""
			.formatted(Double.toString(sum));
		String text = explanation(verdict(body, language), "not_averaged");
		assertThat(text).contains("N = 2");
		assertThat(text).contains(english(language) ? "2 times the right value" : "в 2 раз");
	}

	@ParameterizedTest
	@ValueSource(strings = { "en", "ru" })
	void wrongUpdateDirection(String language) {
		String weights = "[[" + (W[0] + 0.1 * DL_DW[0]) + "], [" + (W[1] + 0.1 * DL_DW[1]) + "], ["
				+ (W[2] + 0.1 * DL_DW[2]) + "]]";
		String text = explanation(seed("/update/layers/0/weights", weights, language), "wrong_update_direction");
		assertThat(text).contains("θ + η·g", "η = 0.1", "0.10188208828526413");
		assertThat(text).contains(english(language) ? "up the gradient" : "вверх по градиенту");
	}

	@ParameterizedTest
	@ValueSource(strings = { "en", "ru" })
	void learningRateMissing(String language) {
		String weights = "[[" + (W[0] - DL_DW[0]) + "], [" + (W[1] - DL_DW[1]) + "], [" + (W[2] - DL_DW[2]) + "]]";
		String text = explanation(seed("/update/layers/0/weights", weights, language), "learning_rate_missing");
		assertThat(text).contains("η = 0.1", "θ − g");
		assertThat(text).contains(english(language) ? "leaves the learning rate" : "пропущена скорость обучения");
	}

	@ParameterizedTest
	@ValueSource(strings = { "en", "ru" })
	void biasForgotten(String language) {
		String text = explanation(seed("/forward/layers/0/z", "0.39", language), "bias_forgotten");
		assertThat(text).contains("z = x·W + b", "0.49");
		assertThat(text).contains(english(language) ? "leaves the bias of layer 1" : "пропущено смещение");
	}

	/**
	 * σ'(a) instead of σ'(z): the slope taken at the output 0.6201 instead of at z =
	 * 0.49.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "en", "ru" })
	void slopeAtOutput(String language) {
		double s = sigmoid(SeedValues.scalar("pred"));
		String text = explanation(seed("/backward/layers/0/dOutput_dZ", Double.toString(s * (1 - s)), language),
				"slope_at_output");
		assertThat(text).contains("sigmoid", "0.23557444490981472");
		assertThat(text).contains(english(language) ? "at its output a instead of at z" : "в её выходе a, а не в z");
	}

	@ParameterizedTest
	@ValueSource(strings = { "en", "ru" })
	void slopeMissing(String language) {
		String text = explanation(seed("/backward/layers/0/dL_dZ", "-0.1598", language), "slope_missing");
		assertThat(text).contains("dL/dZ = dL/dA ⊙ dA/dZ", "−0.03764176570528251");
		assertThat(text).contains(english(language) ? "out of the chain rule" : "пропущен наклон");
	}

	/** dL/dW written as dL/dZ for every weight: the input x left out of xᵀ·dL/dZ. */
	@ParameterizedTest
	@ValueSource(strings = { "en", "ru" })
	void inputMissing(String language) {
		String text = explanation(seed("/backward/layers/0/dL_dW", "[[-0.0376], [-0.0376], [-0.0376]]", language),
				"input_missing");
		assertThat(text).contains("xᵀ·dL/dZ", "−0.018820882852641253");
		assertThat(text).contains(english(language) ? "without the input" : "без входа");
	}

	/** A wrong number that no slip gives: wrong, with a hint, and no mistake named. */
	@ParameterizedTest
	@ValueSource(strings = { "en", "ru" })
	void aWrongNumberNoSlipGivesIsNotGivenOne(String language) {
		JsonNode verdict = seed("/forward/layers/0/z", "0.53", language);
		assertThat(verdict.get("mistake").isNull()).isTrue();
		assertThat(verdict.get("hint").asString()).contains("z = 0.5·0.1 + 0.2·(−0.3) + 0.8·0.5 + 0.1 = 0.49");
	}

	/** A slip in the hidden layer of a two-layer network, recognised in its own layer. */
	@ParameterizedTest
	@ValueSource(strings = { "en", "ru" })
	void aSlipInAHiddenLayerIsNamedWithItsLayer(String language) {
		String twoLayer = Api.example("two-layer").toString();
		// Matt Mazur's network: the hidden layer's z without its bias 0.35 is 0.0275 and
		// 0.0425
		String body = twoLayer.substring(0, twoLayer.lastIndexOf('}'))
				+ ", \"answers\": {\"/forward/layers/0/z\": [[0.0275, 0.0425]]}}";
		String text = explanation(verdict(body, language), "bias_forgotten");
		assertThat(text).contains(english(language) ? "layer 1" : "слоя 1");
		assertThat(text).contains("0.3775");
	}

	private static double sigmoid(double z) {
		return 1 / (1 + Math.exp(-z));
	}

}
