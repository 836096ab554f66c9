package lab.backprop.start;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import lab.backprop.request.NetworkBody;
import lab.backprop.request.NumberArray;
import lab.backprop.request.TrainStepRequest.LayerSpec;

/**
 * The body of POST /predict: the network fields of a /train-step body, without the
 * training ones; {@code label} is optional.
 */
@Schema(name = "PredictRequest", description = """
		A network and its inputs, as in /train-step (either `layers` or the single-layer `weights`, \
		`bias`, `activation`), with an optional `label` (and `loss`) to score the prediction. No \
		`learningRate`: nothing is trained. Unknown fields are refused.""")
public record PredictRequest(

		@Schema(description = "As in /train-step: batch × features, one row per example; a flat array is one example.",
				oneOf = {
						double[][].class, double[].class },
				example = "[[0.05, 0.10], [0.9, -0.4]]", requiredMode = Schema.RequiredMode.REQUIRED) @NotNull(
						message = NetworkBody.INPUTS_REQUIRED) NumberArray inputs,

		@Schema(description = "As in /train-step: single-layer form, inputs × outputs.", oneOf = { double[][].class },
				example = "[[0.1], [-0.3], [0.5]]") NumberArray weights,

		@Schema(description = "As in /train-step: single-layer form, a number, a flat array or a 1 × outputs matrix.",
				oneOf = { Double.class, double[].class, double[][].class }, example = "[[0.1]]") NumberArray bias,

		@Schema(description = "As in /train-step: single-layer form.",
				allowableValues = { "sigmoid", "tanh", "relu", "leaky_relu", "linear", "softmax" },
				defaultValue = "sigmoid", example = "sigmoid") String activation,

		@Schema(description = """
				As in /train-step: the network form, first to last (what GET /initial-layers, \
				/train-step's `update.layers` and /train's `layers` give).""", example = """
				[{"weights": [[0.15, 0.25], [0.20, 0.30]], "bias": [0.35, 0.35], "activation": "sigmoid"}, \
				{"weights": [[0.40, 0.50], [0.45, 0.55]], "bias": [0.60, 0.60], "activation": "sigmoid"}]""") @Size(
				min = 1,
				message = NetworkBody.LAYERS_NOT_EMPTY) List<@NotNull(
						message = NetworkBody.LAYER_NOT_NULL) @Valid LayerSpec> layers,

		@Schema(description = """
				Optional: the true values, batch × outputs (the forms of /train-step's `label`). When \
				given, the answer has the `loss` of the prediction.""",
				oneOf = { double[][].class, double[].class, Double.class },
				example = "[[0.01, 0.99], [1, 0]]") NumberArray label,

		@Schema(description = "As in /train-step; used only with `label`.",
				allowableValues = { "mse", "sse", "quadratic", "binary_cross_entropy", "cross_entropy" },
				defaultValue = "mse", example = "quadratic") String loss)
		implements
			NetworkBody{

}
