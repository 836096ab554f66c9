package lab.backprop.examples;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.MediaType;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * Offers every example of {@link ExampleCatalog} as a ready request body in the Swagger
 * UI for /train-step, /gradient-check and /train (with the suggested `steps` added for
 * /train, and an example's `test` points where the /train body takes a `test`).
 */
@Component
class ExamplesOpenApi implements OpenApiCustomizer {

	/** Steps for /train where an example suggests none. */
	static final int DEFAULT_STEPS = 100;

	private final ExampleCatalog catalog;

	ExamplesOpenApi(ExampleCatalog catalog) {
		this.catalog = catalog;
	}

	@Override
	public void customise(io.swagger.v3.oas.models.OpenAPI openApi) {
		if (openApi.getPaths() == null) {
			return;
		}
		addTo(openApi.getPaths().get("/train-step"), false, false);
		addTo(openApi.getPaths().get("/gradient-check"), false, false);
		addTo(openApi.getPaths().get("/train"), true, takesTest(openApi));
	}

	/** Whether the /train body has a {@code test} field. */
	private static boolean takesTest(io.swagger.v3.oas.models.OpenAPI openApi) {
		if (openApi.getComponents() == null || openApi.getComponents().getSchemas() == null) {
			return false;
		}
		io.swagger.v3.oas.models.media.Schema<?> train = openApi.getComponents().getSchemas().get("TrainRequest");
		return train != null && train.getProperties() != null && train.getProperties().containsKey("test");
	}

	private void addTo(PathItem path, boolean train, boolean withTest) {
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
		Map<String, Example> examples = new LinkedHashMap<>();
		for (ExampleCatalog.Example example : catalog.all()) {
			// The document is written by swagger-core with Jackson 2, so the value is a
			// Jackson 2 tree.
			ObjectNode body = jackson2Tree(example.request().toString());
			if (train) {
				body.put("steps", example.suggestedSteps() == null ? DEFAULT_STEPS : example.suggestedSteps());
			}
			if (withTest && example.test() != null) {
				body.set("test", jackson2Tree(example.test().toString()));
			}
			examples.put(example.name(),
					new Example().summary(example.title()).description(example.description()).value(body));
		}
		json.setExamples(examples);
	}

	private static ObjectNode jackson2Tree(String json) {
		try {
			return (ObjectNode) Json.mapper().readTree(json);
		}
		catch (com.fasterxml.jackson.core.JsonProcessingException e) {
			throw new IllegalStateException("an example body is not a JSON object", e);
		}
	}

}
