package lab.backprop.system.ratelimit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * A limit per client: how many requests, and how much work, one client may ask for. Off
 * by default, so that a classroom behind one address and the benchmarks are never
 * throttled by surprise; the compose file and the Kubernetes manifests switch it on.
 *
 * @param enabled whether requests are limited at all
 * @param requestsPerSecond requests a client may make each second, on average
 * @param requestBurst requests a client may make at once, before the average applies
 * @param workPerSecond work a client may ask for each second, on average, in the compute
 * budget's units (a step's parameters × examples; steps × parameters × examples for
 * /train; 3 × parameters² × examples for /gradient-check)
 * @param workBurst work a client may ask for at once; never less than the largest request
 * the compute budgets allow, which is what the bucket holds when this is smaller
 * @param keyHeader a request header that names the client (an API key a gateway sets);
 * empty for the client's address, which comes from forwarded headers only when
 * {@code server.forward-headers-strategy} says to trust them
 * @param idleClients how long a client's buckets are kept after its last request
 */
@ConfigurationProperties("backprop.rate-limit")
public record RateLimitProperties(@DefaultValue("false") boolean enabled, @DefaultValue("500") long requestsPerSecond,
		@DefaultValue("1000") long requestBurst, @DefaultValue("1000000000") long workPerSecond,
		@DefaultValue("0") long workBurst, @DefaultValue("") String keyHeader,
		@DefaultValue("10m") Duration idleClients) {
}
