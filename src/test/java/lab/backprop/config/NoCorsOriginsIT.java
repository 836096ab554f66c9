package lab.backprop.config;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * An empty backprop.cors.allowed-origins (BACKPROP_CORS_ALLOWED_ORIGINS=) allows no other
 * origin at all.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "backprop.cors.allowed-origins=")
@AutoConfigureRestTestClient
class NoCorsOriginsIT {

	@Autowired
	RestTestClient client;

	@Test
	void evenTheDefaultLocalOriginIsRefused() {
		client.method(HttpMethod.OPTIONS)
			.uri("/train-step")
			.header(HttpHeaders.ORIGIN, "http://localhost:5173")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
	}

	@Test
	void requestsWithoutOriginStillWork() {
		client.get().uri("/actuator/health").exchange().expectStatus().isOk();
	}

}
