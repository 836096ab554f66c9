package lab.backprop.check;

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
 * POST /check with {@code regularization}, as /train-step takes it: the right answers are
 * the seed's numbers with the penalty worked in by hand (the seed script's data loss and
 * dL/dW, plus (λ/2)·Σw² and λ·w, or λ·Σ|w| and λ·sign(w)), and a learner who leaves the
 * penalty's gradient out of dL/dW is told so.
 */
class RegularizedCheckIT extends HttpTestSupport {

	private static final double[] X = { 0.5, 0.2, 0.8 };

	private static final double[] W = { 0.1, -0.3, 0.5 };

	private static final double[] G = SeedValues.column("dL_dW");

	private static final double ETA = 0.1;

	/** The seed with {@code regularization} (a JSON object) and {@code answers}. */
	static String seed(String regularization, String answers) {
		return CheckApiIT.seedWith("\"regularization\": " + regularization + ", \"answers\": {" + answers + "}");
	}

	JsonNode check(String body, String language) {
		Api.Answer answer = api().exchange(HttpMethod.POST, "/check", headers -> {
			headers.setContentType(MediaType.APPLICATION_JSON);
			headers.set(HttpHeaders.ACCEPT_LANGUAGE, language);
		}, body);
		assertThat(answer.status()).as(answer.text()).isEqualTo(200);
		return answer.json();
	}

	/**
	 * Every value the penalty touches, at full precision, worked out here: all right, no
	 * mistake, no hint.
	 */
	@Test
	void theRightAnswersOfARegularizedStepAreAllRight() {
		double lambda = 0.1;
		double dataLoss = SeedValues.scalar("loss");
		double penalty = lambda / 2 * (W[0] * W[0] + W[1] * W[1] + W[2] * W[2]);
		double[] gradient = new double[3];
		double[] updated = new double[3];
		for (int i = 0; i < 3; i++) {
			gradient[i] = G[i] + lambda * W[i];
			updated[i] = W[i] - ETA * gradient[i];
		}
		double bias = SeedValues.column("b_new")[0];
		double prediction = sigmoid(X[0] * updated[0] + X[1] * updated[1] + X[2] * updated[2] + bias);
		double dataLossAfter = (prediction - 0.7) * (prediction - 0.7);
		double penaltyAfter = lambda / 2
				* (updated[0] * updated[0] + updated[1] * updated[1] + updated[2] * updated[2]);
		List<String> answers = new ArrayList<>();
		answers.add(answer("/forward/dataLoss", dataLoss));
		answers.add(answer("/forward/penalty", penalty));
		answers.add(answer("/forward/loss", dataLoss + penalty));
		answers.add(answer("/backward/layers/0/dL_db", SeedValues.scalar("dL_db")));
		answers.add("\"/backward/layers/0/dL_dW\": " + column(gradient));
		answers.add("\"/update/layers/0/weights\": " + column(updated));
		answers.add(answer("/after/prediction", prediction));
		answers.add(answer("/after/dataLoss", dataLossAfter));
		answers.add(answer("/after/penalty", penaltyAfter));
		answers.add(answer("/after/loss", dataLossAfter + penaltyAfter));
		JsonNode verdicts = check(seed("{\"type\": \"l2\", \"rate\": 0.1}", String.join(", ", answers)), "en");
		assertThat(verdicts.get("answers")).hasSize(answers.size()).allSatisfy(verdict -> {
			assertThat(verdict.get("correct").asBoolean()).as(verdict.toString()).isTrue();
			assertThat(verdict.get("mistake").isNull()).as(verdict.toString()).isTrue();
		});
		assertThat(verdicts.get("correct").asBoolean()).isTrue();
		// and written as a student writes them, four digits
		JsonNode rounded = check(
				seed("{\"type\": \"l2\", \"rate\": 0.1}", "\"/forward/penalty\": 0.0175, \"/forward/loss\": 0.02388, "
						+ "\"/backward/layers/0/dL_dW\": [[-0.008821], [-0.03753], [0.01989]]"),
				"en");
		assertThat(rounded.get("correct").asBoolean()).as(rounded.toString()).isTrue();
	}

	/** With l1, the seed's data gradient where λ·sign(w) belongs too. */
	@ParameterizedTest
	@ValueSource(strings = { "en", "ru" })
	void theL1PenaltysGradientForgottenIsNamed(String language) {
		JsonNode verdict = check(seed("{\"type\": \"l1\", \"rate\": 0.01}",
				"\"/backward/layers/0/dL_dW\": [[-0.0188], [-0.0075], [-0.0301]]"), language)
			.at("/answers/0");
		assertThat(verdict.get("correct").asBoolean()).isFalse();
		String text = MistakesIT.explanation(verdict, "penalty_forgotten");
		assertThat(text).startsWith("/backward/layers/0/dL_dW/0/0: ")
			.contains("-0.0188", "λ = 0.01", "dL/dW = xᵀ·dL/dZ + λ·sign(W)", "−0.008820882852641253");
		assertThat(text).contains(language.equals("en") ? "leaves the penalty out of the weight gradients"
				: "в градиентах по весам пропущен штраф");
	}

	/**
	 * With l2, the update made with the data gradient alone: W − η·dL_data/dW, the seed's
	 * own new weights.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "en", "ru" })
	void theL2PenaltyForgottenIsRecognisedInTheUpdate(String language) {
		String weights = column(SeedValues.column("W_new"));
		JsonNode verdict = check(seed("{\"type\": \"l2\", \"rate\": 0.1}", "\"/update/layers/0/weights\": " + weights),
				language)
			.at("/answers/0");
		String text = MistakesIT.explanation(verdict, "penalty_forgotten");
		assertThat(text).contains("λ = 0.1", "dL/dW = xᵀ·dL/dZ + λ·W", "0.10088208828526413");
	}

	/**
	 * The other slips are worked with the penalty: the 2 dropped halves the data gradient
	 * and leaves λ·w whole; a sign slip negates the sum.
	 */
	@Test
	void theOtherSlipsAreRecognisedOnARegularizedStep() {
		double[] halved = new double[3];
		double[] negated = new double[3];
		for (int i = 0; i < 3; i++) {
			halved[i] = G[i] / 2 + 0.1 * W[i];
			negated[i] = -(G[i] + 0.1 * W[i]);
		}
		JsonNode verdict = check(
				seed("{\"type\": \"l2\", \"rate\": 0.1}", "\"/backward/layers/0/dL_dW\": " + column(halved)), "en")
			.at("/answers/0");
		MistakesIT.explanation(verdict, "missing_factor_2");
		verdict = check(seed("{\"type\": \"L2\", \"rate\": 0.1}", "\"/backward/layers/0/dL_dW\": " + column(negated)),
				"en")
			.at("/answers/0");
		MistakesIT.explanation(verdict, "sign");
	}

	/**
	 * λ·Σw² without its ½: wrong, and the hint writes the penalty out with this body's
	 * weights; the loss's hint is the sum of the data loss and the penalty.
	 */
	@Test
	void thePenaltyAndTheLossAreAnsweredWithTheirRules() {
		JsonNode answers = check(
				seed("{\"type\": \"l2\", \"rate\": 0.1}", "\"/forward/penalty\": 0.035, \"/forward/loss\": 0.00638"),
				"en")
			.get("answers");
		assertThat(answers.get(0).get("correct").asBoolean()).isFalse();
		assertThat(answers.get(0).get("hint").asString()).startsWith("P = (λ/2)·Σw²")
			.contains("(0.1/2)·[0.1² + (−0.3)² + 0.5²] = 0.017499999999999998");
		assertThat(answers.get(1).get("correct").asBoolean()).as("the data loss alone is not the loss").isFalse();
		assertThat(answers.get(1).get("hint").asString()).startsWith("L = L_data + P")
			.contains("0.006382982152949224 + 0.017499999999999998");
	}

	@Test
	void withoutARegularizationThereIsNoPenaltyToAnswer() {
		Api.Answer answer = api().post("/check", CheckApiIT.seedWith("\"answers\": {\"/forward/penalty\": 0}"));
		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.json().at("/errors/0/pointer").asString()).isEqualTo("/answers/~1forward~1penalty");
		Api.Answer unknown = api().post("/check",
				seed("{\"type\": \"l3\", \"rate\": 0.1}", "\"/forward/loss\": 0.0064"));
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.json().at("/errors/0/pointer").asString()).isEqualTo("/regularization/type");
	}

	private static String answer(String pointer, double value) {
		return "\"" + pointer + "\": " + value;
	}

	private static String column(double[] values) {
		List<String> rows = new ArrayList<>();
		for (double v : values) {
			rows.add("[" + v + "]");
		}
		return "[" + String.join(", ", rows) + "]";
	}

	private static double sigmoid(double z) {
		return 1 / (1 + Math.exp(-z));
	}

}
