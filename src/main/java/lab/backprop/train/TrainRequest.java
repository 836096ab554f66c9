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
import lab.backprop.request.HeldOutData;
import lab.backprop.request.RegularizationSpec;
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
		`recordEvery`, `trace`, a `test` set, mini-batches (`batchSize`, `shuffleSeed`) and a `grid` for \
		the decision boundary.""")
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
				The run must also fit the compute budget backprop.limits.max-train-work (default \
				20000000000; full-batch, steps × parameters × batch), or the answer is a 413.""", example = "1000",
				minimum = "1", requiredMode = Schema.RequiredMode.REQUIRED) @JsonDeserialize(
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

		@Schema(description = "Also return the first and the last step in full, as /train-step shows them. Default false.") Boolean trace,

		@Schema(description = """
				As in /train-step: a penalty on the weights added to the loss. `history`'s `loss` is then the \
				objective (data loss plus penalty) and each point also has `dataLoss`.""") @Valid RegularizationSpec regularization,

		@Schema(description = """
				Held-out examples, never trained on: every `history` point and the answer gain `testLoss` \
				(the data loss alone) and, for a classifier, `testAccuracy`.""") @Valid HeldOutData test,

		@Schema(description = """
				Mini-batch training: the examples of one step, 1 to the number of examples. Each epoch takes \
				every example once in an order shuffled with `shuffleSeed`, `batchSize` at a time (the last \
				batch of an epoch smaller when it does not divide the examples); every step is /train-step \
				on its batch, and `steps` counts these steps. `history` and `targetLoss` use the loss over \
				the whole training set after each step. `optimizerState` then carries `epoch` and \
				`position`, so that a run continued from an answer gives exactly what one longer run gives. \
				Default, or equal to the number of examples: the whole set every step, in its order (the \
				same numbers as without it). The order: for epoch e, SplitMix64 seeded with \
				mix(shuffleSeed + (e + 1)·0x9E3779B97F4A7C15), then Fisher–Yates from the last index down, \
				j = ((next >>> 33)·(i + 1)) >>> 31; docs/api.md writes it out.""", example = "10",
				minimum = "1") @JsonDeserialize(using = WholeNumberDeserializer.Int.class) @Min(value = 1,
						message = "must be at least 1, not ${validatedValue}") Integer batchSize,

		@Schema(description = "The seed of the mini-batches' order (any 64-bit integer). Default 0.",
				example = "0") @JsonDeserialize(using = WholeNumberDeserializer.class) Long shuffleSeed,

		@Schema(description = """
				Also answer the trained network's output over a grid of points (x₁, x₂): its decision \
				boundary (`grid` in the answer, and in every progress event of a streamed run).""") @Valid GridRequest grid)
		implements
			StepBody{

}
