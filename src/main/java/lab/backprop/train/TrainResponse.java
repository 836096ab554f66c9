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
@JsonPropertyOrder({ "stoppedBecause", "stepsRun", "loss", "dataLoss", "testLoss", "accuracy", "testAccuracy",
		"divergedAt", "history", "recordEvery", "optimizer", "layers", "optimizerState", "grid", "first", "last" })
public record TrainResponse(

		@Schema(description = """
				`steps`: every requested step ran; `target_loss`: the loss reached `targetLoss`; `diverged`: a \
				value of the next step was not a finite number (see `divergedAt`), and the result is the last \
				finite one; `time_limit`: the run used up backprop.limits.max-train-time (default 30 s); \
				`shutdown`: the service is stopping. In every case the answer holds the parameters and the \
				optimizer state after `stepsRun` steps, ready to continue from.""", allowableValues = {
				"steps", "target_loss", "diverged", "time_limit", "shutdown" },
				requiredMode = Schema.RequiredMode.REQUIRED) String stoppedBecause,

		@Schema(description = "How many steps ran (and are in `layers` and `optimizerState`).",
				requiredMode = Schema.RequiredMode.REQUIRED) int stepsRun,

		@Schema(description = "The loss of the final `layers` over the whole training set (with `regularization`, the data loss plus the penalty).",
				requiredMode = Schema.RequiredMode.REQUIRED) double loss,

		@Schema(description = "Only with `regularization`: the data loss of the final `layers`, without the penalty.") Double dataLoss,

		@Schema(description = "Only with `test`: the final `layers`' data loss on the test set.") Double testLoss,

		@Schema(description = """
				Only for a classifier (one sigmoid output with labels 0 or 1, the class being 1 when the \
				output is at least 0.5; or a softmax output with one-hot labels, the largest output winning): \
				the fraction of training examples classified right, 0 to 1.""") Double accuracy,

		@Schema(description = "Only for a classifier with `test`: the fraction of test examples classified right.") Double testAccuracy,

		@Schema(description = "Only when `stoppedBecause` is `diverged`: the step that could not be completed and the first quantity of it that was not finite.") Divergence divergedAt,

		@Schema(description = "The run's progress: step 0, every multiple of `recordEvery` and the last step.",
				requiredMode = Schema.RequiredMode.REQUIRED) List<HistoryPoint> history,

		@Schema(description = "The sampling of `history` that was used.",
				requiredMode = Schema.RequiredMode.REQUIRED) int recordEvery,

		@Schema(description = "The optimizer as run, with every hyper-parameter.",
				requiredMode = Schema.RequiredMode.REQUIRED) OptimizerSpec optimizer,

		@ArraySchema(
				arraySchema = @Schema(description = "The final parameters, ready to be sent back as `layers`.",
						requiredMode = Schema.RequiredMode.REQUIRED),
				schema = @Schema(implementation = LayerSpec.class)) List<TrainStepResponse.LayerParameters> layers,

		@Schema(description = "The optimizer's state after `stepsRun` steps, ready to be sent back as `optimizerState` (with mini-batches, also where the next batch starts).",
				requiredMode = Schema.RequiredMode.REQUIRED) OptimizerStateBody optimizerState,

		@Schema(description = "Only with `grid` in the request: the final network's output over the grid.") GridResponse grid,

		@Schema(description = "With `trace`: the first step in full, as /train-step answers it (with mini-batches, on its batch). Absent without `trace` and when no step ran.") TrainStepResponse first,

		@Schema(description = "With `trace`: the last step that ran, in full. Absent without `trace` and when no step ran.") TrainStepResponse last){

	@Schema(name = "HistoryPoint", description = """
			The run after a number of steps, over the whole training set (and the test set): the fields \
			that do not apply to the request are left out.""")
	@JsonPropertyOrder({ "step", "loss", "dataLoss", "testLoss", "accuracy", "testAccuracy" })
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record HistoryPoint(
			@Schema(description = "Steps taken: 0 is the loss of the parameters sent.",
					requiredMode = Schema.RequiredMode.REQUIRED) long step,
			@Schema(description = "The loss after that many steps (with `regularization`, data loss plus penalty).",
					requiredMode = Schema.RequiredMode.REQUIRED) double loss,
			@Schema(description = "Only with `regularization`: the data loss alone.") Double dataLoss,
			@Schema(description = "Only with `test`: the data loss on the test set.") Double testLoss,
			@Schema(description = "Only for a classifier: the fraction of training examples classified right.") Double accuracy,
			@Schema(description = "Only for a classifier with `test`: the fraction of test examples classified right.") Double testAccuracy) {

		static HistoryPoint of(Training.Point p) {
			return new HistoryPoint(p.step(), p.loss(), p.dataLoss(), p.testLoss(), p.accuracy(), p.testAccuracy());
		}

		static List<HistoryPoint> of(List<Training.Point> points) {
			return points.stream().map(HistoryPoint::of).toList();
		}
	}

	@Schema(name = "Divergence", description = "Where training stopped being finite.")
	@JsonPropertyOrder({ "step", "quantity" })
	public record Divergence(
			@Schema(description = "The step (1-based) that could not be completed.",
					requiredMode = Schema.RequiredMode.REQUIRED) int step,
			@Schema(description = """
					The first quantity of that step that was not a finite number, as a path into a /train-step \
					answer (of the step's batch); `training.*` is the loss over the whole training set after it, \
					`test.*` the test set's.""", example = "after.loss",
					requiredMode = Schema.RequiredMode.REQUIRED) String quantity) {
	}
}
