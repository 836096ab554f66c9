package lab.backprop.request;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.validation.constraints.NotNull;

import io.swagger.v3.oas.annotations.media.Schema;

/** Examples for measuring a network, never trained on: a test set. */
@Schema(name = "TestData", description = """
		Held-out examples, never trained on: `inputs` and `label` in the same forms as the request's own, \
		for the same network (as many features, as many outputs). The same limits apply to them as to \
		`inputs` (examples in a batch, input numbers, activations).""",
		example = "{\"inputs\": [[0.5, -0.5], [-0.5, 0.5]], \"label\": [[1], [0]]}")
@JsonPropertyOrder({ "inputs", "label" })
public record HeldOutData(

		@Schema(description = "Batch × features: one row per example.", oneOf = {
				double[][].class, double[].class }, requiredMode = Schema.RequiredMode.REQUIRED) @NotNull(
						message = "is required: batch × features, one row per example") NumberArray inputs,

		@Schema(description = "Batch × outputs, as the request's `label`.",
				oneOf = { double[][].class, double[].class, Double.class },
				requiredMode = Schema.RequiredMode.REQUIRED) @NotNull(
						message = "is required: batch × outputs") NumberArray label){
}
