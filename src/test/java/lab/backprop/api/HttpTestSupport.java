package lab.backprop.api;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Starts the service on a random port and talks to it over real HTTP, as a script would.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class HttpTestSupport {

	protected static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	@LocalServerPort
	protected int port;

	/** An answer: status, content type and the body, parsed as JSON where it is JSON. */
	public record Answer(int status, String contentType, String text, JsonNode json) {

		public boolean isProblem() {
			return contentType != null && contentType.startsWith("application/problem+json");
		}

		/** The pointers of a problem's `errors`. */
		public java.util.List<String> pointers() {
			java.util.List<String> pointers = new java.util.ArrayList<>();
			if (json != null && json.has("errors")) {
				json.get("errors").forEach(e -> pointers.add(e.get("pointer").asString()));
			}
			return pointers;
		}
	}

	protected Answer postJson(String path, String body) {
		return send(request(path).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	protected HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(60));
	}

	protected Answer send(HttpRequest.Builder builder) {
		try {
			HttpResponse<String> response = CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofString());
			String type = response.headers().firstValue("Content-Type").orElse(null);
			JsonNode json = null;
			if (type != null && type.contains("json") && !response.body().isEmpty()) {
				json = JSON.readTree(response.body());
			}
			return new Answer(response.statusCode(), type, response.body(), json);
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

}
