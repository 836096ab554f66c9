package lab.backprop;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.ExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The one way tests call the HTTP API: Spring's {@link RestTestClient} against the
 * started service, with every answer read as status, headers, text and (where it is JSON)
 * a tree.
 */
public final class Api {

	public static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * One answer: status, content type, the body as text and, where it is JSON, as a
	 * tree.
	 */
	public record Answer(int status, String contentType, String text, JsonNode body, HttpHeaders headers,
			byte[] bytes) {

		public Answer(int status, String contentType, String text, JsonNode body, HttpHeaders headers) {
			this(status, contentType, text, body, headers, text.getBytes(StandardCharsets.UTF_8));
		}

		/** The body as a JSON tree ({@code null} when it is not JSON). */
		public JsonNode json() {
			return body;
		}

		public boolean isProblem() {
			return contentType != null && contentType.startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		}

		/** The pointers of a problem's {@code errors}. */
		public List<String> pointers() {
			List<String> pointers = new ArrayList<>();
			if (body != null && body.has("errors")) {
				body.get("errors").forEach(e -> pointers.add(e.get("pointer").asString()));
			}
			return pointers;
		}

		public String header(String name) {
			return headers.getFirst(name);
		}

	}

	private final RestTestClient client;

	public Api(RestTestClient client) {
		this.client = client;
	}

	public Answer post(String path, JsonNode body) {
		return post(path, body.toString());
	}

	/** A JSON body, accepting JSON (problems included). */
	public Answer post(String path, String body) {
		return exchange(HttpMethod.POST, path, headers -> {
			headers.setContentType(MediaType.APPLICATION_JSON);
			headers.setAccept(List.of(MediaType.APPLICATION_JSON));
		}, body);
	}

	public Answer get(String path) {
		return exchange(HttpMethod.GET, path, headers -> headers.setAccept(List.of(MediaType.APPLICATION_JSON)), null);
	}

	/**
	 * Any request: {@code headers} as given (nothing added), {@code body} as text or
	 * none.
	 */
	public Answer exchange(HttpMethod method, String path, Consumer<HttpHeaders> headers, String body) {
		return exchangeBytes(method, path, headers, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
	}

	/** Any request with a body of bytes (or none): {@code headers} as given. */
	public Answer exchangeBytes(HttpMethod method, String path, Consumer<HttpHeaders> headers, byte[] body) {
		RestTestClient.RequestBodySpec request = client.method(method).uri(path).headers(headers);
		ExchangeResult result = (body == null ? request : request.body(body)).exchange().returnResult();
		return answer(result);
	}

	private static Answer answer(ExchangeResult result) {
		byte[] content = result.getResponseBodyContent();
		String text = content == null ? "" : new String(content, StandardCharsets.UTF_8);
		HttpHeaders headers = result.getResponseHeaders();
		MediaType type = headers.getContentType();
		String contentType = type == null ? null : type.toString();
		JsonNode json = null;
		if (contentType != null && contentType.contains("json") && !text.isEmpty()) {
			json = JSON.readTree(text);
		}
		return new Answer(result.getStatus().value(), contentType, text, json, headers,
				content == null ? new byte[0] : content);
	}

	/** The request body of an example resource, as a mutable tree. */
	public static ObjectNode example(String name) {
		return (ObjectNode) resource("examples/" + name + ".json").get("request").deepCopy();
	}

	public static JsonNode resource(String path) {
		try (InputStream in = new ClassPathResource(path).getInputStream()) {
			return JSON.readTree(in);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public static ObjectNode object(String json) {
		return (ObjectNode) JSON.readTree(json);
	}

}
