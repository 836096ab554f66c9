package lab.backprop.train;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import tools.jackson.databind.annotation.JsonDeserialize;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import lab.backprop.request.FiniteNumber;
import lab.backprop.request.WholeNumberDeserializer;

/** Which decision boundary to draw: a grid of two-feature points. */
@Schema(name = "GridRequest", description = """
		A grid of points (x₁, x₂) to run the trained network on, for the picture of its decision \
		boundary: `x.points` values from `x.min` to `x.max` (ends included, evenly spaced) times \
		`y.points` values from `y.min` to `y.max`. The network's inputs are the two coordinates, or \
		with `features` the columns computed from them (as the data set's `features`). All points go \
		through the network as one batch, so points × the neurons of all layers must fit \
		backprop.limits.max-activations (default 1,000,000) and points × input columns \
		backprop.limits.max-input-numbers, else a 413.""",
		example = "{\"x\": {\"min\": -6, \"max\": 6, \"points\": 50}, \"y\": {\"min\": -6, \"max\": 6, \"points\": 50}}")
@JsonPropertyOrder({ "x", "y", "neurons", "features" })
public record GridRequest(

		@Schema(description = "The horizontal axis: the first feature x₁.",
				requiredMode = Schema.RequiredMode.REQUIRED) @NotNull(
						message = "is required: {min, max, points}") @Valid Axis x,

		@Schema(description = "The vertical axis: the second feature x₂.",
				requiredMode = Schema.RequiredMode.REQUIRED) @NotNull(
						message = "is required: {min, max, points}") @Valid Axis y,

		@Schema(description = "Also the picture of every neuron of every layer (`grid.layers`). Default false.",
				defaultValue = "false") Boolean neurons,

		@ArraySchema(schema = @Schema(description = "A column computed from (x₁, x₂).", allowableValues = {
				"x1", "x2", "x1^2", "x2^2", "x1*x2", "sin(x1)", "sin(x2)" }),
				arraySchema = @Schema(description = """
						The network's input columns in order, as the data set's `features`: one per input of \
						the first layer. Default: [x1, x2], the coordinates themselves.""",
						example = "[\"x1\", \"x2\", \"x1^2\", \"x2^2\"]")) List<@NotNull(
								message = "must be a feature name, not null") String> features){

	@Schema(name = "GridAxis", description = "Evenly spaced values from `min` to `max`, both included.")
	@JsonPropertyOrder({ "min", "max", "points" })
	public record Axis(

			@Schema(description = "The first value, finite.", example = "-6",
					requiredMode = Schema.RequiredMode.REQUIRED) @NotNull(
							message = "is required: a finite number") @FiniteNumber(
									message = "must be a finite number, not ${validatedValue}") Double min,

			@Schema(description = "The last value, finite and greater than `min`.", example = "6",
					requiredMode = Schema.RequiredMode.REQUIRED) @NotNull(
							message = "is required: a finite number") @FiniteNumber(
									message = "must be a finite number, not ${validatedValue}") Double max,

			@Schema(description = "How many values: 2 to 200.", example = "50", minimum = "2", maximum = "200",
					requiredMode = Schema.RequiredMode.REQUIRED) @JsonDeserialize(
							using = WholeNumberDeserializer.Int.class) @NotNull(message = "is required: 2 to 200") @Min(
									value = 2,
									message = "must be from 2 to 200, not ${validatedValue}") @Max(value = 200,
											message = "must be from 2 to 200, not ${validatedValue}") Integer points) {
	}
}
