package lab.backprop.request;

import java.util.List;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The body of POST /train-step, as written: either the single-layer form
 * ({@code weights}, {@code bias}, {@code activation}) or the network form
 * ({@code layers}). A field sent as {@code null} is the same as a field left out. The
 * field rules are Bean Validation constraints; {@link StepRequestReader} checks the rest
 * (shapes, enum names) and builds the engine's network.
 */
@Schema(name = "TrainStepRequest", description = """
		A network, its inputs and labels, and the learning rate for one gradient-descent step. Give \
		either the single-layer form (`weights`, `bias`, optional `activation`) or the network form \
		(`layers`), not both. A field sent as `null` is the same as a field left out. Unknown fields \
		are refused.""")
public record TrainStepRequest(

		@Schema(description = """
				Batch × features: one row per example. Also accepted: a flat array, read as one \
				example (a bare number is an error).""", implementation = double[][].class,
				example = "[[0.5, 0.2, 0.8]]", requiredMode = Schema.RequiredMode.REQUIRED) @NotNull(
						message = StepBody.INPUTS_REQUIRED) NumberArray inputs,

		@Schema(description = """
				Single-layer form: the weights, inputs × outputs (the seed's W is 3 × 1, so \
				z = inputs · weights + bias). Must be a matrix; a flat array is an error.""",
				implementation = double[][].class, example = "[[0.1], [-0.3], [0.5]]") NumberArray weights,

		@Schema(description = """
				Single-layer form, required with `weights`: a 1 × outputs matrix (the seed's \
				`[[0.1]]`). Also accepted: a flat array with one value per output, or a number (the \
				same start value for every output neuron).""", implementation = double[][].class,
				example = "[[0.1]]") NumberArray bias,

		@Schema(description = "Single-layer form: the activation of the layer. Default `sigmoid`.", allowableValues = {
				"sigmoid", "tanh", "relu", "leaky_relu", "linear", "softmax" }) String activation,

		@Schema(description = """
				Network form: the layers, first to last. Each layer's weights have as many rows as \
				the previous layer (or the inputs) has outputs.""") @Size(min = 1,
				message = StepBody.LAYERS_NOT_EMPTY) List<@NotNull(
						message = StepBody.LAYER_NOT_NULL) @Valid LayerSpec> layers,

		@Schema(description = """
				The true values, batch × outputs. Also accepted: a number, for one output of one \
				example; a flat array, for one example's outputs when the batch has one example, \
				otherwise for one value per example when the network has one output.""",
				implementation = double[][].class, example = "[[0.7]]",
				requiredMode = Schema.RequiredMode.REQUIRED) NumberArray label,

		@Schema(description = """
				The loss. `mse`: mean over all elements of (ŷ − y)²; `sse`: their sum; `quadratic`: \
				(1/2n) Σ‖ŷ − y‖²; `binary_cross_entropy`: mean over all elements of \
				−[y ln ŷ + (1 − y) ln(1 − ŷ)]; `cross_entropy`: mean over examples of −Σ y ln ŷ. \
				Default `mse`.""",
				allowableValues = { "mse", "sse", "quadratic", "binary_cross_entropy", "cross_entropy" }) String loss,

		@Schema(description = "The step size η (with the default optimizer: θ ← θ − η · dL/dθ). Finite and > 0.",
				example = "0.1", exclusiveMinimumValue = 0, requiredMode = Schema.RequiredMode.REQUIRED) @NotNull(
						message = StepBody.LEARNING_RATE_REQUIRED) @FiniteNumber(min = 0, minExclusive = true,
								message = StepBody.LEARNING_RATE_RANGE) Double learningRate,

		@Schema(description = "The update rule and its hyper-parameters (PyTorch's). Default: plain sgd, θ ← θ − η · dL/dθ.") @Valid OptimizerSpec optimizer,

		@Schema(description = "The optimizer state a previous step returned, to continue from it. Default: a fresh start.") @Valid OptimizerStateBody optimizerState,

		@Schema(description = "A penalty on the weights added to the loss (l1 or l2). Default: none.") @Valid RegularizationSpec regularization)
		implements
			StepBody{

	/**
	 * One dense layer of the network form; its schema, {@code Layer}, is also that of the
	 * layers an answer returns ({@code update.layers}, /train's {@code layers}).
	 */
	@Schema(name = "Layer", description = """
			One dense layer: z = input · weights + bias, output = activation(z). The same in a request's \
			`layers` and in the `layers` an answer returns, so those can be sent back as they are.""")
	public record LayerSpec(

			@Schema(description = "Inputs × outputs. Must be a matrix.", implementation = double[][].class,
					example = "[[0.15, 0.25], [0.20, 0.30]]", requiredMode = Schema.RequiredMode.REQUIRED) @NotNull(
							message = OneNetworkForm.Validator.WEIGHTS_REQUIRED) NumberArray weights,

			@Schema(description = """
					One value per output neuron. Also accepted in a request: a 1 × outputs matrix, or a \
					number (the same for every output neuron).""", implementation = double[].class,
					example = "[0.35, 0.35]", requiredMode = Schema.RequiredMode.REQUIRED) @NotNull(
							message = OneNetworkForm.Validator.BIAS_REQUIRED) NumberArray bias,

			@Schema(description = "The activation. Default `sigmoid`; an answer always names it.", allowableValues = {
					"sigmoid", "tanh", "relu", "leaky_relu", "linear", "softmax" }) String activation){
	}
}
