package lab.backprop.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import lab.backprop.SeedValues;

/**
 * The actuator shows health, info, metrics and the Prometheus scrape, and nothing else.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
class ActuatorExposureIT {

	@Autowired
	RestTestClient client;

	@Test
	void theIndexListsExactlyHealthInfoMetricsAndPrometheus() {
		Map<String, Object> index = client.get()
			.uri("/actuator")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();
		assertThat(index).isNotNull();
		@SuppressWarnings("unchecked")
		Map<String, Object> links = (Map<String, Object>) index.get("_links");
		assertThat(links.keySet()).containsExactlyInAnyOrder("self", "health", "health-path", "info", "metrics",
				"metrics-requiredMetricName", "prometheus");
	}

	@Test
	void healthHasLivenessAndReadinessGroupsAndNoDetails() {
		client.get()
			.uri("/actuator/health")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP")
			.jsonPath("$.components")
			.doesNotExist()
			.jsonPath("$.details")
			.doesNotExist();
		client.get()
			.uri("/actuator/health/liveness")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP");
		client.get()
			.uri("/actuator/health/readiness")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP");
	}

	@Test
	void infoShowsTheBuild() {
		client.get()
			.uri("/actuator/info")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.build.artifact")
			.isEqualTo("backprop-lab")
			.jsonPath("$.build.group")
			.isEqualTo("lab.backprop")
			.jsonPath("$.build.version")
			.isNotEmpty()
			.jsonPath("$.build.time")
			.isNotEmpty();
	}

	@Test
	void prometheusHasRequestTimingsPerEndpoint() {
		client.post()
			.uri("/train-step")
			.contentType(MediaType.APPLICATION_JSON)
			.body(SeedValues.REQUEST)
			.exchange()
			.expectStatus()
			.isOk();

		String scrape = client.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.TEXT_PLAIN)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();

		assertThat(scrape).containsPattern(
				"http_server_requests_seconds_count\\{[^}]*method=\"POST\"[^}]*status=\"200\"[^}]*uri=\"/train-step\"[^}]*} [1-9]");
		assertThat(scrape).containsPattern("http_server_requests_seconds_bucket\\{[^}]*uri=\"/train-step\"");
	}

	/**
	 * The JVM's, the requests' and the process's metrics are scraped; Tomcat's session
	 * metrics are left out (no sessions are kept; binding them costs each start about
	 * half a second before readiness: BackpropLabApplication).
	 */
	@Test
	void prometheusHasJvmAndProcessMetricsButNoTomcatSessions() {
		String scrape = client.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();

		assertThat(scrape).contains("jvm_memory_used_bytes", "jvm_gc_memory_allocated_bytes_total",
				"jvm_threads_live_threads", "process_cpu_usage", "application_ready_time_seconds");
		assertThat(scrape).doesNotContain("tomcat_sessions");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/actuator/env", "/actuator/beans", "/actuator/heapdump", "/actuator/threaddump",
			"/actuator/configprops", "/actuator/loggers", "/actuator/mappings", "/actuator/conditions",
			"/actuator/scheduledtasks", "/actuator/caches", "/actuator/sbom", "/actuator/startup" })
	void everythingElseIsNotThere(String path) {
		client.get()
			.uri(path)
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(404);
	}

	@Test
	void shutdownCannotBeTriggered() {
		client.post()
			.uri("/actuator/shutdown")
			.exchange()
			.expectStatus()
			.value(status -> assertThat(status).isIn(404, 405))
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
	}

}
