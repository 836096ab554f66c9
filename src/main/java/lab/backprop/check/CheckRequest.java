package lab.backprop.check;

import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.annotation.JsonDeserialize;

import lab.backprop.request.FiniteNumber;
import lab.backprop.request.NumberArray;
import lab.backprop.request.OptimizerSpec;
import lab.backprop.request.OptimizerStateBody;
import lab.backprop.request.RegularizationSpec;
import lab.backprop.request.StepBody;
import lab.backprop.request.TrainStepRequest.LayerSpec;
import lab.backprop.request.WholeNumberDeserializer;
import lab.backprop.request.WrittenNumbers;

/**
 * The body of POST /check: a /train-step body ({@link StepBody}) and the learner's
 * answers, with how to judge them. The fields shared with /train-step are repeated here
 * so that unknown fields are still refused.
 */
@Schema(name = "CheckRequest", description = """
		A /train-step body (every field means the same) plus `answers`: the learner's numbers for any \
		values of that step's answer, and optionally how to judge them (`significantDigits` or \
		`tolerance`, not both).""")
public record CheckRequest(

		@Schema(description = "As in /train-step: batch × features.", oneOf = {
				double[][].class, double[].class }, requiredMode = Schema.RequiredMode.REQUIRED) @NotNull(
						message = StepBody.INPUTS_REQUIRED) NumberArray inputs,

		@Schema(description = "As in /train-step: single-layer form, inputs × outputs.",
				oneOf = { double[][].class }) NumberArray weights,

		@Schema(description = "As in /train-step: single-layer form, a number, a flat array or a 1 × outputs matrix.",
				oneOf = { Double.class, double[].class, double[][].class }) NumberArray bias,

		@Schema(description = "As in /train-step: single-layer form.",
				allowableValues = { "sigmoid", "tanh", "relu", "leaky_relu", "linear", "softmax" },
				defaultValue = "sigmoid") String activation,

		@Schema(description = "As in /train-step: the network form, first to last.") @Size(min = 1,
				message = StepBody.LAYERS_NOT_EMPTY) List<@NotNull(
						message = StepBody.LAYER_NOT_NULL) @Valid LayerSpec> layers,

		@Schema(description = "As in /train-step: batch × outputs.",
				oneOf = { double[][].class, double[].class, Double.class },
				requiredMode = Schema.RequiredMode.REQUIRED) NumberArray label,

		@Schema(description = "As in /train-step.",
				allowableValues = { "mse", "sse", "quadratic", "binary_cross_entropy", "cross_entropy" },
				defaultValue = "mse") String loss,

		@Schema(description = "As in /train-step: the step size η, finite and > 0.", example = "0.1",
				exclusiveMinimumValue = 0, requiredMode = Schema.RequiredMode.REQUIRED) @NotNull(
						message = StepBody.LEARNING_RATE_REQUIRED) @FiniteNumber(min = 0, minExclusive = true,
								message = StepBody.LEARNING_RATE_RANGE) Double learningRate,

		@Schema(description = "As in /train-step. Default: plain sgd.") @Valid OptimizerSpec optimizer,

		@Schema(description = "As in /train-step: the state to continue from. Default: a fresh start.") @Valid OptimizerStateBody optimizerState,

		@Schema(description = """
				As in /train-step: a penalty on the weights added to the loss (l1 or l2). The answer then \
				has `/forward/dataLoss` and `/forward/penalty` (and the same in `after`) to answer, and \
				dL/dW includes the penalty's gradient. Default: none.""") @Valid RegularizationSpec regularization,

		@Schema(description = """
				The learner's numbers, keyed by JSON Pointers (RFC 6901) into the /train-step answer to \
				this body: a whole value (`/backward/layers/0/dL_dW`) or one element of it \
				(`/backward/layers/0/dL_dW/1/0`). Each value is a number, a flat array or an array of \
				rows, shaped like the value it answers (a bare number stands for a 1 × 1 matrix, a flat \
				array for one row); the numbers are judged as they are written, digit for digit.""",
				requiredMode = Schema.RequiredMode.REQUIRED,
				example = "{\"/forward/layers/0/z\": [[0.49]], \"/backward/layers/0/dL_dW\": [[-0.0188], [-0.0075], [-0.0301]]}",
				additionalPropertiesSchema = AnswerValue.class) Map<String, WrittenNumbers> answers,

		@Schema(description = """
				Judge every number as if it were written with this many significant digits (1 to 17): it \
				passes when it is the right value rounded to that many digits, give or take one unit in \
				the last digit. Not with `tolerance`. Default: each number at the precision it is written \
				with.""", minimum = "1", maximum = "17", example = "3") @JsonDeserialize(
				using = WholeNumberDeserializer.Int.class) @Min(value = 1,
						message = "must be from 1 to 17, not ${validatedValue}") @Max(value = 17,
								message = "must be from 1 to 17, not ${validatedValue}") Integer significantDigits,

		@Schema(description = """
				Judge every number by its distance instead: it passes when |given − expected| ≤ absolute + \
				relative · |expected|. Not with `significantDigits`.""") @Valid Tolerance tolerance)
		implements
			StepBody{

	/** A distance within which a number passes. */
	@Schema(name = "Tolerance",
			description = "A number passes when |given − expected| ≤ absolute + relative · |expected|.")
	public record Tolerance(
			@Schema(description = "The relative part, ≥ 0. Default 0.", example = "1e-3") @FiniteNumber(min = 0,
					message = "must be a finite number ≥ 0, not ${validatedValue}") Double relative,
			@Schema(description = "The absolute part, ≥ 0. Default 0.", example = "1e-6") @FiniteNumber(min = 0,
					message = "must be a finite number ≥ 0, not ${validatedValue}") Double absolute) {
	}

	/** The OpenAPI schema of one answer's value. */
	@Schema(name = "AnswerValue", description = """
			A number, a flat array of numbers or an array of rows of numbers, each number judged as \
			written.""", oneOf = { Double.class, double[].class, double[][].class })
	interface AnswerValue {

	}

}
