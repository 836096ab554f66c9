package lab.backprop.step;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import lab.backprop.request.OptimizerSpec;
import lab.backprop.request.OptimizerStateBody;
import lab.backprop.request.TrainStepRequest.LayerSpec;

import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import org.apache.commons.math3.linear.RealMatrix;

import lab.backprop.engine.BackwardPass;
import lab.backprop.engine.ForwardPass;
import lab.backprop.engine.Layer;
import lab.backprop.engine.linalg.Matrices;
import lab.backprop.engine.Network;
import lab.backprop.engine.TrainingStep;
import lab.backprop.explain.Explanations;

/**
 * Everything one step computed, in the order the seed computes it. With
 * {@code include=summary} the same object without the per-layer values
 * ({@link #summary()}), and with {@code explain=true} with its {@code explanations}: one
 * schema for every JSON answer of /train-step.
 */
@Schema(name = "TrainStepResponse", description = """
		Every intermediate value of one step: forward, backward, update, after, and the optimizer's \
		state to send with the next step. With `include=summary`, `backward` and the per-layer values \
		of `forward` (`layers`, `prediction`) are left out; with `explain=true`, `explanations` is added.""")
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "forward", "backward", "update", "after", "optimizerState", "explanations" })
public record TrainStepResponse(@Schema(
		description = "The forward pass with the parameters sent: per layer input, z, output; the prediction; the loss.",
		requiredMode = Schema.RequiredMode.REQUIRED) Forward forward,
		@Schema(description = "The backward pass: dL/dŷ and, per layer, every factor of the chain rule. Absent with `include=summary`.") Backward backward,
		@Schema(description = "The optimizer's step (by default plain gradient descent) and the new parameters.",
				requiredMode = Schema.RequiredMode.REQUIRED) Update update,
		@Schema(description = "The forward pass again with the new parameters: prediction, loss and its change.",
				requiredMode = Schema.RequiredMode.REQUIRED) After after,
		@Schema(description = "The optimizer's state after this step: send it back as `optimizerState` with `update.layers`.",
				requiredMode = Schema.RequiredMode.REQUIRED) OptimizerStateBody optimizerState,
		@Schema(description = "Only with `explain=true`: formula, substituted numbers and meaning of every value.") Explanations explanations) {

	@Schema(name = "Forward", description = "The forward pass with the parameters sent.")
	@JsonPropertyOrder({ "layers", "prediction", "dataLoss", "penalty", "loss" })
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Forward(
			@Schema(description = "Per layer, first to last. Absent with `include=summary`.") List<ForwardLayer> layers,
			@Schema(description = "ŷ: the last layer's output, batch × outputs. Absent with `include=summary`.") double[][] prediction,
			@Schema(description = "Only with `regularization`: the loss of the prediction against the labels (see `loss` in the request).") Double dataLoss,
			@Schema(description = "Only with `regularization`: its penalty on the weights, λ·Σ|w| (l1) or (λ/2)·Σw² (l2).") Double penalty,
			@Schema(description = "The scalar loss L (see `loss` in the request); with `regularization`, dataLoss + penalty.",
					requiredMode = Schema.RequiredMode.REQUIRED) double loss) {

		/** A pass without a penalty. */
		public Forward(List<ForwardLayer> layers, double[][] prediction, double loss) {
			this(layers, prediction, null, null, loss);
		}
	}

	@Schema(name = "ForwardLayer", description = "One layer's forward values, each batch × neurons.")
	@JsonPropertyOrder({ "input", "z", "activation", "output" })
	public record ForwardLayer(
			@Schema(description = "What the layer receives: the inputs, or the previous layer's output.",
					requiredMode = Schema.RequiredMode.REQUIRED) double[][] input,
			@Schema(description = "z = input · weights + bias.",
					requiredMode = Schema.RequiredMode.REQUIRED) double[][] z,
			@Schema(description = "The activation applied to z, lower case.",
					requiredMode = Schema.RequiredMode.REQUIRED) String activation,
			@Schema(description = "activation(z).", requiredMode = Schema.RequiredMode.REQUIRED) double[][] output) {
	}

	@Schema(name = "Backward",
			description = "The chain rule, factor by factor. Gradients are exact derivatives of `forward.loss`.")
	@JsonPropertyOrder({ "dL_dPrediction", "layers" })
	public record Backward(@Schema(description = "dL/dŷ, batch × outputs.",
			requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("dL_dPrediction") double[][] dLdPrediction,
			@Schema(description = "Per layer, first to last (computed last to first).",
					requiredMode = Schema.RequiredMode.REQUIRED) List<BackwardLayer> layers) {
	}

	@Schema(name = "BackwardLayer", description = "One layer's chain-rule factors.")
	@JsonPropertyOrder({ "dL_dOutput", "dOutput_dZ", "dL_dZ", "dL_dW", "dL_db", "dL_dInput" })
	public record BackwardLayer(@Schema(
			description = "dL/dA for this layer's output A: dL_dPrediction for the last layer, the next layer's dL_dInput otherwise.",
			requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("dL_dOutput") double[][] dLdOutput,
			@Schema(description = "dA/dZ, element-wise. `null` for softmax, whose derivative is a Jacobian (dL_dZ is still given).",
					nullable = true,
					requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("dOutput_dZ") double[][] dOutputdZ,
			@Schema(description = "dL/dZ = dL/dA ⊙ dA/dZ (for softmax, the Jacobian product), batch × neurons.",
					requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("dL_dZ") double[][] dLdZ,
			@Schema(description = "dL/dW = inputᵀ · dL/dZ, the weights' shape (inputs × outputs).",
					requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("dL_dW") double[][] dLdW,
			@Schema(description = "dL/db: dL/dZ summed over the batch, one value per output neuron.",
					requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("dL_db") double[] dLdb,
			@Schema(description = "dL/dInput = dL/dZ · Wᵀ, batch × inputs: what the previous layer receives as its dL_dOutput.",
					requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("dL_dInput") double[][] dLdInput) {
	}

	@Schema(name = "Update", description = "One optimizer step; by default plain gradient descent, θ ← θ − η · dL/dθ.")
	@JsonPropertyOrder({ "learningRate", "optimizer", "layers" })
	public record Update(
			@Schema(description = "η, as sent.", requiredMode = Schema.RequiredMode.REQUIRED) double learningRate,
			@Schema(description = "The optimizer as run, with every hyper-parameter (defaults filled in).",
					requiredMode = Schema.RequiredMode.REQUIRED) OptimizerSpec optimizer,
			@ArraySchema(arraySchema = @Schema(
					description = "The new parameters, first to last: send them back as `layers` for the next step.",
					requiredMode = Schema.RequiredMode.REQUIRED),
					schema = @Schema(implementation = LayerSpec.class)) List<LayerParameters> layers) {
	}

	/**
	 * A layer's parameters as an answer writes them; documented as the request's
	 * {@code Layer} ({@link LayerSpec}), which takes them back as they are.
	 */
	@JsonPropertyOrder({ "weights", "bias", "activation" })
	public record LayerParameters(double[][] weights, double[] bias, String activation) {
	}

	@Schema(name = "After", description = "The forward pass again, with the updated parameters.")
	@JsonPropertyOrder({ "prediction", "dataLoss", "penalty", "loss", "lossChange" })
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record After(
			@Schema(description = "ŷ with the new parameters.",
					requiredMode = Schema.RequiredMode.REQUIRED) double[][] prediction,
			@Schema(description = "Only with `regularization`: the data loss with the new parameters.") Double dataLoss,
			@Schema(description = "Only with `regularization`: the penalty on the new weights.") Double penalty,
			@Schema(description = "The loss with the new parameters (with `regularization`, dataLoss + penalty).",
					requiredMode = Schema.RequiredMode.REQUIRED) double loss,
			@Schema(description = "after.loss − forward.loss: negative when the step lowered the loss.",
					requiredMode = Schema.RequiredMode.REQUIRED) double lossChange) {

		/** A pass without a penalty. */
		public After(double[][] prediction, double loss, double lossChange) {
			this(prediction, null, null, loss, lossChange);
		}
	}

	/** The step's answer; {@code regularized} shows the loss's data part and penalty. */
	public static TrainStepResponse from(TrainingStep.Result result, boolean regularized) {
		ForwardPass after = result.after();
		return new TrainStepResponse(forward(result.forward(), regularized), backward(result.backward()),
				new Update(result.learningRate(), OptimizerBodies.describe(result.optimizer()),
						parameters(result.updated())),
				new After(rows(after.prediction()), regularized ? after.dataLoss() : null,
						regularized ? after.penalty() : null, after.loss(), result.lossChange()),
				OptimizerBodies.state(result.optimizer(), result.state()), null);
	}

	/** This answer with its explanations. */
	public TrainStepResponse explainedBy(Explanations texts) {
		return new TrainStepResponse(forward, backward, update, after, optimizerState, texts);
	}

	/**
	 * The answer with {@code include=summary}: {@code forward.loss}, {@code update},
	 * {@code after} and {@code optimizerState}, the same objects as in the full answer,
	 * without the per-layer values.
	 */
	public TrainStepResponse summary() {
		return new TrainStepResponse(new Forward(null, null, forward.loss()), null, update, after, optimizerState,
				null);
	}

	public static TrainStepResponse from(TrainingStep.Result result) {
		return from(result, false);
	}

	private static Forward forward(ForwardPass pass, boolean regularized) {
		List<ForwardLayer> layers = new ArrayList<>(pass.layers().size());
		for (ForwardPass.LayerValues v : pass.layers()) {
			layers.add(new ForwardLayer(rows(v.input()), rows(v.z()), v.activation().wireName(), rows(v.output())));
		}
		return new Forward(layers, rows(pass.prediction()), regularized ? pass.dataLoss() : null,
				regularized ? pass.penalty() : null, pass.loss());
	}

	private static Backward backward(BackwardPass pass) {
		List<BackwardLayer> layers = new ArrayList<>(pass.layers().size());
		for (BackwardPass.LayerGradients g : pass.layers()) {
			layers.add(new BackwardLayer(rows(g.dLdOutput()), g.dOutputdZ() == null ? null : rows(g.dOutputdZ()),
					rows(g.dLdZ()), rows(g.dLdW()), g.dLdb().toArray(), rows(g.dLdInput())));
		}
		return new Backward(rows(pass.dLdPrediction()), layers);
	}

	public static List<LayerParameters> parameters(Network network) {
		List<LayerParameters> layers = new ArrayList<>(network.depth());
		for (Layer layer : network.layers()) {
			layers
				.add(new LayerParameters(rows(layer.weights()), layer.bias().toArray(), layer.activation().wireName()));
		}
		return layers;
	}

	private static double[][] rows(RealMatrix m) {
		return Matrices.rows(m);
	}
}
