package lab.backprop.config;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * backprop.cors.allowed-origins replaces the default list: patterns work, the local
 * default is gone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "backprop.cors.allowed-origins=https://app.example.org, https://*.lab.example.org")
@AutoConfigureRestTestClient
class ConfiguredCorsOriginsIT {

	@Autowired
	RestTestClient client;

	@Test
	void aConfiguredOriginIsAllowed() {
		preflight("https://app.example.org").expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "https://app.example.org");
	}

	@Test
	void aSubdomainPatternIsAllowed() {
		preflight("https://teach.lab.example.org").expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "https://teach.lab.example.org");
	}

	@Test
	void theDefaultLocalOriginIsNoLongerAllowed() {
		preflight("http://localhost:5173").expectStatus()
			.isForbidden()
			.expectHeader()
			.doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
	}

	private RestTestClient.ResponseSpec preflight(String origin) {
		return client.method(HttpMethod.OPTIONS)
			.uri("/train-step")
			.header(HttpHeaders.ORIGIN, origin)
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
			.exchange();
	}

}
