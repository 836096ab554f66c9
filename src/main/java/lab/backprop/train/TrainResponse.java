package lab.backprop.train;

import java.util.List;
import lab.backprop.engine.Training;
import lab.backprop.request.OptimizerSpec;
import lab.backprop.request.OptimizerStateBody;
import lab.backprop.step.TrainStepResponse;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import lab.backprop.request.TrainStepRequest.LayerSpec;

/** What a training run gave. */
@Schema(name = "TrainResponse",
		description = "The outcome of a training run: why it stopped, the loss history and the final parameters.")
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "stoppedBecause", "stepsRun", "loss", "divergedAt", "history", "recordEvery", "optimizer",
		"layers", "optimizerState", "first", "last" })
public record TrainResponse(

		@Schema(description = """
				`steps`: every requested step ran; `target_loss`: the loss reached `targetLoss`; `diverged`: a \
				value of the next step was not a finite number (see `divergedAt`), and the result is the last \
				finite one.""", allowableValues = {
				"steps", "target_loss", "diverged" },
				requiredMode = Schema.RequiredMode.REQUIRED) String stoppedBecause,

		@Schema(description = "How many steps ran (and are in `layers` and `optimizerState`).",
				requiredMode = Schema.RequiredMode.REQUIRED) int stepsRun,

		@Schema(description = "The loss of the final `layers`.",
				requiredMode = Schema.RequiredMode.REQUIRED) double loss,

		@Schema(description = "Only when `stoppedBecause` is `diverged`: the step that could not be completed and the first quantity of it that was not finite.") Divergence divergedAt,

		@Schema(description = "(step, loss) pairs: the loss after `step` steps, for step 0, every multiple of `recordEvery` and the last step.",
				requiredMode = Schema.RequiredMode.REQUIRED) List<HistoryPoint> history,

		@Schema(description = "The sampling of `history` that was used.",
				requiredMode = Schema.RequiredMode.REQUIRED) int recordEvery,

		@Schema(description = "The optimizer as run, with every hyper-parameter.",
				requiredMode = Schema.RequiredMode.REQUIRED) OptimizerSpec optimizer,

		@ArraySchema(
				arraySchema = @Schema(description = "The final parameters, ready to be sent back as `layers`.",
						requiredMode = Schema.RequiredMode.REQUIRED),
				schema = @Schema(implementation = LayerSpec.class)) List<TrainStepResponse.LayerParameters> layers,

		@Schema(description = "The optimizer's state after `stepsRun` steps, ready to be sent back as `optimizerState`.",
				requiredMode = Schema.RequiredMode.REQUIRED) OptimizerStateBody optimizerState,

		@Schema(description = "With `trace`: the first step in full, as /train-step answers it. Absent without `trace` and when no step ran.") TrainStepResponse first,

		@Schema(description = "With `trace`: the last step that ran, in full. Absent without `trace` and when no step ran.") TrainStepResponse last){

	@Schema(name = "HistoryPoint", description = "The loss after a number of steps.")
	@JsonPropertyOrder({ "step", "loss" })
	public record HistoryPoint(
			@Schema(description = "Steps taken: 0 is the loss of the parameters sent.",
					requiredMode = Schema.RequiredMode.REQUIRED) long step,
			@Schema(description = "The loss after that many steps.",
					requiredMode = Schema.RequiredMode.REQUIRED) double loss) {

		static List<HistoryPoint> of(List<Training.LossPoint> points) {
			return points.stream().map(p -> new HistoryPoint(p.step(), p.loss())).toList();
		}
	}

	@Schema(name = "Divergence", description = "Where training stopped being finite.")
	@JsonPropertyOrder({ "step", "quantity" })
	public record Divergence(
			@Schema(description = "The step (1-based) that could not be completed.",
					requiredMode = Schema.RequiredMode.REQUIRED) int step,
			@Schema(description = "The first quantity of that step that was not a finite number, as a path into a /train-step answer.",
					example = "after.loss", requiredMode = Schema.RequiredMode.REQUIRED) String quantity) {
	}
}
