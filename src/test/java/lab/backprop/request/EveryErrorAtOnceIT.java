package lab.backprop.request;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import lab.backprop.Api;
import lab.backprop.HttpTestSupport;

/**
 * A body with a network that does not fit its inputs and, besides, a label, test set,
 * grid or answer that is wrong in itself gets both errors at once: the second was left
 * out (the labels, the test set, the grid and /check's answers were only looked at once
 * the network was valid), so a client fixing the first met the second only on its next
 * try, and a refusal could point away from the field that was spoilt. Found by
 * MalformedRequestsPropertyIT.
 */
class EveryErrorAtOnceIT extends HttpTestSupport {

	/** Weights of 2 rows for inputs of 3 features. */
	private static final String MISFIT = """
			"inputs": [[0.5, 0.2, 0.8]], "weights": [[0.1], [-0.3]], "bias": [[0.1]]""";

	@Test
	void anEmptyOrRaggedLabelIsReportedBesideTheNetwork() {
		Api.Answer empty = api().post("/train-step", "{" + MISFIT + ", \"label\": [], \"learningRate\": 0.1}");
		assertThat(empty.status()).isEqualTo(400);
		assertThat(empty.pointers()).containsExactly("/weights", "/label");
		Api.Answer ragged = api().post("/predict", "{" + MISFIT + ", \"label\": [[1], [2, 3]]}");
		assertThat(ragged.pointers()).containsExactly("/weights", "/label/1");
	}

	@Test
	void aWrongTestSetOrGridIsReportedBesideTheNetwork() {
		Api.Answer answer = api().post("/train", "{" + MISFIT + ", \"label\": 1, \"learningRate\": 0.1, \"steps\": 5, "
				+ "\"test\": {\"inputs\": [[1, 2, 3]], \"label\": [[]]}, \"grid\": {\"x\": {\"min\": 0, \"max\": 1, "
				+ "\"points\": 2}, \"y\": {\"min\": 1, \"max\": 0, \"points\": 2}, \"features\": [\"x1\", \"x3\"]}}");
		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.pointers()).contains("/weights", "/test/label/0", "/grid/y/max", "/grid/features/1");
	}

	@Test
	void anAnswerThatIsNoNumberIsReportedBesideTheStep() {
		Api.Answer answer = api().post("/check", "{" + MISFIT + ", \"label\": 1, \"learningRate\": 0.1, "
				+ "\"answers\": {\"/forward/loss\": null, \"/forward/prediction\": [[]]}}");
		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.pointers()).contains("/weights", "/answers/~1forward~1loss",
				"/answers/~1forward~1prediction");
	}

	@Test
	void aValidNetworkStillGetsTheShapeOfItsLabelChecked() {
		Api.Answer answer = api().post("/train-step",
				"{\"inputs\": [[0.5, 0.2, 0.8]], \"weights\": [[0.1], [-0.3], [0.5]], \"bias\": 0.1, "
						+ "\"label\": [[1, 2]], \"learningRate\": 0.1}");
		assertThat(answer.pointers()).containsExactly("/label");
		assertThat(answer.json().get("detail").asString()).contains("1 × 2").contains("1 × 1");
	}

}
