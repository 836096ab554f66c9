package lab.backprop.system.ratelimit;

import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import lab.backprop.system.limits.TrainingLimits;

/**
 * Two token buckets per client (Bucket4j): one for requests, one for the work they ask
 * for, so that a MNIST-sized step costs more than the seed. The request bucket is taken
 * from by {@link RateLimitFilter} before anything is read; the work bucket by the
 * endpoints, once a request's network is known ({@link #chargeWork}). The work bucket
 * holds at least the largest request the compute budgets allow, so that no valid request
 * is refused forever. Clients idle longer than {@code idle-clients} are forgotten.
 */
@Component
@EnableConfigurationProperties(RateLimitProperties.class)
public class RateLimits {

	private static final Logger log = LoggerFactory.getLogger(RateLimits.class);

	/**
	 * The request attribute that holds the client's buckets, once the filter found them.
	 */
	static final String CLIENT = RateLimits.class.getName() + ".client";

	/** The buckets of one client. */
	record Client(Bucket requests, Bucket work) {
	}

	/**
	 * A bucket's shape, for the RateLimit-Policy header: its size and its full refill
	 * time.
	 */
	record Policy(String name, long quota, long windowSeconds, String property) {
	}

	private final RateLimitProperties properties;

	private final Policy requests;

	private final Policy work;

	private final Cache<String, Client> clients;

	public RateLimits(RateLimitProperties properties, TrainingLimits limits) {
		this.properties = properties;
		long workCapacity = Math.max(properties.workBurst(),
				Math.max(limits.maxTrainWork(), limits.maxGradientCheckWork()));
		this.requests = new Policy("requests", properties.requestBurst(),
				windowSeconds(properties.requestBurst(), properties.requestsPerSecond()),
				"backprop.rate-limit.requests-per-second");
		this.work = new Policy("work", workCapacity, windowSeconds(workCapacity, properties.workPerSecond()),
				"backprop.rate-limit.work-per-second");
		this.clients = Caffeine.newBuilder().expireAfterAccess(properties.idleClients()).build();
		if (properties.enabled()) {
			log.info(
					"Rate limit per client: {} requests a second (bursts of {}), {} units of work a second "
							+ "(bursts of {}), keyed by {}",
					properties.requestsPerSecond(), properties.requestBurst(), properties.workPerSecond(), workCapacity,
					properties.keyHeader().isEmpty() ? "the client's address" : "the header " + properties.keyHeader());
		}
	}

	public boolean enabled() {
		return properties.enabled();
	}

	/**
	 * The client {@code request} comes from: the configured header's value, or its
	 * address.
	 */
	String key(HttpServletRequest request) {
		if (!properties.keyHeader().isEmpty()) {
			String value = request.getHeader(properties.keyHeader());
			if (value != null && !value.isBlank()) {
				return "header:" + value;
			}
		}
		return "address:" + request.getRemoteAddr();
	}

	Client client(HttpServletRequest request) {
		Client known = (Client) request.getAttribute(CLIENT);
		if (known != null) {
			return known;
		}
		Client client = clients.get(key(request), key -> new Client(bucket(requests, properties.requestsPerSecond()),
				bucket(work, properties.workPerSecond())));
		request.setAttribute(CLIENT, client);
		return client;
	}

	Policy requestPolicy() {
		return requests;
	}

	Policy workPolicy() {
		return work;
	}

	/**
	 * Takes {@code work} units from the client's work bucket.
	 * @throws RateLimitedException a 429 saying when that much work will be there
	 */
	public void chargeWork(HttpServletRequest request, long work) {
		if (!properties.enabled()) {
			return;
		}
		Bucket bucket = client(request).work();
		long units = Math.min(Math.max(1, work), this.work.quota());
		ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(units);
		if (!probe.isConsumed()) {
			throw new RateLimitedException(this.work, probe, "asks for " + work + " units of work");
		}
	}

	private static Bucket bucket(Policy policy, long perSecond) {
		return Bucket.builder()
			.addLimit(Bandwidth.builder()
				.capacity(policy.quota())
				.refillGreedy(Math.max(1, perSecond), Duration.ofSeconds(1))
				.build())
			.build();
	}

	private static long windowSeconds(long quota, long perSecond) {
		return Math.max(1, (quota + Math.max(1, perSecond) - 1) / Math.max(1, perSecond));
	}

}
