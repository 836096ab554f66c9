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
				"en", "ru" }, requiredMode = Schema.RequiredMode.REQUIRED) String language,
		@Schema(description = "Explains `forward`.", requiredMode = Schema.RequiredMode.REQUIRED) Forward forward,
		@Schema(description = "Explains `backward`.", requiredMode = Schema.RequiredMode.REQUIRED) Backward backward,
		@Schema(description = "Explains `update`.", requiredMode = Schema.RequiredMode.REQUIRED) Update update,
		@Schema(description = "Explains `after`.", requiredMode = Schema.RequiredMode.REQUIRED) After after){

	@Schema(name = "ForwardExplanations", description = "The forward pass: per layer z and output, then the loss.")
	@JsonPropertyOrder({ "layers", "dataLoss", "penalty", "loss" })
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Forward(
			@Schema(description = "Per layer, first to last.",
					requiredMode = Schema.RequiredMode.REQUIRED) List<ForwardLayer> layers,
			@Schema(description = "Only with `regularization`: explains `forward.dataLoss`.") Explanation dataLoss,
			@Schema(description = "Only with `regularization`: explains `forward.penalty`.") Explanation penalty,
			@Schema(description = "Explains `forward.loss` (with `regularization`, the data loss plus the penalty).",
					requiredMode = Schema.RequiredMode.REQUIRED) Explanation loss) {

		public Forward(List<ForwardLayer> layers, Explanation loss) {
			this(layers, null, null, loss);
		}
	}

	@Schema(name = "ForwardLayerExplanations", description = "One layer's forward values explained.")
	@JsonPropertyOrder({ "z", "output" })
	public record ForwardLayer(
			@Schema(description = "Explains the layer's `z`.",
					requiredMode = Schema.RequiredMode.REQUIRED) Explanation z,
			@Schema(description = "Explains the layer's `output`.",
					requiredMode = Schema.RequiredMode.REQUIRED) Explanation output) {
	}

	@Schema(name = "BackwardExplanations", description = "The chain rule, factor by factor.")
	@JsonPropertyOrder({ "dL_dPrediction", "layers" })
	public record Backward(@Schema(description = "Explains `backward.dL_dPrediction`.",
			requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("dL_dPrediction") Explanation dLdPrediction,
			@Schema(description = "Per layer, first to last.",
					requiredMode = Schema.RequiredMode.REQUIRED) List<BackwardLayer> layers) {
	}

	@Schema(name = "BackwardLayerExplanations", description = """
			For softmax, `dOutput_dZ` is null in the response (a Jacobian); its explanation shows the \
			Jacobian of the first example.""")
	@JsonPropertyOrder({ "dL_dOutput", "dOutput_dZ", "dL_dZ", "dL_dW", "dL_db", "dL_dInput" })
	public record BackwardLayer(
			@Schema(description = "Explains the layer's `dL_dOutput`.",
					requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("dL_dOutput") Explanation dLdOutput,
			@Schema(description = "Explains the layer's `dOutput_dZ`.",
					requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("dOutput_dZ") Explanation dOutputdZ,
			@Schema(description = "Explains the layer's `dL_dZ`.",
					requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("dL_dZ") Explanation dLdZ,
			@Schema(description = "Explains the layer's `dL_dW`.",
					requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("dL_dW") Explanation dLdW,
			@Schema(description = "Explains the layer's `dL_db`.",
					requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("dL_db") Explanation dLdb,
			@Schema(description = "Explains the layer's `dL_dInput`.",
					requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("dL_dInput") Explanation dLdInput) {
	}

	@Schema(name = "UpdateExplanations", description = """
			The update, per layer: θ − η·dL/dθ for plain gradient descent; for another optimizer, the \
			change it made (its formula is in the description of `optimizer`).""")
	public record Update(@Schema(description = "Per layer, first to last.",
			requiredMode = Schema.RequiredMode.REQUIRED) List<UpdateLayer> layers) {
	}

	@Schema(name = "UpdateLayerExplanations", description = "One layer's update explained.")
	@JsonPropertyOrder({ "weights", "bias" })
	public record UpdateLayer(
			@Schema(description = "Explains the new weights.",
					requiredMode = Schema.RequiredMode.REQUIRED) Explanation weights,
			@Schema(description = "Explains the new bias.",
					requiredMode = Schema.RequiredMode.REQUIRED) Explanation bias) {
	}

	@Schema(name = "AfterExplanations", description = "The check: the new prediction, the new loss and the change.")
	@JsonPropertyOrder({ "prediction", "loss", "lossChange" })
	public record After(
			@Schema(description = "Explains `after.prediction`.",
					requiredMode = Schema.RequiredMode.REQUIRED) Explanation prediction,
			@Schema(description = "Explains `after.loss`.",
					requiredMode = Schema.RequiredMode.REQUIRED) Explanation loss,
			@Schema(description = "Explains `after.lossChange`.",
					requiredMode = Schema.RequiredMode.REQUIRED) Explanation lossChange) {
	}
}
