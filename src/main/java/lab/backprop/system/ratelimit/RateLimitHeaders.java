package lab.backprop.system.ratelimit;

import java.util.function.BiConsumer;

import io.github.bucket4j.ConsumptionProbe;

/**
 * The IETF draft's fields (draft-ietf-httpapi-ratelimit-headers):
 * {@code RateLimit-Policy} names a bucket's quota {@code q} and the seconds {@code w} it
 * takes to refill from empty; {@code RateLimit} says what remains ({@code r}) and in how
 * many seconds {@code t} the bucket is full again.
 */
final class RateLimitHeaders {

	static final String POLICY = "RateLimit-Policy";

	static final String STATE = "RateLimit";

	private RateLimitHeaders() {
	}

	static void write(BiConsumer<String, String> header, RateLimits.Policy policy, ConsumptionProbe probe) {
		header.accept(POLICY, "\"" + policy.name() + "\";q=" + policy.quota() + ";w=" + policy.windowSeconds());
		long missing = policy.quota() - probe.getRemainingTokens();
		long full = (long) Math.ceil((double) missing * policy.windowSeconds() / policy.quota());
		header.accept(STATE, "\"" + policy.name() + "\";r=" + probe.getRemainingTokens() + ";t="
				+ Math.max(secondsToWait(probe), full));
	}

	/** Whole seconds until the refused request would fit, at least 1. */
	static long secondsToWait(ConsumptionProbe probe) {
		return probe.isConsumed() ? 0 : Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
	}

}
