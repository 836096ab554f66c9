package lab.backprop.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Sends requests through MockMvc and reads the answers as JSON trees. */
final class Api {

	static final JsonMapper JSON = JsonMapper.builder().build();

	/** One answer: status, content type and body. */
	record Answer(int status, String contentType, JsonNode body) {
	}

	private final MockMvc mvc;

	Api(MockMvc mvc) {
		this.mvc = mvc;
	}

	Answer post(String path, JsonNode body) {
		return post(path, body.toString());
	}

	Answer post(String path, String body) {
		return send(MockMvcRequestBuilders.post(path)
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.APPLICATION_JSON)
			.content(body));
	}

	Answer get(String path) {
		return send(MockMvcRequestBuilders.get(path).accept(MediaType.APPLICATION_JSON));
	}

	private Answer send(RequestBuilder request) {
		try {
			MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
			String text = response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
			return new Answer(response.getStatus(), response.getContentType(),
					text.isEmpty() ? null : JSON.readTree(text));
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	/** The request body of an example resource, as a mutable tree. */
	static ObjectNode example(String name) {
		return (ObjectNode) resource("examples/" + name + ".json").get("request").deepCopy();
	}

	static JsonNode resource(String path) {
		try (InputStream in = new ClassPathResource(path).getInputStream()) {
			return JSON.readTree(in);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static ObjectNode object(String json) {
		return (ObjectNode) JSON.readTree(json);
	}

}
