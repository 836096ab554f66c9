package lab.backprop.system.admission;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How many large requests compute at once: together they may hold at most {@code memory},
 * and a request that does not fit waits (first come, first served) for at most
 * {@code maxWait}, then gets a 503 with {@code Retry-After}.
 *
 * @param memory the memory all requests in flight may hold together, by estimate; empty
 * (the default) for half the JVM's maximum heap
 * @param maxWait how long a request may wait for its share
 */
@ConfigurationProperties("backprop.admission")
public record AdmissionProperties(DataSize memory, @DefaultValue("30s") Duration maxWait) {

	/** The budget in bytes. */
	long memoryBytes() {
		return memory != null ? memory.toBytes() : Runtime.getRuntime().maxMemory() / 2;
	}
}
