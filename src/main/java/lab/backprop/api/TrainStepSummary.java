package lab.backprop.api;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.swagger.v3.oas.annotations.media.Schema;

import lab.backprop.engine.Matrices;
import lab.backprop.engine.TrainingStep;

/**
 * The answer with {@code include=summary}: {@code forward.loss}, {@code update} and {@code after},
 * in the same shape as in the full answer, without the per-layer intermediate values.
 */
@Schema(name = "TrainStepSummary", description = """
		The answer with `include=summary`: only `forward.loss`, `update` (learningRate and the new \
		layers) and `after` (prediction, loss, lossChange), each exactly as in the full answer.""")
@JsonPropertyOrder({"forward", "update", "after"})
public record TrainStepSummary(ForwardLoss forward, TrainStepResponse.Update update, TrainStepResponse.After after) {

	@Schema(name = "ForwardLoss", description = "The forward pass with the parameters sent: its loss only.")
	public record ForwardLoss(@Schema(description = "The scalar loss L (see `loss` in the request).") double loss) {
	}

	public static TrainStepSummary from(TrainingStep.Result result) {
		return new TrainStepSummary(new ForwardLoss(result.forward().loss()),
				new TrainStepResponse.Update(result.learningRate(), TrainStepResponse.parameters(result.updated())),
				new TrainStepResponse.After(Matrices.rows(result.after().prediction()), result.after().loss(),
						result.lossChange()));
	}
}
