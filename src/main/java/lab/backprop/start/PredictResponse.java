package lab.backprop.start;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.swagger.v3.oas.annotations.media.Schema;

import lab.backprop.engine.ForwardPass;
import lab.backprop.engine.linalg.Matrices;

/** The forward pass alone. */
@Schema(name = "PredictResponse", description = """
		The forward pass: per layer z and its output, the prediction and, when a label was sent, the loss. \
		The same numbers as /train-step's `forward` for the same network and inputs.""")
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "layers", "prediction", "loss" })
public record PredictResponse(
		@Schema(requiredMode = Schema.RequiredMode.REQUIRED,
				description = "Per layer, first to last.") List<LayerOutput> layers,
		@Schema(requiredMode = Schema.RequiredMode.REQUIRED,
				description = "ŷ: the last layer's output, batch × outputs.",
				example = "[[0.7513650695523157, 0.7729284653214625]]") double[][] prediction,
		@Schema(description = "The loss of the prediction against `label` (see `loss` in the request); absent without a label.",
				nullable = true, example = "0.2983711087600027") Double loss) {

	@Schema(name = "LayerOutput", description = "One layer's forward values, each batch × neurons.")
	@JsonPropertyOrder({ "z", "activation", "output" })
	public record LayerOutput(
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "z = input · weights + bias.",
					example = "[[0.3775, 0.39249999999999996]]") double[][] z,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The layer's activation, lower case.",
					example = "sigmoid") String activation,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "activation(z): the next layer's input.",
					example = "[[0.5932699921071872, 0.596884378259767]]") double[][] output) {
	}

	static PredictResponse of(List<ForwardPass.LayerValues> values, Double loss) {
		List<LayerOutput> layers = new ArrayList<>(values.size());
		for (ForwardPass.LayerValues v : values) {
			layers.add(new LayerOutput(Matrices.rows(v.z()), v.activation().wireName(), Matrices.rows(v.output())));
		}
		return new PredictResponse(layers, Matrices.rows(values.get(values.size() - 1).output()), loss);
	}

}
