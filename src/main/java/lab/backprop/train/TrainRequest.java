package lab.backprop.train;

import java.util.List;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import tools.jackson.databind.annotation.JsonDeserialize;
import lab.backprop.request.NumberArray;
import lab.backprop.request.OptimizerSpec;
import lab.backprop.request.OptimizerStateBody;
import lab.backprop.request.TrainStepRequest.LayerSpec;
import lab.backprop.request.FiniteNumber;
import lab.backprop.request.WholeNumberDeserializer;

import io.swagger.v3.oas.annotations.media.Schema;
import lab.backprop.request.StepBody;

/**
 * The body of POST /train: a /train-step body ({@link StepBody}) and how long to train.
 * The fields shared with /train-step are repeated here so that unknown fields are still
 * refused.
 */
@Schema(name = "TrainRequest", description = """
		A /train-step body (every field means the same) plus `steps` and, optionally, `targetLoss`, \
		`recordEvery` and `trace`.""")
public record TrainRequest(

		@Schema(description = "As in /train-step: batch × features (a flat array is one example).",
				implementation = double[][].class, requiredMode = Schema.RequiredMode.REQUIRED) @NotNull(
						message = StepBody.INPUTS_REQUIRED) NumberArray inputs,

		@Schema(description = "As in /train-step: single-layer form, inputs × outputs.",
				implementation = double[][].class) NumberArray weights,

		@Schema(description = "As in /train-step: single-layer form, a 1 × outputs matrix (or a flat array, or a number).",
				implementation = double[][].class) NumberArray bias,

		@Schema(description = "As in /train-step: single-layer form. Default `sigmoid`.", allowableValues = {
				"sigmoid", "tanh", "relu", "leaky_relu", "linear", "softmax" }) String activation,

		@Schema(description = "As in /train-step: the network form, first to last.") @Size(min = 1,
				message = StepBody.LAYERS_NOT_EMPTY) List<@NotNull(
						message = StepBody.LAYER_NOT_NULL) @Valid LayerSpec> layers,

		@Schema(description = "As in /train-step: batch × outputs (or a flat array, or a number).",
				implementation = double[][].class, requiredMode = Schema.RequiredMode.REQUIRED) NumberArray label,

		@Schema(description = "As in /train-step. Default `mse`.",
				allowableValues = { "mse", "sse", "quadratic", "binary_cross_entropy", "cross_entropy" }) String loss,

		@Schema(description = "As in /train-step: the step size η, finite and > 0.", example = "0.5",
				exclusiveMinimumValue = 0, requiredMode = Schema.RequiredMode.REQUIRED) @NotNull(
						message = StepBody.LEARNING_RATE_REQUIRED) @FiniteNumber(min = 0, minExclusive = true,
								message = StepBody.LEARNING_RATE_RANGE) Double learningRate,

		@Schema(description = "As in /train-step. Default: plain sgd.") @Valid OptimizerSpec optimizer,

		@Schema(description = "As in /train-step: the state to continue from. Default: a fresh start.") @Valid OptimizerStateBody optimizerState,

		@Schema(description = """
				How many steps to take at most: 1 to backprop.limits.max-train-steps (default 100000). \
				steps × parameters × batch must also fit the compute budget backprop.limits.max-train-work \
				(default 100000000), or the answer is a 413.""", example = "1000", minimum = "1",
				requiredMode = Schema.RequiredMode.REQUIRED) @JsonDeserialize(
						using = WholeNumberDeserializer.Int.class) @TrainSteps Integer steps,

		@Schema(description = "Stop as soon as the loss is at or below this (checked before each step and after the last). Default: never.",
				example = "0.01") @FiniteNumber(
						message = "must be a finite number, not ${validatedValue}") Double targetLoss,

		@Schema(description = """
				Keep the loss of step 0, of every multiple of this step, and of the last step in `history`. \
				Default: ⌈steps / 100⌉, so that the history has about 100 points; at most \
				backprop.limits.max-history-points (default 10000) points may be asked for.""", example = "10",
				minimum = "1") @JsonDeserialize(using = WholeNumberDeserializer.Int.class) @Min(value = 1,
						message = "must be at least 1, not ${validatedValue}") Integer recordEvery,

		@Schema(description = "Also return the first and the last step in full, as /train-step shows them. Default false.") Boolean trace)
		implements
			StepBody{

}
