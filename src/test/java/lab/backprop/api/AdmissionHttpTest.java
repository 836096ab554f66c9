package lab.backprop.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.apache.commons.math3.linear.ArrayRealVector;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.context.TestPropertySource;

import lab.backprop.SeedValues;
import lab.backprop.engine.Activation;
import lab.backprop.engine.Layer;
import lab.backprop.engine.Loss;
import lab.backprop.engine.Network;
import lab.backprop.engine.RowMajorMatrix;
import lab.backprop.engine.optim.Optimizer;
import lab.backprop.engine.optim.OptimizerState;

/** While other requests hold the whole memory budget, a request waits, then gets a 503 it can retry. */
@TestPropertySource(properties = {"backprop.admission.memory=8MB", "backprop.admission.max-wait=300ms"})
class AdmissionHttpTest extends HttpTestSupport {

	@Autowired
	private MemoryAdmission admission;

	@Test
	void aRequestThatFindsNoRoomIsA503WithRetryAfter() throws Exception {
		int free = admission.availableKibibytes();
		MockHttpServletRequest other = new MockHttpServletRequest();
		admission.admit(largeStep(), other); // more than the 8 MB budget: holds all of it
		try {
			HttpResponse<String> busy = HttpClient.newHttpClient().send(request("/train-step")
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(SeedValues.REQUEST)).build(), HttpResponse.BodyHandlers.ofString());
			assertThat(busy.statusCode()).isEqualTo(503);
			assertThat(busy.headers().firstValue("Content-Type")).hasValueSatisfying(
					type -> assertThat(type).startsWith("application/problem+json"));
			assertThat(busy.headers().firstValue("Retry-After")).hasValue("5");
			assertThat(JSON.readTree(busy.body()).get("detail").asString()).contains("backprop.admission.memory");
			assertThat(postJson("/train", SeedValues.REQUEST.replaceFirst("\\{", "{\"steps\": 2, ")).status())
				.isEqualTo(503);
		}
		finally {
			admission.release(other);
		}
		assertThat(postJson("/train-step", SeedValues.REQUEST).status()).isEqualTo(200);
		assertThat(admission.availableKibibytes()).as("every share given back").isEqualTo(free);
	}

	@Test
	void sharesComeBackAfterErrorsToo() {
		int free = admission.availableKibibytes();
		String overflowing = """
				{"inputs": [[0.5]], "weights": [[0.1]], "bias": 0.1, "activation": "linear",
				 "label": 0.7, "learningRate": 1e300}""";
		assertThat(postJson("/train-step", overflowing).status()).isEqualTo(422);
		assertThat(postJson("/gradient-check", SeedValues.REQUEST).status()).isEqualTo(200);
		assertThat(postJson("/train-step", "{\"inputs\": [1]}").status()).isEqualTo(400);
		assertThat(admission.availableKibibytes()).isEqualTo(free);
	}

	private static StepInput largeStep() {
		Layer layer = new Layer(new RowMajorMatrix(784, 256), new ArrayRealVector(256), Activation.RELU);
		return new StepInput(new Network(java.util.List.of(layer)), new RowMajorMatrix(64, 784),
				new RowMajorMatrix(64, 256), Loss.MSE, 0.1, Optimizer.plainSgd(), OptimizerState.initial());
	}
}
