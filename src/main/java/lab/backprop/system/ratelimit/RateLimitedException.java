package lab.backprop.system.ratelimit;

import java.net.URI;

import io.github.bucket4j.ConsumptionProbe;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import lab.backprop.system.problem.Problems;

/**
 * A client over its rate limit: a 429 problem naming the limit, with {@code Retry-After}
 * and the IETF draft's {@code RateLimit-Policy} and {@code RateLimit} fields.
 */
public class RateLimitedException extends ErrorResponseException {

	static final URI RATE_LIMITED = URI.create("urn:backprop-lab:problem:rate-limited");

	RateLimitedException(RateLimits.Policy policy, ConsumptionProbe probe, String what) {
		super(HttpStatus.TOO_MANY_REQUESTS, problem(policy, probe, what), null);
		RateLimitHeaders.write(getHeaders()::set, policy, probe);
		getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(RateLimitHeaders.secondsToWait(probe)));
	}

	private static ProblemDetail problem(RateLimits.Policy policy, ConsumptionProbe probe, String what) {
		ProblemDetail problem = Problems.of(HttpStatus.TOO_MANY_REQUESTS, RATE_LIMITED, "Too many requests",
				"This client is over its rate limit (" + policy.name() + ": " + policy.quota() + " at once, "
						+ policy.property() + "): this request " + what + ". Try again after "
						+ RateLimitHeaders.secondsToWait(probe) + " s (Retry-After).");
		problem.setProperty("limit", policy.property());
		return problem;
	}

}
