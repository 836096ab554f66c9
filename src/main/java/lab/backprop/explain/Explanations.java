package lab.backprop.explain;

import java.util.List;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The texts of {@code ?explain=true}: a section keyed like the response itself, so that
 * {@code explanations.backward.layers[0].dL_dZ} explains
 * {@code backward.layers[0].dL_dZ}.
 */
@Schema(name = "Explanations", description = """
		Only with `explain=true`: for every value of the step, its rule (`formula`), the rule with this \
		request's numbers (`substituted`) and what it means (`meaning`), keyed exactly like the response: \
		`explanations.backward.layers[0].dL_dZ` explains `backward.layers[0].dL_dZ`. In English, or in \
		Russian with `Accept-Language: ru`.""")
@JsonPropertyOrder({ "language", "forward", "backward", "update", "after" })
public record Explanations(
		@Schema(description = "The language of the texts, as in the Content-Language header.", allowableValues = {
				"en", "ru" }) String language,
		@Schema(description = "Explains `forward`.") Forward forward,
		@Schema(description = "Explains `backward`.") Backward backward,
		@Schema(description = "Explains `update`.") Update update,
		@Schema(description = "Explains `after`.") After after){

	@Schema(name = "ForwardExplanations", description = "The forward pass: per layer z and output, then the loss.")
	@JsonPropertyOrder({ "layers", "dataLoss", "penalty", "loss" })
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Forward(@Schema(description = "Per layer, first to last.") List<ForwardLayer> layers,
			@Schema(description = "Only with `regularization`: explains `forward.dataLoss`.",
					nullable = true) Explanation dataLoss,
			@Schema(description = "Only with `regularization`: explains `forward.penalty`.",
					nullable = true) Explanation penalty,
			@Schema(description = "Explains `forward.loss` (with `regularization`, the data loss plus the penalty).") Explanation loss) {

		public Forward(List<ForwardLayer> layers, Explanation loss) {
			this(layers, null, null, loss);
		}
	}

	@Schema(name = "ForwardLayerExplanations", description = "One layer's forward values explained.")
	@JsonPropertyOrder({ "z", "output" })
	public record ForwardLayer(@Schema(description = "Explains the layer's `z`.") Explanation z,
			@Schema(description = "Explains the layer's `output`.") Explanation output) {
	}

	@Schema(name = "BackwardExplanations", description = "The chain rule, factor by factor.")
	@JsonPropertyOrder({ "dL_dPrediction", "layers" })
	public record Backward(@Schema(
			description = "Explains `backward.dL_dPrediction`.") @JsonProperty("dL_dPrediction") Explanation dLdPrediction,
			@Schema(description = "Per layer, first to last.") List<BackwardLayer> layers) {
	}

	@Schema(name = "BackwardLayerExplanations", description = """
			For softmax, `dOutput_dZ` is null in the response (a Jacobian); its explanation shows the \
			Jacobian of the first example.""")
	@JsonPropertyOrder({ "dL_dOutput", "dOutput_dZ", "dL_dZ", "dL_dW", "dL_db", "dL_dInput" })
	public record BackwardLayer(@Schema(
			description = "Explains the layer's `dL_dOutput`.") @JsonProperty("dL_dOutput") Explanation dLdOutput,
			@Schema(description = "Explains the layer's `dOutput_dZ`.") @JsonProperty("dOutput_dZ") Explanation dOutputdZ,
			@Schema(description = "Explains the layer's `dL_dZ`.") @JsonProperty("dL_dZ") Explanation dLdZ,
			@Schema(description = "Explains the layer's `dL_dW`.") @JsonProperty("dL_dW") Explanation dLdW,
			@Schema(description = "Explains the layer's `dL_db`.") @JsonProperty("dL_db") Explanation dLdb,
			@Schema(description = "Explains the layer's `dL_dInput`.") @JsonProperty("dL_dInput") Explanation dLdInput) {
	}

	@Schema(name = "UpdateExplanations", description = """
			The update, per layer: θ − η·dL/dθ for plain gradient descent; for another optimizer, the \
			change it made (its formula is in the description of `optimizer`).""")
	public record Update(@Schema(description = "Per layer, first to last.") List<UpdateLayer> layers) {
	}

	@Schema(name = "UpdateLayerExplanations", description = "One layer's update explained.")
	@JsonPropertyOrder({ "weights", "bias" })
	public record UpdateLayer(@Schema(description = "Explains the new weights.") Explanation weights,
			@Schema(description = "Explains the new bias.") Explanation bias) {
	}

	@Schema(name = "AfterExplanations", description = "The check: the new prediction, the new loss and the change.")
	@JsonPropertyOrder({ "prediction", "loss", "lossChange" })
	public record After(@Schema(description = "Explains `after.prediction`.") Explanation prediction,
			@Schema(description = "Explains `after.loss`.") Explanation loss,
			@Schema(description = "Explains `after.lossChange`.") Explanation lossChange) {
	}
}
