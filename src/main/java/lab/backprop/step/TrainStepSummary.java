package lab.backprop.step;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import lab.backprop.request.OptimizerStateBody;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The answer with {@code include=summary}: {@code forward.loss}, {@code update} and
 * {@code after}, in the same shape as in the full answer, without the per-layer
 * intermediate values.
 */
@Schema(name = "TrainStepSummary", description = """
		The answer with `include=summary`: only `forward.loss`, `update` (learningRate and the new \
		layers) and `after` (prediction, loss, lossChange), each exactly as in the full answer.""")
@JsonPropertyOrder({ "forward", "update", "after", "optimizerState" })
public record TrainStepSummary(@Schema(description = "The forward pass: its loss only.") ForwardLoss forward,
		@Schema(description = "As in the full answer.") TrainStepResponse.Update update,
		@Schema(description = "As in the full answer.") TrainStepResponse.After after,
		@Schema(description = "As in the full answer: send it back with `update.layers`.") OptimizerStateBody optimizerState) {

	@Schema(name = "ForwardLoss", description = "The forward pass with the parameters sent: its loss only.")
	@JsonPropertyOrder({ "dataLoss", "penalty", "loss" })
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record ForwardLoss(
			@Schema(description = "Only with `regularization`: as in the full answer.",
					nullable = true) Double dataLoss,
			@Schema(description = "Only with `regularization`: as in the full answer.", nullable = true) Double penalty,
			@Schema(description = "The scalar loss L (see `loss` in the request).") double loss) {
	}

	/**
	 * The summary of a full answer: the same objects, without the intermediate values.
	 */
	public static TrainStepSummary from(TrainStepResponse full) {
		TrainStepResponse.Forward forward = full.forward();
		return new TrainStepSummary(new ForwardLoss(forward.dataLoss(), forward.penalty(), forward.loss()),
				full.update(), full.after(), full.optimizerState());
	}

}
