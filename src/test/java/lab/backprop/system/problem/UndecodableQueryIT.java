package lab.backprop.system.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import lab.backprop.Api;
import lab.backprop.HttpTestSupport;
import lab.backprop.RawHttp;
import lab.backprop.SeedValues;

/**
 * A query string Tomcat cannot decode (a {@code %} without two hex digits, bytes that are
 * not UTF-8, a parameter without a name) was a 500 wherever a parameter is read: the GET
 * endpoints, /train-step's options, the actuator. Found by MalformedQueriesPropertyIT. It
 * is a 400 naming the parameter, sent byte for byte as a client wrote it.
 */
class UndecodableQueryIT extends HttpTestSupport {

	@Test
	void aStrayPercentSignIsA400NamingTheParameter() {
		assertRefused(RawHttp.get(port, "/datasets/circle?points=%zz"), "points");
		assertRefused(RawHttp.get(port, "/datasets/circle?seed=1&points=5%"), "points");
		assertRefused(RawHttp.get(port, "/exercises/random?level=%2"), "level");
		assertRefused(RawHttp.get(port, "/initial-layers?sizes=2,1&%zz=1"), "%zz");
	}

	@Test
	void bytesThatAreNotUtf8AreA400NamingTheParameter() {
		assertRefused(RawHttp.get(port, "/datasets/circle?noise=%C3%28"), "noise");
		assertRefused(RawHttp.get(port, "/initial-layers?sizes=%E2%82"), "sizes");
		assertRefused(RawHttp.get(port, "/datasets/circle?%FF=1"), "%FF");
	}

	@Test
	void aParameterWithoutANameIsA400() {
		Api.Answer answer = RawHttp.get(port, "/datasets/circle?=5");
		assertRefused(answer, "");
		assertThat(answer.json().get("detail").asString()).contains("without a name");
	}

	@Test
	void theActuatorAndThePostEndpointsRefuseItToo() {
		assertRefused(RawHttp.get(port, "/actuator/health?%zz"), "%zz");
		byte[] body = SeedValues.REQUEST.getBytes(StandardCharsets.UTF_8);
		String head = "POST /train-step?explain=%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
				+ "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n";
		byte[] request = new byte[head.length() + body.length];
		System.arraycopy(head.getBytes(StandardCharsets.US_ASCII), 0, request, 0, head.length());
		System.arraycopy(body, 0, request, head.length(), body.length);
		assertRefused(RawHttp.exchange(port, request), "explain");
	}

	@Test
	void aWellWrittenQueryIsStillAnswered() {
		assertThat(RawHttp.get(port, "/datasets/circle?points=10&features=x1%5E2,x2^2").status()).isEqualTo(200);
		assertThat(RawHttp.get(port, "/initial-layers?sizes=2,1&&seed=%37").json().get("layers").size()).isEqualTo(1);
	}

	private static void assertRefused(Api.Answer answer, String parameter) {
		assertThat(answer.status()).as(answer.text()).isEqualTo(400);
		assertThat(answer.contentType()).startsWith("application/problem+json");
		assertThat(answer.json().get("parameter").asString()).isEqualTo(parameter);
		assertThat(answer.json().get("detail").asString()).contains("cannot be");
		assertThat(answer.text()).doesNotContain("Exception").doesNotContain("tomcat");
	}

}
