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
@JsonPropertyOrder({ "language", "summary", "forward", "backward", "update", "after", "network" })
public record Explanations(
		@Schema(description = "The language of the texts, as in the Content-Language header.", allowableValues = {
				"en", "ru" }, requiredMode = Schema.RequiredMode.REQUIRED) String language,
		@Schema(description = "Explains `forward`.", requiredMode = Schema.RequiredMode.REQUIRED) Forward forward,
		@Schema(description = "Explains `backward`.", requiredMode = Schema.RequiredMode.REQUIRED) Backward backward,
		@Schema(description = "Explains `update`.", requiredMode = Schema.RequiredMode.REQUIRED) Update update,
		@Schema(description = "Explains `after`.", requiredMode = Schema.RequiredMode.REQUIRED) After after,
		@Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = """
				The diagnosis of the whole step in a few sentences, naming the one thing most worth \
				noticing, in this order of precedence: a loss of 0 (nothing to learn), a loss that rose \
				(the learning rate is too large), exploding gradients (a layer's weight gradients over \
				100 times the output layer's), vanishing gradients (under 1/100 of them), ReLU layers \
				mostly dead for the whole batch, updates far from about 1e-3 of the weights (over 0.1: \
				the learning rate is too large; under 1e-5: too small), and otherwise that nothing is \
				alarming.""") String summary,
		@Schema(description = "The network as a whole, layer by layer: what no single value shows.",
				requiredMode = Schema.RequiredMode.REQUIRED) Network network){

	@Schema(name = "NetworkExplanations", description = """
			Per layer, first to last: its weight gradients against the output layer's (vanishing or \
			exploding with depth), its dead ReLU units, and its update against its weights.""")
	public record Network(@Schema(description = "Per layer, first to last.",
			requiredMode = Schema.RequiredMode.REQUIRED) List<NetworkLayer> layers) {
	}

	@Schema(name = "NetworkLayerExplanations", description = "One layer seen in the whole network.")
	@JsonPropertyOrder({ "gradientScale", "deadUnits", "updateRatio" })
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record NetworkLayer(@Schema(description = """
			rms(dL/dW) of this layer over rms(dL/dW) of the output layer (rms: the root mean square of \
			the elements): far below 1 (under 0.01) is a vanishing gradient, far above (over 100) an \
			exploding one.""") Explanation gradientScale, @Schema(description = """
			For a ReLU layer, the share of its units whose z is at most 0 for every example of the \
			batch (dead: they pass no gradient back); absent for other activations, whose units \
			cannot die.""") Explanation deadUnits, @Schema(description = """
			‖ΔW‖ / ‖W‖ (Frobenius norms): the update against the weights. About 1e-3 is healthy; \
			far above says the learning rate is too large, far below too small.""") Explanation updateRatio) {
	}

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
