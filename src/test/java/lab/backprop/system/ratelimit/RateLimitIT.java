package lab.backprop.system.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import lab.backprop.Api;
import lab.backprop.HttpTestSupport;
import lab.backprop.SeedValues;

/**
 * The rate limit switched on with small numbers: requests beyond the burst are refused
 * with a 429 problem, Retry-After and the RateLimit fields; work is charged by its size,
 * so one large step uses up what many seeds do not; the actuator is exempt; the client is
 * the configured header when sent.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "backprop.rate-limit.enabled=true", "backprop.rate-limit.requests-per-second=1",
				"backprop.rate-limit.request-burst=5", "backprop.rate-limit.work-per-second=1",
				"backprop.rate-limit.key-header=X-Client", "backprop.limits.max-train-work=20000",
				"backprop.limits.max-gradient-check-work=20000" })
class RateLimitIT extends HttpTestSupport {

	private Api.Answer seed(String client) {
		return api().exchange(HttpMethod.POST, "/train-step", headers -> {
			headers.setContentType(MediaType.APPLICATION_JSON);
			headers.set("X-Client", client);
		}, SeedValues.REQUEST);
	}

	@Test
	void requestsBeyondTheBurstGetA429ProblemWithRetryAfterAndTheRateLimitFields() {
		for (int i = 0; i < 5; i++) {
			Api.Answer answer = seed("burst");
			assertThat(answer.status()).isEqualTo(200);
			assertThat(answer.header("RateLimit-Policy")).isEqualTo("\"requests\";q=5;w=5");
			assertThat(answer.header("RateLimit")).startsWith("\"requests\";r=" + (4 - i) + ";t=");
		}
		Api.Answer refused = seed("burst");
		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.isProblem()).isTrue();
		assertThat(refused.json().get("limit").asString()).isEqualTo("backprop.rate-limit.requests-per-second");
		assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 2L);
		assertThat(refused.header("RateLimit")).startsWith("\"requests\";r=0;t=");
		assertThat(seed("another").status()).as("another client has its own buckets").isEqualTo(200);
	}

	@Test
	void workIsChargedBySizeAndTheBucketHoldsTheLargestAllowedRequest() {
		// 64 examples through 10 → 20 → 10 (430 parameters): 27,520 units, more than the
		// 20,000 the budget allows a /train, so the bucket holds 20,000 and a request of
		// exactly the budget fits a fresh one; the seed costs 4 units
		String wide = wideStep(64);
		Api.Answer large = api().exchange(HttpMethod.POST, "/train-step", headers -> {
			headers.setContentType(MediaType.APPLICATION_JSON);
			headers.set("X-Client", "work");
		}, wideStep(46)); // 46 × 430 = 19,780 units: nearly the whole bucket
		assertThat(large.status()).isEqualTo(200);
		Api.Answer next = api().exchange(HttpMethod.POST, "/train-step", headers -> {
			headers.setContentType(MediaType.APPLICATION_JSON);
			headers.set("X-Client", "work");
		}, wide);
		assertThat(next.status()).isEqualTo(429);
		assertThat(next.json().get("limit").asString()).isEqualTo("backprop.rate-limit.work-per-second");
		assertThat(next.header("RateLimit-Policy")).isEqualTo("\"work\";q=20000;w=20000");
		assertThat(seed("work").status()).as("the seed's 4 units still fit").isEqualTo(200);
	}

	@Test
	void theActuatorIsExempt() {
		for (int i = 0; i < 10; i++) {
			Api.Answer health = api().exchange(HttpMethod.GET, "/actuator/health",
					headers -> headers.set("X-Client", "probe"), null);
			assertThat(health.status()).isEqualTo(200);
			assertThat(health.header("RateLimit")).isNull();
		}
	}

	/** {@code batch} examples of 10 features through 10 → 20 → 10. */
	private static String wideStep(int batch) {
		StringBuilder inputs = new StringBuilder("[");
		StringBuilder labels = new StringBuilder("[");
		for (int i = 0; i < batch; i++) {
			inputs.append(i > 0 ? "," : "").append(row(10, 0.1));
			labels.append(i > 0 ? "," : "").append(row(10, 0.5));
		}
		return "{\"inputs\": " + inputs + "], \"layers\": [{\"weights\": " + matrix(10, 20) + ", \"bias\": 0}, "
				+ "{\"weights\": " + matrix(20, 10) + ", \"bias\": 0}], \"label\": " + labels
				+ "], \"learningRate\": 0.1}";
	}

	private static String matrix(int rows, int columns) {
		return "[" + String.join(",", java.util.Collections.nCopies(rows, row(columns, 0.01))) + "]";
	}

	private static String row(int length, double value) {
		return java.util.Collections.nCopies(length, value).toString();
	}

}
