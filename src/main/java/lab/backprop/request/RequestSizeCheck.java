package lab.backprop.request;

import org.springframework.stereotype.Component;

import lab.backprop.system.limits.LimitExceededException;
import lab.backprop.system.limits.RequestLimits;

/**
 * The sizes this service accepts ({@link RequestLimits}), checked on the body as written,
 * before any other work: a 413 naming the limit when over.
 */
@Component
public class RequestSizeCheck {

	private final RequestLimits limits;

	public RequestSizeCheck(RequestLimits limits) {
		this.limits = limits;
	}

	/**
	 * @throws LimitExceededException at the first size over its limit
	 */
	public void check(NetworkBody body) {
		NumberArray inputs = body.inputs();
		int batch = 1;
		if (inputs != null && !inputs.isScalar()) {
			batch = inputs.isFlat() ? 1 : inputs.rows().length;
			over(batch, limits.maxBatchSize(), "/inputs", "examples in a batch", "max-batch-size");
			long numbers = 0;
			int features = 0;
			if (inputs.isFlat()) {
				numbers = features = inputs.flat().length;
			}
			else {
				for (double[] row : inputs.rows()) {
					numbers += row.length;
					features = Math.max(features, row.length);
				}
			}
			over(numbers, limits.maxInputNumbers(), "/inputs", "input numbers", "max-input-numbers");
			over(features, limits.maxLayerWidth(), "/inputs", "features per example (the input layer's width)",
					"max-layer-width");
		}
		if (body.layers() != null) {
			over(body.layers().size(), limits.maxLayers(), "/layers", "layers", "max-layers");
			long parameters = 0;
			long neurons = 0;
			for (int i = 0; i < body.layers().size(); i++) {
				TrainStepRequest.LayerSpec layer = body.layers().get(i);
				parameters += layer == null ? 0 : parameters(layer.weights(), "/layers/" + i + "/weights");
				neurons += layer == null ? 0 : width(layer.weights());
			}
			over(parameters, limits.maxParameters(), "/layers", "parameters (weights and biases)", "max-parameters");
			over(batch * neurons, limits.maxActivations(), "/layers",
					"activations (batch × neurons of all layers = " + batch + " × " + neurons + ")", "max-activations");
		}
		else {
			over(parameters(body.weights(), "/weights"), limits.maxParameters(), "/weights",
					"parameters (weights and biases)", "max-parameters");
			long neurons = width(body.weights());
			over(batch * neurons, limits.maxActivations(), "/weights",
					"activations (batch × neurons = " + batch + " × " + neurons + ")", "max-activations");
		}
	}

	/**
	 * Another set of examples for {@code body}'s network (a test set, at
	 * {@code pointer}): the same limits on its batch, its numbers and the activations of
	 * its forward pass as {@link #check} puts on the inputs.
	 * @throws LimitExceededException at the first size over its limit
	 */
	public void checkExamples(NumberArray inputs, String pointer, StepBody body) {
		if (inputs == null || inputs.isScalar()) {
			return;
		}
		int batch = inputs.isFlat() ? 1 : inputs.rows().length;
		over(batch, limits.maxBatchSize(), pointer, "examples in a batch", "max-batch-size");
		long numbers = 0;
		if (inputs.isFlat()) {
			numbers = inputs.flat().length;
		}
		else {
			for (double[] row : inputs.rows()) {
				numbers += row.length;
			}
		}
		over(numbers, limits.maxInputNumbers(), pointer, "input numbers", "max-input-numbers");
		long neurons = 0;
		if (body.layers() != null) {
			for (TrainStepRequest.LayerSpec layer : body.layers()) {
				neurons += layer == null ? 0 : width(layer.weights());
			}
		}
		else {
			neurons = width(body.weights());
		}
		over(batch * neurons, limits.maxActivations(), pointer,
				"activations (batch × neurons of all layers = " + batch + " × " + neurons + ")", "max-activations");
	}

	/** The neurons of a layer: its weights' widest row (0 when not a matrix yet). */
	static long width(NumberArray weights) {
		if (weights == null || !weights.isMatrix()) {
			return 0;
		}
		int outputs = 0;
		for (double[] row : weights.rows()) {
			outputs = Math.max(outputs, row.length);
		}
		return outputs;
	}

	/** Weights and biases of a layer, with its width checked on the way. */
	private long parameters(NumberArray weights, String pointer) {
		if (weights == null || !weights.isMatrix() || weights.rows().length == 0) {
			return 0;
		}
		long outputs = width(weights);
		long count = 0;
		for (double[] row : weights.rows()) {
			count += row.length;
		}
		over(outputs, limits.maxLayerWidth(), pointer, "neurons in a layer", "max-layer-width");
		return count + outputs;
	}

	private static void over(long value, long limit, String pointer, String what, String property) {
		if (value > limit) {
			throw new LimitExceededException(pointer,
					"has " + value + " " + what + "; the limit is " + limit + " (backprop.limits." + property + ")");
		}
	}

}
