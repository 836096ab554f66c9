package lab.backprop.train;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Adds to /train's ready request bodies one that uses what /train adds to a step: a test
 * set, mini-batches, a penalty and a grid (after the example catalog's own, which come
 * first); and the schema of a progress event's data, which the event stream's
 * {@code contentSchema} names but springdoc does not collect.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class TrainExamplesOpenApi implements OpenApiCustomizer {

	static final String NAME = "xor-test-batches-l2-grid";

	static final String BODY = """
			{"inputs": [[0, 0], [0, 1], [1, 0], [1, 1]],
			 "layers": [
			   {"weights": [[0.5, -0.4, 0.3, 0.7], [-0.6, 0.45, 0.8, -0.2]], "bias": [0.1, -0.1, 0.05, 0.2], "activation": "tanh"},
			   {"weights": [[0.6], [-0.5], [0.4], [-0.7]], "bias": [0.05], "activation": "sigmoid"}],
			 "label": [[0], [1], [1], [0]],
			 "learningRate": 0.5, "steps": 2000, "recordEvery": 200,
			 "test": {"inputs": [[0.1, 0.9], [0.9, 0.1], [0.1, 0.1], [0.9, 0.9]], "label": [[1], [1], [0], [0]]},
			 "batchSize": 2, "shuffleSeed": 7,
			 "regularization": {"type": "l2", "rate": 0.0001},
			 "grid": {"x": {"min": -0.5, "max": 1.5, "points": 21}, "y": {"min": -0.5, "max": 1.5, "points": 21}}}""";

	@Override
	public void customise(OpenAPI openApi) {
		if (openApi.getComponents() != null) {
			addWithWhatItUses(openApi,
					ModelConverters.getInstance(true).readAll(new AnnotatedType(TrainProgress.class)), "TrainProgress");
		}
		PathItem path = openApi.getPaths() == null ? null : openApi.getPaths().get("/train");
		Operation post = path == null ? null : path.getPost();
		if (post == null || post.getRequestBody() == null || post.getRequestBody().getContent() == null) {
			return;
		}
		MediaType json = post.getRequestBody()
			.getContent()
			.get(org.springframework.http.MediaType.APPLICATION_JSON_VALUE);
		if (json == null) {
			return;
		}
		try {
			// the document is written by swagger-core with Jackson 2: the value is its
			// tree
			json.addExamples(NAME,
					new Example().summary("XOR with a test set, mini-batches, L2 and a grid")
						.description(
								"""
										The XOR example trained on mini-batches of 2 with a small L2 penalty, measured on four \
										held-out points near the corners, with its decision boundary over [−0.5, 1.5]². Send it \
										with `Accept: text/event-stream` to watch it learn.""")
						.value(Json.mapper().readTree(BODY)));
		}
		catch (com.fasterxml.jackson.core.JsonProcessingException e) {
			throw new IllegalStateException("the example body is not JSON", e);
		}
	}

	/**
	 * The schema {@code name} and those it refers to, transitively; the converter also
	 * gives the Java types behind fields that name another schema, which nothing refers
	 * to.
	 */
	@SuppressWarnings("rawtypes")
	private static void addWithWhatItUses(OpenAPI openApi, Map<String, Schema> read, String name) {
		Schema schema = read.get(name);
		if (schema == null || openApi.getComponents().getSchemas().putIfAbsent(name, schema) != null) {
			return;
		}
		Matcher refs = Pattern.compile("#/components/schemas/([A-Za-z0-9_.-]+)").matcher(Json.pretty(schema));
		while (refs.find()) {
			addWithWhatItUses(openApi, read, refs.group(1));
		}
	}

}
