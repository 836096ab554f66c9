package lab.backprop.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import org.junit.jupiter.api.Test;

/**
 * A data set's example offers its `test` points in the /train body's Swagger example once
 * (and only once) the /train body takes a `test`.
 */
class ExamplesOpenApiTest {

	@Test
	void theTestPointsJoinTheTrainExampleWhenTheTrainBodyTakesThem() {
		OpenAPI without = document(false);
		new ExamplesOpenApi(new ExampleCatalog()).customise(without);
		assertThat(trainExample(without, "circle-data").has("test")).isFalse();
		assertThat(trainExample(without, "circle-data").get("steps").asInt()).isEqualTo(1000);

		OpenAPI with = document(true);
		new ExamplesOpenApi(new ExampleCatalog()).customise(with);
		ObjectNode circle = trainExample(with, "circle-data");
		assertThat(circle.get("test").get("inputs").size()).isEqualTo(100);
		assertThat(circle.get("test").get("label").size()).isEqualTo(100);
		assertThat(trainExample(with, "xor").has("test")).isFalse();
	}

	private static ObjectNode trainExample(OpenAPI document, String name) {
		return (ObjectNode) document.getPaths()
			.get("/train")
			.getPost()
			.getRequestBody()
			.getContent()
			.get("application/json")
			.getExamples()
			.get(name)
			.getValue();
	}

	private static OpenAPI document(boolean trainTakesTest) {
		Paths paths = new Paths();
		for (String path : new String[] { "/train-step", "/gradient-check", "/train" }) {
			paths.addPathItem(path, new PathItem().post(new Operation().requestBody(
					new RequestBody().content(new Content().addMediaType("application/json", new MediaType())))));
		}
		Schema<?> train = new ObjectSchema().properties(trainTakesTest
				? Map.of("steps", new Schema<>(), "test", new ObjectSchema()) : Map.of("steps", new Schema<>()));
		return new OpenAPI().paths(paths).components(new Components().schemas(Map.of("TrainRequest", train)));
	}

}
