package lab.backprop.system.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import lab.backprop.HttpTestSupport;
import lab.backprop.SeedValues;
import lab.backprop.bench.BenchmarkCase;

/**
 * A small JSON answer goes out in one piece with its length; one larger than Tomcat's
 * buffer is still sent as it is written (chunked), and an event stream still arrives
 * event by event.
 */
class OnePieceAnswerIT extends HttpTestSupport {

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void aSmallAnswerAndAProblemCarryTheirLength() throws Exception {
		HttpResponse<byte[]> seed = post("/train-step", SeedValues.REQUEST, "application/json");
		assertThat(seed.statusCode()).isEqualTo(200);
		assertThat(seed.headers().firstValueAsLong("Content-Length")).hasValue(seed.body().length);
		assertThat(seed.headers().firstValue("Transfer-Encoding")).isEmpty();

		HttpResponse<byte[]> problem = post("/train-step", "{\"inputs\": [[1]]}", "application/json");
		assertThat(problem.statusCode()).isEqualTo(400);
		assertThat(problem.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
		assertThat(problem.headers().firstValueAsLong("Content-Length")).hasValue(problem.body().length);
	}

	@Test
	void aBigAnswerIsSentAsItIsWrittenAndAStreamEventByEvent() throws Exception {
		HttpResponse<byte[]> big = post("/train-step", BenchmarkCase.SMALL.json(), "application/json");
		assertThat(big.statusCode()).isEqualTo(200);
		assertThat(big.body().length).isGreaterThan(64 * 1024);
		assertThat(big.headers().firstValue("Content-Length")).isEmpty();
		assertThat(big.headers().firstValue("Transfer-Encoding")).contains("chunked");

		String body = SeedValues.REQUEST.replaceFirst("\\{", "{\"steps\": 3,");
		HttpResponse<String> stream = http.send(request("/train", body, "text/event-stream"),
				HttpResponse.BodyHandlers.ofString());
		assertThat(stream.statusCode()).isEqualTo(200);
		assertThat(stream.headers().firstValue("Content-Length")).isEmpty();
		assertThat(stream.body()).contains("event:progress").contains("event:result");
	}

	private HttpResponse<byte[]> post(String path, String body, String accept) throws Exception {
		return http.send(request(path, body, accept), HttpResponse.BodyHandlers.ofByteArray());
	}

	private HttpRequest request(String path, String body, String accept) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.header("Content-Type", "application/json")
			.header("Accept", accept)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
	}

}
