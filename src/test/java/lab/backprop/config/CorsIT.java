package lab.backprop.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * What a browser on another origin meets, with the default allowed origins (local front
 * ends).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
class CorsIT {

	@Autowired
	RestTestClient client;

	@Test
	void preflightFromALocalFrontEndIsAllowed() {
		client.method(HttpMethod.OPTIONS)
			.uri("/train-step")
			.header(HttpHeaders.ORIGIN, "http://localhost:5173")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "content-type")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "http://localhost:5173")
			.expectHeader()
			.value(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, methods -> assertThat(methods).contains("POST"))
			.expectHeader()
			.value(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS,
					headers -> assertThat(headers).containsIgnoringCase("content-type"))
			.expectHeader()
			.valueEquals(HttpHeaders.ACCESS_CONTROL_MAX_AGE, "1800");
	}

	@Test
	void preflightFromAnotherOriginIsRefusedAsAProblem() {
		client.method(HttpMethod.OPTIONS)
			.uri("/train-step")
			.header(HttpHeaders.ORIGIN, "https://elsewhere.example")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(403)
			.jsonPath("$.type")
			.isEqualTo("urn:backprop-lab:problem:cors-refused")
			.jsonPath("$.title")
			.isEqualTo("Cross-origin request refused")
			.jsonPath("$.properties")
			.doesNotExist()
			.jsonPath("$.detail")
			.value(detail -> assertThat((String) detail).contains("BACKPROP_CORS_ALLOWED_ORIGINS"));
	}

	@Test
	void preflightForAMethodThatIsNotAllowedIsRefused() {
		client.method(HttpMethod.OPTIONS)
			.uri("/train-step")
			.header(HttpHeaders.ORIGIN, "http://localhost:5173")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "DELETE")
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
	}

	@Test
	void aProblemAnswerToAnAllowedOriginCarriesTheHeaderSoThePageCanReadIt() {
		client.post()
			.uri("/train-step")
			.header(HttpHeaders.ORIGIN, "http://127.0.0.1:3000")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"inputs\": ")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "http://127.0.0.1:3000")
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void aNotFoundAnswerToAnAllowedOriginCarriesTheHeaderToo() {
		client.get()
			.uri("/no-such-thing")
			.header(HttpHeaders.ORIGIN, "http://localhost:5173")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "http://localhost:5173")
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void aRequestWithoutOriginIsNotAffected() {
		client.get()
			.uri("/actuator/health")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
	}

}
