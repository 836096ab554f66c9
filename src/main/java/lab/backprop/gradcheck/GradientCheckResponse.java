package lab.backprop.gradcheck;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.swagger.v3.oas.annotations.media.Schema;

import lab.backprop.engine.GradientCheck;

/** The analytic gradients beside finite differences of the loss. */
@Schema(name = "GradientCheckResponse",
		description = "Every analytic gradient beside a central finite difference of the loss.")
@JsonPropertyOrder({ "passed", "loss", "tolerance", "method", "stepSize", "layers" })
public record GradientCheckResponse(

		@Schema(description = "True when every parameter agrees within `tolerance`.",
				requiredMode = Schema.RequiredMode.REQUIRED) boolean passed,

		@Schema(description = "The loss at the parameters sent.",
				requiredMode = Schema.RequiredMode.REQUIRED) double loss,

		@Schema(description = "What `passed` allows.", requiredMode = Schema.RequiredMode.REQUIRED) Tolerance tolerance,

		@Schema(description = "How the numeric gradient is computed.",
				requiredMode = Schema.RequiredMode.REQUIRED) String method,

		@Schema(description = "How the step h is chosen for each parameter θ.",
				requiredMode = Schema.RequiredMode.REQUIRED) String stepSize,

		@Schema(description = "Per layer, first to last.",
				requiredMode = Schema.RequiredMode.REQUIRED) List<Layer> layers) {

	static final String METHOD = """
			central difference (L(θ + h) − L(θ − h)) / 2h for every weight and bias, one at a time, \
			computed by Commons Math's FiniteDifferencesDifferentiator on 3 points (θ − h, θ, θ + h)""";

	static final String STEP_SIZE = "h = ∛ε · max(1, |θ|), ε = 2⁻⁵² (∛ε = " + GradientCheck.STEP_FACTOR
			+ "): it balances the truncation error (∝ h²) against the loss's rounding error (∝ ε/h)";

	@Schema(name = "GradientCheckTolerance", description = """
			A parameter passes when |analytic − numeric| ≤ absolute + relative · max(|analytic|, |numeric|).""")
	@JsonPropertyOrder({ "absolute", "relative" })
	public record Tolerance(
			@Schema(description = "The absolute part, for gradients near zero.", example = "1e-8",
					requiredMode = Schema.RequiredMode.REQUIRED) double absolute,
			@Schema(description = "The relative part, a fraction of the larger gradient.", example = "1e-5",
					requiredMode = Schema.RequiredMode.REQUIRED) double relative) {
	}

	@Schema(name = "GradientCheckLayer", description = "One layer's gradients and their largest disagreement.")
	@JsonPropertyOrder({ "passed", "maxAbsoluteError", "maxRelativeError", "weights", "bias" })
	public record Layer(
			@Schema(description = "True when every weight and bias of the layer passes.",
					requiredMode = Schema.RequiredMode.REQUIRED) boolean passed,
			@Schema(description = "The largest |analytic − numeric| of the layer.",
					requiredMode = Schema.RequiredMode.REQUIRED) double maxAbsoluteError,
			@Schema(description = "The largest |analytic − numeric| / max(|analytic|, |numeric|) of the layer (0 where both are 0).",
					requiredMode = Schema.RequiredMode.REQUIRED) double maxRelativeError,
			@Schema(description = "dL/dW, inputs × outputs.",
					requiredMode = Schema.RequiredMode.REQUIRED) Weights weights,
			@Schema(description = "dL/db, one per output.", requiredMode = Schema.RequiredMode.REQUIRED) Bias bias) {
	}

	@Schema(name = "GradientCheckWeights")
	@JsonPropertyOrder({ "analytic", "numeric" })
	public record Weights(
			@Schema(description = "From the backward pass (as /train-step's dL_dW).",
					requiredMode = Schema.RequiredMode.REQUIRED) double[][] analytic,
			@Schema(description = "From the finite difference.",
					requiredMode = Schema.RequiredMode.REQUIRED) double[][] numeric) {
	}

	@Schema(name = "GradientCheckBias")
	@JsonPropertyOrder({ "analytic", "numeric" })
	public record Bias(
			@Schema(description = "From the backward pass (as /train-step's dL_db).",
					requiredMode = Schema.RequiredMode.REQUIRED) double[] analytic,
			@Schema(description = "From the finite difference.",
					requiredMode = Schema.RequiredMode.REQUIRED) double[] numeric) {
	}

	static GradientCheckResponse from(GradientCheck.Report report) {
		List<Layer> layers = new ArrayList<>();
		for (GradientCheck.LayerReport layer : report.layers()) {
			layers.add(new Layer(layer.passed(), layer.maxAbsoluteError(), layer.maxRelativeError(),
					new Weights(layer.weights().analytic(), layer.weights().numeric()),
					new Bias(layer.bias().analytic()[0], layer.bias().numeric()[0])));
		}
		return new GradientCheckResponse(report.passed(), report.loss(),
				new Tolerance(GradientCheck.ABSOLUTE_TOLERANCE, GradientCheck.RELATIVE_TOLERANCE), METHOD, STEP_SIZE,
				layers);
	}
}
