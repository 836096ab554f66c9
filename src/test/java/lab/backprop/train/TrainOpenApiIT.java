package lab.backprop.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import lab.backprop.Api;
import lab.backprop.HttpTestSupport;

/**
 * The OpenAPI document describes what /train gained: its new fields, the event stream and
 * its data, the new reasons to stop, and a ready body that uses them; and the ready body
 * is one the service accepts.
 */
class TrainOpenApiIT extends HttpTestSupport {

	@Test
	void theDocumentDescribesTheNewFieldsAndTheEventStream() {
		JsonNode doc = api().get("/v3/api-docs").body();
		JsonNode train = doc.at("/paths/~1train/post");
		assertThat(train.get("operationId").asString()).isEqualTo("train");
		assertThat(train.get("tags")).extracting(JsonNode::asString).containsExactly("Training");
		JsonNode stream = train.at("/responses/200/content/text~1event-stream");
		assertThat(stream.at("/schema/contentSchema/$ref").asString()).isEqualTo("#/components/schemas/TrainProgress");
		assertThat(stream.at("/schema/description").asString()).contains("event: progress")
			.contains("event: result")
			.contains("event: error");
		assertThat(stream.at("/examples/stream/value").asString()).contains("event:progress").contains("event:result");
		assertThat(train.get("description").asString()).contains("text/event-stream")
			.contains("max-train-time")
			.contains("max-activations");

		JsonNode schemas = doc.get("components").get("schemas");
		for (String field : List.of("test", "batchSize", "shuffleSeed", "regularization", "grid")) {
			assertThat(schemas.at("/TrainRequest/properties/" + field + "/description").asString()).as(field)
				.isNotBlank();
		}
		assertThat(schemas.at("/TrainRequest/properties/batchSize/description").asString())
			.contains("0x9E3779B97F4A7C15");
		assertThat(schemas.at("/TrainStepRequest/properties/regularization/description").asString()).isNotBlank();
		assertThat(schemas.at("/TrainResponse/properties/stoppedBecause/enum")).extracting(JsonNode::asString)
			.contains("time_limit", "shutdown");
		for (String field : List.of("dataLoss", "testLoss", "accuracy", "testAccuracy", "grid")) {
			assertThat(schemas.at("/TrainResponse/properties/" + field + "/description").asString()).as(field)
				.isNotBlank();
			assertThat(schemas.at("/TrainProgress/properties/" + field + "/description").asString()).as(field)
				.isNotBlank();
		}
		assertThat(schemas.at("/TrainProgress/example/step").asInt()).isEqualTo(100);
		assertThat(schemas.at("/Regularization/example/type").asString()).isEqualTo("l2");
		assertThat(schemas.at("/GridRequest/example/x/points").asInt()).isEqualTo(50);
		assertThat(schemas.at("/OptimizerState/properties/epoch/description").asString()).contains("Mini-batch");
	}

	@Test
	void theReadyBodyWithEverythingIsOneTheServiceAccepts() {
		JsonNode doc = api().get("/v3/api-docs").body();
		JsonNode example = doc.at("/paths/~1train/post/requestBody/content/application~1json/examples/"
				+ TrainExamplesOpenApi.NAME + "/value");
		Api.Answer answer = api().post("/train", example);
		assertThat(answer.status()).as(answer.text()).isEqualTo(200);
		assertThat(answer.body().get("testAccuracy").isNumber()).isTrue();
		assertThat(answer.body().get("grid").get("output")).hasSize(21);
		assertThat(answer.body().get("optimizerState").get("epoch").asInt()).isEqualTo(1000);
	}

}
