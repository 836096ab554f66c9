package lab.backprop.system.admission;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.commons.math3.linear.ArrayRealVector;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.context.TestPropertySource;

import lab.backprop.SeedValues;
import lab.backprop.engine.Activation;
import lab.backprop.engine.Layer;
import lab.backprop.engine.Network;
import lab.backprop.engine.linalg.RowMajorMatrix;
import lab.backprop.HttpTestSupport;
import lab.backprop.Api.Answer;
import lab.backprop.system.admission.MemoryAdmission;

/**
 * While other requests hold the whole memory budget, a large request waits, then gets a
 * 503 it can retry; small ones pass.
 */
@TestPropertySource(properties = { "backprop.admission.memory=8MB", "backprop.admission.max-wait=300ms" })
class AdmissionHttpIT extends HttpTestSupport {

	@Autowired
	private MemoryAdmission admission;

	@Test
	void aRequestThatFindsNoRoomIsA503WithRetryAfter() throws Exception {
		int free = admission.availableKibibytes();
		MockHttpServletRequest other = new MockHttpServletRequest();
		admission.admit(largeNetwork(), new RowMajorMatrix(64, 784), new RowMajorMatrix(64, 256), other); // more
																											// than
																											// the
																											// 8
																											// MB
																											// budget:
																											// holds
																											// all
																											// of
																											// it
		String large = wideStep(); // about 170 kB of JSON: a share of about 680 kB for
									// its body
		try {
			assertThat(postJson("/train-step", SeedValues.REQUEST).status()).as("small requests pass").isEqualTo(200);
			Answer busy = postJson("/train-step", large);
			assertThat(busy.status()).isEqualTo(503);
			assertThat(busy.contentType()).startsWith("application/problem+json");
			assertThat(busy.header("Retry-After")).isEqualTo("5");
			assertThat(busy.json().get("detail").asString()).contains("backprop.admission.memory");
			assertThat(postJson("/train", large.replaceFirst("\\{", "{\"steps\": 2, ")).status()).isEqualTo(503);
		}
		finally {
			admission.release(other);
		}
		assertThat(postJson("/train-step", large).status()).isEqualTo(200);
		assertThat(admission.availableKibibytes()).as("every share given back").isEqualTo(free);
	}

	@Test
	void sharesComeBackAfterErrorsToo() {
		int free = admission.availableKibibytes();
		String large = wideStep();
		assertThat(postJson("/train-step", large.replace("\"learningRate\": 0.01", "\"learningRate\": 1e300")).status())
			.isEqualTo(422);
		assertThat(postJson("/train-step", large.replaceFirst("\\{", "{\"learning_rate\": 1, ")).status())
			.isEqualTo(400);
		assertThat(postJson("/gradient-check", large).status()).as("over the compute budget").isEqualTo(413);
		assertThat(postJson("/train-step?include=nonsense", large).status()).isEqualTo(400);
		assertThat(admission.availableKibibytes()).isEqualTo(free);
	}

	/** 100 → 200 → 10 on 4 examples, weights written out in full. */
	private static String wideStep() {
		java.util.Random random = new java.util.Random(7);
		return "{\"inputs\": " + matrix(random, 4, 100) + ", \"layers\": [{\"weights\": " + matrix(random, 100, 200)
				+ ", \"bias\": 0, \"activation\": \"tanh\"}, {\"weights\": " + matrix(random, 200, 10)
				+ ", \"bias\": 0, \"activation\": \"linear\"}], \"label\": " + matrix(random, 4, 10)
				+ ", \"learningRate\": 0.01}";
	}

	private static String matrix(java.util.Random random, int rows, int columns) {
		StringBuilder json = new StringBuilder("[");
		for (int i = 0; i < rows; i++) {
			json.append(i > 0 ? ",[" : "[");
			for (int j = 0; j < columns; j++) {
				json.append(j > 0 ? "," : "")
					.append(String.format(java.util.Locale.ROOT, "%.5f", random.nextGaussian() * 0.1));
			}
			json.append("]");
		}
		return json.append("]").toString();
	}

	private static Network largeNetwork() {
		Layer layer = new Layer(new RowMajorMatrix(784, 256), new ArrayRealVector(256), Activation.RELU);
		return new Network(java.util.List.of(layer));
	}

}
