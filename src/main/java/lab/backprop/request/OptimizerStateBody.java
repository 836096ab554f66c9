package lab.backprop.request;

import java.util.List;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import tools.jackson.databind.annotation.JsonDeserialize;

import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The optimizer's memory between steps, as returned by a step and sent back with the next
 * one.
 */
@Schema(name = "OptimizerState", description = """
		What the optimizer remembers between steps (PyTorch's optimizer state): the step count and, per \
		layer, its buffers. Returned by /train-step and /train; send it back unchanged, with the returned \
		`layers`, to continue: k calls of /train-step, each with the previous answer's `update.layers` and \
		`optimizerState`, give exactly what one /train of k steps gives. Leave it out to start afresh.""")
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "type", "step", "epoch", "position", "layers" })
public record OptimizerStateBody(

		@Schema(description = "The rule that kept this state; must match the request's optimizer as run (see `update.optimizer.type`).",
				example = "adam", requiredMode = Schema.RequiredMode.REQUIRED) @NotNull(
						message = "is required: the optimizer that kept this state") String type,

		@Schema(description = "Steps taken so far (t of the last step); 0 is a fresh start.", example = "1",
				minimum = "0", requiredMode = Schema.RequiredMode.REQUIRED) @JsonDeserialize(
						using = WholeNumberDeserializer.class) @NotNull(
								message = "is required: the number of steps taken so far, 0 for none") @PositiveOrZero(
										message = "must be ≥ 0, not ${validatedValue}") Long step,

		@Schema(description = """
				Mini-batch training (/train with `batchSize`): the epoch the next batch comes from, 0 for the \
				first. Present in /train's answers that used mini-batches; /train-step ignores it. Default 0.""",
				example = "3", minimum = "0") @JsonDeserialize(using = WholeNumberDeserializer.class) @PositiveOrZero(
						message = "must be ≥ 0, not ${validatedValue}") Long epoch,

		@Schema(description = """
				Mini-batch training: how many examples of the epoch's shuffled order are already used; the \
				next batch starts there. Below the number of training examples. Default 0.""", example = "40",
				minimum = "0") @JsonDeserialize(using = WholeNumberDeserializer.Int.class) @PositiveOrZero(
						message = "must be ≥ 0, not ${validatedValue}") Integer position,

		@Schema(description = """
				Per layer, first to last, the buffers of its weights and its bias. Absent for plain `sgd`, \
				which keeps none, and when `step` is 0.""") List<@NotNull(
				message = "must be an object \\{weights, bias\\}, not null") LayerStateBody> layers) {

	/** A state without a mini-batch position. */
	public OptimizerStateBody(String type, Long step, List<LayerStateBody> layers) {
		this(type, step, null, null, layers);
	}

	@Schema(name = "LayerOptimizerState", description = """
			One layer's buffers by name: `momentumBuffer` (sgd with momentum, rmsprop with momentum), \
			`expAvg` and `expAvgSq` (adam), `squareAvg` and, when centered, `gradAvg` (rmsprop).""")
	@JsonPropertyOrder({ "weights", "bias" })
	public record LayerStateBody(

			@Schema(description = "Buffers shaped like the layer's weights (inputs × outputs).",
					example = "{\"expAvg\": [[0.0]], \"expAvgSq\": [[0.0]]}",
					requiredMode = Schema.RequiredMode.REQUIRED) Map<String, double[][]> weights,

			@Schema(description = "Buffers shaped like the layer's bias (one value per output).",
					example = "{\"expAvg\": [0.0], \"expAvgSq\": [0.0]}",
					requiredMode = Schema.RequiredMode.REQUIRED) Map<String, double[]> bias) {
	}
}
