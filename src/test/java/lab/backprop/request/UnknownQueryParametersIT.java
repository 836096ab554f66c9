package lab.backprop.request;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import lab.backprop.Api;
import lab.backprop.HttpTestSupport;

/**
 * Every GET endpoint refuses a query parameter it does not know, as a body's unknown
 * field is refused, and reads whole numbers as decimal ASCII digits only. GET /datasets
 * and GET /exercises/random took anything (a misspelt {@code levle=2} silently gave level
 * 1), and the exercise's seed took {@code +1} and Arabic-Indic digits. Found by
 * MalformedQueriesPropertyIT.
 */
class UnknownQueryParametersIT extends HttpTestSupport {

	@Test
	void theListOfDataSetsTakesNoParameters() {
		Api.Answer answer = api().get("/datasets?points=20");
		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.json().get("parameter").asString()).isEqualTo("points");
		assertThat(answer.json().get("detail").asString()).contains("takes no query parameters");
		assertThat(api().get("/datasets").status()).isEqualTo(200);
	}

	@Test
	void aMisspeltExerciseParameterIsRefusedWithTheRightName() {
		Api.Answer answer = api().get("/exercises/random?levle=2");
		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.json().get("parameter").asString()).isEqualTo("levle");
		assertThat(answer.json().get("detail").asString()).contains("did you mean 'level'");
		assertThat(api().get("/exercises/random?level=2&seed=5").json().get("level").asInt()).isEqualTo(2);
	}

	@Test
	void anExerciseSeedIsWrittenInAsciiDigits() {
		for (String seed : new String[] { "%2B1", "%D9%A1%D9%A2", "1_0", "9223372036854775808" }) {
			Api.Answer answer = lab.backprop.RawHttp.get(port, "/exercises/random?seed=" + seed);
			assertThat(answer.status()).as(seed).isEqualTo(400);
			assertThat(answer.json().get("parameter").asString()).isEqualTo("seed");
		}
		assertThat(api().get("/exercises/random?seed=-9223372036854775808").json().get("seed").asLong())
			.isEqualTo(Long.MIN_VALUE);
	}

}
