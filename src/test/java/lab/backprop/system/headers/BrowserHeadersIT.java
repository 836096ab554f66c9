package lab.backprop.system.headers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpMethod;

import lab.backprop.Api;
import lab.backprop.HttpTestSupport;

/**
 * Every answer, the page, the Swagger UI, the API and its errors, carries the browser
 * headers.
 */
class BrowserHeadersIT extends HttpTestSupport {

	@ParameterizedTest
	@ValueSource(
			strings = { "/", "/js/main.js", "/swagger-ui/index.html", "/v3/api-docs", "/examples", "/no-such-thing" })
	void everyAnswerCarriesThePolicyNosniffAndTheReferrerPolicy(String path) {
		Api.Answer answer = api().exchange(HttpMethod.GET, path, headers -> {
		}, null);
		String policy = answer.header("Content-Security-Policy");
		assertThat(policy).contains("default-src 'self'", "script-src 'self'", "object-src 'none'",
				"frame-ancestors 'self'");
		assertThat(policy).doesNotContain("unsafe-eval").doesNotContain("script-src 'self' 'unsafe-inline'");
		assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(answer.header("Referrer-Policy")).isEqualTo("no-referrer");
	}

}
