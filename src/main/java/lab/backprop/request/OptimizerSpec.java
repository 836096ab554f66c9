package lab.backprop.request;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.validation.constraints.NotNull;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The optimizer of a request, and, with every default filled in, of a response's
 * {@code update}. Fields that do not apply to the type are refused in a request and left
 * out of a response.
 */
@Schema(name = "Optimizer", description = """
		The update rule, with PyTorch's formulas and defaults (torch.optim.SGD, Adam, RMSprop). The \
		learning rate η is the request's `learningRate`. g is dL/dθ plus `weightDecay`·θ (PyTorch's L2 \
		weight decay, applied to weights and biases alike) and t is the step number, 1 for the first. \
		\n\n\
		- `sgd` (default): θ ← θ − η·g. With `momentum` μ > 0 it is torch.optim.SGD with momentum: \
		b ← g at the first step, then b ← μ·b + (1 − dampening)·g; θ ← θ − η·b (or, with `nesterov`, \
		θ ← θ − η·(g + μ·b)).\n\
		- `momentum`: `sgd` with `momentum` defaulting to 0.9.\n\
		- `nesterov`: `sgd` with `nesterov` true and `momentum` defaulting to 0.9 (dampening 0).\n\
		- `adam`: m ← β₁·m + (1 − β₁)·g, v ← β₂·v + (1 − β₂)·g², \
		θ ← θ − (η / (1 − β₁ᵗ))·m / (√v / √(1 − β₂ᵗ) + eps); m and v start at 0 (no amsgrad).\n\
		- `rmsprop`: s ← α·s + (1 − α)·g²; a ← √s + eps, or with `centered` ḡ ← α·ḡ + (1 − α)·g and \
		a ← √(s − ḡ²) + eps; θ ← θ − η·g/a, or with `momentum` μ > 0: b ← μ·b + g/a, θ ← θ − η·b; \
		every buffer starts at 0.\n\n\
		The state these rules keep is returned as `optimizerState`; send it back with the next request \
		to continue. In a response, `type` names the rule as run (`sgd` with momentum is `momentum`). \
		A setting that does not apply to the type is refused, unless it has the value that changes \
		nothing: `momentum` 0, `dampening` 0, `nesterov` false (but for `nesterov`), `centered` false.""")
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "type", "momentum", "dampening", "nesterov", "betas", "alpha", "eps", "centered", "weightDecay" })
@OptimizerSettings
public record OptimizerSpec(

		@Schema(description = "The rule; `sgd` is plain gradient descent.", allowableValues = {
				"sgd", "momentum", "nesterov", "adam", "rmsprop" },
				requiredMode = Schema.RequiredMode.REQUIRED) @NotNull(
						message = "is required: one of sgd, momentum, nesterov, adam, rmsprop") String type,

		@Schema(description = """
				μ, for `sgd`, `momentum`, `nesterov`, `rmsprop`: ≥ 0 (> 0 for `momentum` and `nesterov`). \
				Default 0.9 for `momentum` and `nesterov`, 0 otherwise (PyTorch's).""", example = "0.9") @FiniteNumber(
				min = 0, message = "must be a finite number ≥ 0, not ${validatedValue}") Double momentum,

		@Schema(description = "For `sgd` and `momentum`: 0 ≤ dampening ≤ 1. Default 0.") @FiniteNumber(min = 0, max = 1,
				message = "must be a finite number in [0, 1], not ${validatedValue}") Double dampening,

		@Schema(description = "For `sgd`: Nesterov momentum (needs `momentum` > 0 and dampening 0). Default false.") Boolean nesterov,

		@Schema(description = "For `adam`: [β₁, β₂], each in [0, 1). Default [0.9, 0.999].",
				example = "[0.9, 0.999]") double[] betas,

		@Schema(description = "For `rmsprop`: the smoothing constant α, in [0, 1]. Default 0.99.") @FiniteNumber(
				min = 0, max = 1, message = "must be a finite number in [0, 1], not ${validatedValue}") Double alpha,

		@Schema(description = "For `adam` and `rmsprop`: added to the denominator, ≥ 0. Default 1e-8.") @FiniteNumber(
				min = 0, message = "must be a finite number ≥ 0, not ${validatedValue}") Double eps,

		@Schema(description = "For `rmsprop`: normalise by the centred second moment (an estimate of the variance). Default false.") Boolean centered,

		@Schema(description = "L2 penalty, PyTorch style: g ← dL/dθ + weightDecay·θ before the rule, for weights and biases. ≥ 0, default 0.") @FiniteNumber(
				min = 0, message = "must be a finite number ≥ 0, not ${validatedValue}") Double weightDecay){
}
