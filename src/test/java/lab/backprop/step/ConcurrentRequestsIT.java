package lab.backprop.step;

import static lab.backprop.NumericAssertions.assertClose;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import lab.backprop.HttpTestSupport;
import lab.backprop.Api.Answer;

/**
 * The service keeps no state between requests: thousands of different networks sent at
 * once over 32 threads each get their own answer, checked against a step computed here by
 * hand.
 */
class ConcurrentRequestsIT extends HttpTestSupport {

	private static final int REQUESTS = 2400;

	private static final int THREADS = 32;

	@Test
	void concurrentRequestsNeverSeeEachOthersData() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(THREADS);
		try {
			List<Future<?>> results = new ArrayList<>();
			for (int i = 0; i < REQUESTS; i++) {
				long seed = i;
				results.add(pool.submit(() -> checkOne(new Random(seed))));
			}
			for (Future<?> result : results) {
				result.get(120, TimeUnit.SECONDS);
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	/**
	 * A sigmoid neuron with 1–4 inputs and squared error, as in the seed, worked out by
	 * hand.
	 */
	private void checkOne(Random random) {
		int features = 1 + random.nextInt(4);
		double[] x = new double[features];
		double[] w = new double[features];
		for (int i = 0; i < features; i++) {
			x[i] = random.nextDouble() * 2 - 1;
			w[i] = random.nextDouble() * 2 - 1;
		}
		double b = random.nextDouble() - 0.5;
		double y = random.nextDouble();
		double eta = 0.05 + random.nextDouble();

		double z = b;
		for (int i = 0; i < features; i++) {
			z += x[i] * w[i];
		}
		double pred = 1 / (1 + Math.exp(-z));
		double loss = (pred - y) * (pred - y);
		double dLdZ = 2 * (pred - y) * pred * (1 - pred);

		StringBuilder inputs = new StringBuilder();
		StringBuilder weights = new StringBuilder();
		for (int i = 0; i < features; i++) {
			inputs.append(i > 0 ? ", " : "").append(x[i]);
			weights.append(i > 0 ? ", " : "").append('[').append(w[i]).append(']');
		}
		String body = String.format(Locale.ROOT,
				"{\"inputs\": [[%s]], \"weights\": [%s], \"bias\": %s, \"label\": %s, \"learningRate\": %s}", inputs,
				weights, b, y, eta);
		Answer answer = postJson("/train-step", body);
		assertThat(answer.status()).as(answer.text()).isEqualTo(200);
		JsonNode json = answer.json();
		assertClose("z", json.at("/forward/layers/0/z/0/0").asDouble(), z, 1e-12 / Math.min(1, Math.abs(z)));
		assertClose("loss", json.at("/forward/loss").asDouble(), loss, 1e-9);
		for (int i = 0; i < features; i++) {
			assertClose("input " + i, json.at("/forward/layers/0/input/0/" + i).asDouble(), x[i], 0);
			assertClose("w⁺" + i, json.at("/update/layers/0/weights/" + i + "/0").asDouble(), w[i] - eta * x[i] * dLdZ,
					1e-9);
		}
		assertClose("b⁺", json.at("/update/layers/0/bias/0").asDouble(), b - eta * dLdZ, 1e-9);
	}

}
