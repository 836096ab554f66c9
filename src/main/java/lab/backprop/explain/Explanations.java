package lab.backprop.explain;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The texts of {@code ?explain=true}: a section keyed like the response itself, so that
 * {@code explanations.backward.layers[0].dL_dZ} explains {@code backward.layers[0].dL_dZ}.
 */
@Schema(name = "Explanations", description = """
		Only with `explain=true`: for every value of the step, its rule (`formula`), the rule with this \
		request's numbers (`substituted`) and what it means (`meaning`), keyed exactly like the response: \
		`explanations.backward.layers[0].dL_dZ` explains `backward.layers[0].dL_dZ`. In English, or in \
		Russian with `Accept-Language: ru`.""")
@JsonPropertyOrder({"language", "forward", "backward", "update", "after"})
public record Explanations(
		@Schema(description = "The language of the texts, as in the Content-Language header.", allowableValues = {"en", "ru"})
		String language,
		Forward forward, Backward backward, Update update, After after) {

	@Schema(name = "ForwardExplanations", description = "The forward pass: per layer z and output, then the loss.")
	@JsonPropertyOrder({"layers", "loss"})
	public record Forward(List<ForwardLayer> layers, Explanation loss) {
	}

	@Schema(name = "ForwardLayerExplanations")
	@JsonPropertyOrder({"z", "output"})
	public record ForwardLayer(Explanation z, Explanation output) {
	}

	@Schema(name = "BackwardExplanations", description = "The chain rule, factor by factor.")
	@JsonPropertyOrder({"dL_dPrediction", "layers"})
	public record Backward(@JsonProperty("dL_dPrediction") Explanation dLdPrediction, List<BackwardLayer> layers) {
	}

	@Schema(name = "BackwardLayerExplanations", description = """
			For softmax, `dOutput_dZ` is null in the response (a Jacobian); its explanation shows the \
			Jacobian of the first example.""")
	@JsonPropertyOrder({"dL_dOutput", "dOutput_dZ", "dL_dZ", "dL_dW", "dL_db", "dL_dInput"})
	public record BackwardLayer(
			@JsonProperty("dL_dOutput") Explanation dLdOutput,
			@JsonProperty("dOutput_dZ") Explanation dOutputdZ,
			@JsonProperty("dL_dZ") Explanation dLdZ,
			@JsonProperty("dL_dW") Explanation dLdW,
			@JsonProperty("dL_db") Explanation dLdb,
			@JsonProperty("dL_dInput") Explanation dLdInput) {
	}

	@Schema(name = "UpdateExplanations", description = "The gradient-descent update, per layer.")
	public record Update(List<UpdateLayer> layers) {
	}

	@Schema(name = "UpdateLayerExplanations")
	@JsonPropertyOrder({"weights", "bias"})
	public record UpdateLayer(Explanation weights, Explanation bias) {
	}

	@Schema(name = "AfterExplanations", description = "The check: the new prediction, the new loss and the change.")
	@JsonPropertyOrder({"prediction", "loss", "lossChange"})
	public record After(Explanation prediction, Explanation loss, Explanation lossChange) {
	}
}
