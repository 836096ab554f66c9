package lab.backprop.train;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

import lab.backprop.request.TrainStepRequest.LayerSpec;
import lab.backprop.step.TrainStepResponse;

/** The data of one {@code event: progress} of a streamed /train run. */
@Schema(name = "TrainProgress", description = """
		The data of an `event: progress` of a streamed run (`Accept: text/event-stream`): the run after \
		`step` steps, with the fields of a `history` point. Sent at step 0, at every point of the history \
		and at least every 250 ms between them (after each step, when a step takes longer). With `grid` \
		in the request, it also carries the parameters at that step and their decision boundary, so that \
		a page can animate from the stream.""",
		example = "{\"step\": 100, \"loss\": 0.2315, \"testLoss\": 0.2487, \"accuracy\": 0.9, \"testAccuracy\": 0.86, \"elapsedMillis\": 41}")
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "step", "loss", "dataLoss", "testLoss", "accuracy", "testAccuracy", "elapsedMillis", "layers",
		"grid" })
public record TrainProgress(
		@Schema(description = "Steps taken so far.", requiredMode = Schema.RequiredMode.REQUIRED) long step,
		@Schema(description = "As in a history point: the loss over the whole training set.",
				requiredMode = Schema.RequiredMode.REQUIRED) double loss,
		@Schema(description = "As in a history point: only with `regularization`.") Double dataLoss,
		@Schema(description = "As in a history point: only with `test`.") Double testLoss,
		@Schema(description = "As in a history point: only for a classifier.") Double accuracy,
		@Schema(description = "As in a history point: only for a classifier with `test`.") Double testAccuracy,
		@Schema(description = "Milliseconds since the run started.",
				requiredMode = Schema.RequiredMode.REQUIRED) long elapsedMillis,
		@ArraySchema(arraySchema = @Schema(description = "Only with `grid`: the parameters after `step` steps."),
				schema = @Schema(implementation = LayerSpec.class)) List<TrainStepResponse.LayerParameters> layers,
		@Schema(description = "Only with `grid`: their output over the grid.") GridResponse grid) {
}
