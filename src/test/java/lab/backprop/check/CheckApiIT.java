package lab.backprop.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import tools.jackson.databind.JsonNode;

import lab.backprop.Api;
import lab.backprop.HttpTestSupport;
import lab.backprop.SeedValues;

/**
 * POST /check on the seed: numbers judged at the precision they are written with, the
 * wrong elements named, the settings that override the precision, and every answer that
 * cannot be judged refused with its pointer.
 */
class CheckApiIT extends HttpTestSupport {

	static final String SEED = SeedValues.REQUEST.substring(0, SeedValues.REQUEST.lastIndexOf('}'));

	/** The seed's body with {@code extra} fields added (a JSON fragment). */
	static String seedWith(String extra) {
		return SEED + ", " + extra + "}";
	}

	Api.Answer check(String body, String language) {
		return api().exchange(HttpMethod.POST, "/check", headers -> {
			headers.setContentType(MediaType.APPLICATION_JSON);
			headers.setAccept(List.of(MediaType.APPLICATION_JSON));
			if (language != null) {
				headers.set(HttpHeaders.ACCEPT_LANGUAGE, language);
			}
		}, body);
	}

	JsonNode ok(String body) {
		Api.Answer answer = check(body, null);
		assertThat(answer.status()).as(answer.text()).isEqualTo(200);
		return answer.json();
	}

	@Test
	void theContractsExampleIsRightAtThePrecisionItIsWrittenWith() {
		JsonNode body = ok(seedWith("""
				"answers": {"/forward/layers/0/z": [[0.49]],
				            "/backward/layers/0/dL_dW": [[-0.0188], [-0.0075], [-0.0301]]}"""));
		assertThat(body.get("correct").asBoolean()).isTrue();
		JsonNode dw = body.at("/answers/1");
		assertThat(dw.get("pointer").asString()).isEqualTo("/backward/layers/0/dL_dW");
		assertThat(dw.get("correct").asBoolean()).isTrue();
		assertThat(dw.get("wrongElements")).isEmpty();
		assertThat(dw.get("mistake").isNull()).isTrue();
		assertThat(dw.get("hint").isNull()).isTrue();
		double[] seed = SeedValues.column("dL_dW");
		assertThat(dw.at("/expected/0/0").asDouble()).isEqualTo(seed[0]);
		double largest = Math.max(Math.abs(-0.0188 - seed[0]),
				Math.max(Math.abs(-0.0075 - seed[1]), Math.abs(-0.0301 - seed[2])));
		assertThat(dw.get("maxAbsoluteError").asDouble()).isEqualTo(largest);
		assertThat(dw.get("maxRelativeError").asDouble()).isGreaterThan(0.0).isLessThan(0.01);
	}

	@Test
	void theNumbersComeBackAsWrittenDigitForDigit() {
		Api.Answer answer = check(seedWith("""
				"answers": {"/backward/layers/0/dOutput_dZ": 0.2360, "/forward/layers/0/z": 4.90e-1}"""), null);
		assertThat(answer.text()).contains("\"given\":0.2360").contains("\"given\":4.90e-1");
		// four digits written: 0.2356 ± 0.0001, and 0.2360 is four units away
		assertThat(answer.json().at("/answers/0/correct").asBoolean()).isFalse();
		assertThat(answer.json().at("/answers/1/correct").asBoolean()).isTrue();
	}

	@Test
	void theWrongElementsAreIndexedInsideTheAnsweredValue() {
		JsonNode body = ok(seedWith("""
				"answers": {"/backward/layers/0/dL_dW": [[-0.0188], [-0.0175], [-0.0301]],
				            "/backward/layers/0/dL_db": [-0.0475], "/forward/loss": 0.0069,
				            "/backward/layers/0/dL_dW/2/0": -0.0301}"""));
		assertThat(body.get("correct").asBoolean()).isFalse();
		assertThat(body.at("/answers/0/wrongElements").toString()).isEqualTo("[[1,0]]");
		assertThat(body.at("/answers/1/wrongElements").toString()).isEqualTo("[[0]]");
		assertThat(body.at("/answers/2/wrongElements").toString()).isEqualTo("[[]]");
		assertThat(body.at("/answers/3/correct").asBoolean()).isTrue();
		assertThat(body.at("/answers/3/expected").asDouble()).isEqualTo(SeedValues.column("dL_dW")[2]);
		// the hint works out the first wrong element with this body's numbers
		assertThat(body.at("/answers/0/hint").asString()).contains("dL/dW = xᵀ·dL/dZ")
			.contains("dL/dW[2,1] = 0.2·(−0.03764176570528251) = −0.007528353141056501");
	}

	@Test
	void significantDigitsAndToleranceOverrideTheWrittenPrecision() {
		String answers = "\"answers\": {\"/backward/layers/0/dL_dW/0/0\": -0.0188}";
		assertThat(ok(seedWith(answers + ", \"significantDigits\": 5")).get("correct").asBoolean())
			.as("five digits: −0.018821 ± 0.000001")
			.isFalse();
		assertThat(ok(seedWith(answers + ", \"significantDigits\": 2")).get("correct").asBoolean()).isTrue();
		assertThat(ok(seedWith(answers + ", \"tolerance\": {\"absolute\": 1e-5}")).get("correct").asBoolean())
			.as("2.1e-5 off")
			.isFalse();
		assertThat(ok(seedWith(answers + ", \"tolerance\": {\"relative\": 0.01}")).get("correct").asBoolean()).isTrue();
		Api.Answer both = check(seedWith(answers + ", \"significantDigits\": 3, \"tolerance\": {\"relative\": 0.1}"),
				null);
		assertThat(both.status()).isEqualTo(400);
		assertThat(both.pointers()).containsExactly("/tolerance");
		Api.Answer digits = check(seedWith(answers + ", \"significantDigits\": 18"), null);
		assertThat(digits.pointers()).containsExactly("/significantDigits");
	}

	@Test
	void aTransposedMatrixIsWrongWithoutElementErrors() {
		JsonNode verdict = ok(seedWith("""
				"answers": {"/backward/layers/0/dL_dW": [[-0.0188, -0.0075, -0.0301]]}""")).at("/answers/0");
		assertThat(verdict.get("correct").asBoolean()).isFalse();
		assertThat(verdict.get("wrongElements").isNull()).isTrue();
		assertThat(verdict.get("maxAbsoluteError").isNull()).isTrue();
		assertThat(verdict.at("/mistake/code").asString()).isEqualTo("transposed");
	}

	@Test
	void answersThatCannotBeJudgedAreRefusedWithTheirEscapedPointers() {
		Api.Answer answer = check(seedWith("""
				"answers": {"/backward/layers/0/dL_dw": 1, "/forward/layers/0/activation": 1,
				            "/forward/loss": [[1, 2]], "forward/loss": 1, "/backward/layers/0/dL_dW/3/0": 1,
				            "/backward/dL_dPrediction": null, "/backward/layers/0/dL_dW": [[1], [2, 3], [4]],
				            "/forward/layers/0/z": 0.49}"""), null);
		assertThat(answer.status()).as(answer.text()).isEqualTo(400);
		assertThat(answer.isProblem()).isTrue();
		assertThat(answer.pointers()).containsExactly("/answers/~1backward~1layers~10~1dL_dw",
				"/answers/~1forward~1layers~10~1activation", "/answers/~1forward~1loss", "/answers/forward~1loss",
				"/answers/~1backward~1layers~10~1dL_dW~13~10", "/answers/~1backward~1dL_dPrediction",
				"/answers/~1backward~1layers~10~1dL_dW/1");
		JsonNode errors = answer.json().get("errors");
		assertThat(errors.get(0).get("message").asString()).contains("did you mean /backward/layers/0/dL_dW?");
		assertThat(errors.get(1).get("message").asString()).contains("the text 'sigmoid'");
		assertThat(errors.get(2).get("message").asString()).contains("is 1 × 2 but /forward/loss is 1 × 1");
		assertThat(errors.get(3).get("message").asString()).contains("must start with /");
		assertThat(errors.get(4).get("message").asString()).contains("/backward/layers/0/dL_dW is 3 × 1");
		assertThat(errors.get(5).get("message").asString()).contains("not null");
		assertThat(errors.get(6).get("message").asString()).contains("row 1 has 2 numbers but row 0 has 1");
	}

	@Test
	void theBodyNeedsAnswersAndOnlyKnownFields() {
		Api.Answer missing = check(SeedValues.REQUEST, null);
		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.pointers()).containsExactly("/answers");
		assertThat(check(seedWith("\"answers\": {}"), null).pointers()).containsExactly("/answers");
		Api.Answer misspelt = check(seedWith("\"answer\": {\"/forward/loss\": 0.006}"), null);
		assertThat(misspelt.status()).isEqualTo(400);
		assertThat(misspelt.json().at("/errors/0/message").asString()).contains("did you mean 'answers'");
		Api.Answer text = check(seedWith("\"answers\": {\"/forward/loss\": \"0.006\"}"), null);
		assertThat(text.pointers()).containsExactly("/answers/~1forward~1loss");
	}

	/** The softmax layer's element-wise slope is null in the answer: nothing to check. */
	@Test
	void aNullValueOfTheAnswerIsNotANumberToCheck() {
		String softmax = Api.example("softmax").toString();
		String body = softmax.substring(0, softmax.lastIndexOf('}'))
				+ ", \"answers\": {\"/backward/layers/1/dOutput_dZ\": [[0.1]]}}";
		Api.Answer answer = check(body, null);
		assertThat(answer.status()).as(answer.text()).isEqualTo(400);
		assertThat(answer.json().at("/errors/0/message").asString()).contains("null");
	}

	@Test
	void theTextsAreInTheLanguageAsked() {
		Api.Answer answer = check(seedWith("\"answers\": {\"/forward/prediction\": 0.5987}"), "ru");
		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.header(HttpHeaders.CONTENT_LANGUAGE)).isEqualTo("ru");
		assertThat(answer.json().at("/answers/0/hint").asString()).contains("Здесь: a = σ(0.49)");
		Api.Answer english = check(seedWith("\"answers\": {\"/forward/prediction\": 0.5987}"), "de");
		assertThat(english.header(HttpHeaders.CONTENT_LANGUAGE)).isEqualTo("en");
		assertThat(english.json().at("/answers/0/hint").asString()).contains("Here: a = σ(0.49)");
	}

}
