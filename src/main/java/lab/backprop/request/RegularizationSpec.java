package lab.backprop.request;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.validation.constraints.NotNull;

import io.swagger.v3.oas.annotations.media.Schema;

/** A penalty on the weights, added to the loss. */
@Schema(name = "Regularization", description = """
		A penalty on every weight (not the biases) added to the loss: `l1` adds λ·Σ|w|, `l2` adds \
		(λ/2)·Σw². The answer shows the loss's data part and the penalty (`dataLoss`, `penalty`; `loss` is \
		their sum), and dL/dW includes the penalty's derivative: λ·sign(w) (0 at w = 0, as PyTorch's \
		sign) or λ·w. Unlike the optimizer's `weightDecay`, it is part of the loss, so the gradient check \
		and the explanations see it.""", example = "{\"type\": \"l2\", \"rate\": 0.001}")
@JsonPropertyOrder({ "type", "rate" })
public record RegularizationSpec(

		@Schema(description = "`l1` (λ·Σ|w|) or `l2` ((λ/2)·Σw²). Case-insensitive.", allowableValues = {
				"l1", "l2" },
				requiredMode = Schema.RequiredMode.REQUIRED) @NotNull(message = "is required: l1 or l2") String type,

		@Schema(description = "λ, the penalty's rate: a finite number ≥ 0.", example = "0.001", minimum = "0",
				requiredMode = Schema.RequiredMode.REQUIRED) @NotNull(
						message = "is required: λ, a finite number ≥ 0") @FiniteNumber(min = 0,
								message = "must be a finite number ≥ 0, not ${validatedValue}") Double rate){
}
