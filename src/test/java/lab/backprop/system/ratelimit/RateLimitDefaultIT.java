package lab.backprop.system.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import lab.backprop.Api;
import lab.backprop.HttpTestSupport;
import lab.backprop.SeedValues;

/** Off by default: no client is ever throttled, and answers carry no RateLimit fields. */
class RateLimitDefaultIT extends HttpTestSupport {

	@Test
	void offByDefault() {
		for (int i = 0; i < 1200; i++) {
			Api.Answer answer = postJson("/train-step?include=summary", SeedValues.REQUEST);
			assertThat(answer.status()).isEqualTo(200);
			assertThat(answer.header("RateLimit")).isNull();
		}
	}

}
