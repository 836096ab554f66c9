package lab.backprop.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.springframework.stereotype.Component;

import lab.backprop.engine.Activation;
import lab.backprop.engine.Layer;
import lab.backprop.engine.Loss;
import lab.backprop.engine.Matrices;
import lab.backprop.engine.Network;

/**
 * Checks a /train-step body and turns it into the engine's network, inputs and labels.
 * Every problem found is reported with the JSON Pointer of the value it is about; checks
 * that depend on an invalid value are skipped rather than reported twice.
 */
@Component
public class StepRequestValidator {

	private final RequestLimits limits;

	public StepRequestValidator(RequestLimits limits) {
		this.limits = limits;
	}

	public StepInput validate(TrainStepRequest request) {
		checkLimits(request);
		List<FieldError> errors = new ArrayList<>();
		RealMatrix inputs = inputs(request.inputs(), errors);
		List<Layer> layers = layers(request, inputs, errors);
		Loss loss = request.loss() == null ? Loss.MSE
				: WireEnum.parse(request.loss(), Loss.values(), Loss::wireName, "/loss", "loss", errors);
		Double learningRate = learningRate(request.learningRate(), errors);
		RealMatrix labels = null;
		if (inputs != null && layers != null) {
			labels = labels(request.label(), inputs.getRowDimension(), layers.get(layers.size() - 1).outputs(), errors);
		}
		else if (request.label() == null) {
			errors.add(new FieldError("/label", "is required"));
		}
		OptimizerRequests.Choice optimizer = OptimizerRequests.parse(request.optimizer(), request.optimizerState(),
				layers, errors);
		if (!errors.isEmpty()) {
			throw new InvalidRequestException(errors);
		}
		return new StepInput(new Network(layers), inputs, labels, loss, learningRate, optimizer.optimizer(),
				optimizer.state());
	}

	/** The sizes this service accepts, checked before any other work (413 when over). */
	private void checkLimits(TrainStepRequest request) {
		NumberArray inputs = request.inputs();
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
		if (request.layers() != null) {
			over(request.layers().size(), limits.maxLayers(), "/layers", "layers", "max-layers");
			long parameters = 0;
			long neurons = 0;
			for (int i = 0; i < request.layers().size(); i++) {
				TrainStepRequest.LayerSpec layer = request.layers().get(i);
				parameters += layer == null ? 0 : parameters(layer.weights(), "/layers/" + i + "/weights");
				neurons += layer == null ? 0 : width(layer.weights());
			}
			over(parameters, limits.maxParameters(), "/layers", "parameters (weights and biases)", "max-parameters");
			over(batch * neurons, limits.maxActivations(), "/layers",
					"activations (batch × neurons of all layers = " + batch + " × " + neurons + ")", "max-activations");
		}
		else {
			over(parameters(request.weights(), "/weights"), limits.maxParameters(), "/weights",
					"parameters (weights and biases)", "max-parameters");
			long neurons = width(request.weights());
			over(batch * neurons, limits.maxActivations(), "/weights",
					"activations (batch × neurons = " + batch + " × " + neurons + ")", "max-activations");
		}
	}

	/**
	 * The neurons of a layer: its weights' widest row (0 when the weights are not a
	 * matrix yet).
	 */
	private static long width(NumberArray weights) {
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

	private static RealMatrix inputs(NumberArray inputs, List<FieldError> errors) {
		if (inputs == null) {
			errors.add(new FieldError("/inputs", "is required: batch × features, one row per example"));
			return null;
		}
		if (inputs.isScalar()) {
			errors.add(new FieldError("/inputs",
					"must be an array of numbers (one example) or of rows (a batch), not a bare number"));
			return null;
		}
		double[][] rows = inputs.isFlat() ? new double[][] { inputs.flat() } : inputs.rows();
		return rectangular(rows, "/inputs", "inputs", inputs.isFlat(), errors);
	}

	private List<Layer> layers(TrainStepRequest request, RealMatrix inputs, List<FieldError> errors) {
		boolean singleLayerForm = request.weights() != null || request.bias() != null || request.activation() != null;
		if (request.layers() != null && singleLayerForm) {
			String field = request.weights() != null ? "weights" : request.bias() != null ? "bias" : "activation";
			errors.add(new FieldError("/" + field, "give either 'layers' (network form) or 'weights', 'bias' and "
					+ "'activation' (single-layer form), not both"));
			return null;
		}
		int features = inputs == null ? -1 : inputs.getColumnDimension();
		if (request.layers() == null) {
			if (!singleLayerForm) {
				errors.add(new FieldError("/layers",
						"is required: give 'layers' (network form) or 'weights' and " + "'bias' (single-layer form)"));
				return null;
			}
			Layer layer = layer("", request.weights(), request.bias(), request.activation(), features, "inputs",
					errors);
			return layer == null ? null : List.of(layer);
		}
		if (request.layers().isEmpty()) {
			errors.add(new FieldError("/layers", "must contain at least one layer"));
			return null;
		}
		List<Layer> layers = new ArrayList<>();
		int previousOutputs = features;
		String previous = "inputs";
		boolean valid = true;
		for (int i = 0; i < request.layers().size(); i++) {
			TrainStepRequest.LayerSpec spec = request.layers().get(i);
			String pointer = "/layers/" + i;
			if (spec == null) {
				errors.add(new FieldError(pointer, "must be a layer object {weights, bias, activation}, not null"));
				valid = false;
				previousOutputs = -1;
				continue;
			}
			Layer layer = layer(pointer, spec.weights(), spec.bias(), spec.activation(), previousOutputs, previous,
					errors);
			valid &= layer != null;
			layers.add(layer);
			previousOutputs = layer == null ? -1 : layer.outputs();
			previous = "layer " + i;
		}
		return valid ? layers : null;
	}

	/**
	 * One layer at {@code pointer}; {@code expectedInputs} is what the previous layer
	 * gives (−1 when unknown), {@code source} names it for the message.
	 */
	private static Layer layer(String pointer, NumberArray weightsValue, NumberArray biasValue, String activationName,
			int expectedInputs, String source, List<FieldError> errors) {
		int before = errors.size();
		RealMatrix weights = weights(weightsValue, pointer + "/weights", errors);
		if (weights != null && expectedInputs >= 0 && weights.getRowDimension() != expectedInputs) {
			String sourceShape = source.equals("inputs") ? "inputs have " + expectedInputs + " features per example"
					: source + " outputs " + expectedInputs;
			errors.add(new FieldError(pointer + "/weights",
					pointer.substring(Math.min(1, pointer.length())) + (pointer.isEmpty() ? "weights" : "/weights")
							+ " has " + weights.getRowDimension() + " rows but " + sourceShape
							+ ": a layer's weights are inputs × outputs"));
		}
		RealVector bias = weights == null ? null
				: bias(biasValue, weights.getColumnDimension(), pointer + "/bias", errors);
		if (weights == null && biasValue == null) {
			errors.add(new FieldError(pointer + "/bias",
					"is required: a number, one value per output, or a 1 × outputs matrix"));
		}
		Activation activation = activationName == null ? Activation.SIGMOID : WireEnum.parse(activationName,
				Activation.values(), Activation::wireName, pointer + "/activation", "activation", errors);
		if (errors.size() > before) {
			return null;
		}
		return new Layer(weights, bias, activation);
	}

	private static RealMatrix weights(NumberArray value, String pointer, List<FieldError> errors) {
		if (value == null) {
			errors.add(new FieldError(pointer, "is required: a matrix, inputs × outputs"));
			return null;
		}
		if (!value.isMatrix()) {
			boolean emptyFlat = value.isFlat() && value.flat().length == 0;
			errors.add(
					new FieldError(pointer,
							emptyFlat ? "must not be empty: a matrix, inputs × outputs"
									: "must be a matrix (an array of rows), inputs × outputs, not " + (value.isFlat()
											? "a flat array: write [[w1], [w2], …] for one output neuron"
											: "a number")));
			return null;
		}
		return rectangular(value.rows(), pointer, "weights", false, errors);
	}

	private static RealVector bias(NumberArray value, int outputs, String pointer, List<FieldError> errors) {
		if (value == null) {
			errors.add(new FieldError(pointer, "is required: a number, one value per output, or a 1 × outputs matrix"));
			return null;
		}
		double[] values;
		if (value.isScalar()) {
			values = new double[outputs];
			Arrays.fill(values, value.scalar());
		}
		else if (value.isFlat()) {
			values = value.flat();
		}
		else if (value.rows().length == 1) {
			values = value.rows()[0];
		}
		else {
			errors.add(new FieldError(pointer, "must be a number, a flat array or a 1 × " + outputs
					+ " matrix, not a matrix with " + value.rows().length + " rows"));
			return null;
		}
		if (values.length != outputs) {
			errors.add(new FieldError(pointer, "has " + values.length + " values but the weights have " + outputs
					+ " columns (one per output neuron)"));
			return null;
		}
		return new ArrayRealVector(values, false);
	}

	private static RealMatrix labels(NumberArray value, int batch, int outputs, List<FieldError> errors) {
		if (value == null) {
			errors.add(new FieldError("/label", "is required: batch × outputs (" + batch + " × " + outputs + ")"));
			return null;
		}
		double[][] rows;
		if (value.isScalar()) {
			if (batch != 1 || outputs != 1) {
				errors.add(new FieldError("/label", "must be " + batch + " × " + outputs
						+ " (batch × outputs): a single number fits only one example with one output"));
				return null;
			}
			rows = new double[][] { { value.scalar() } };
		}
		else if (value.isFlat()) {
			double[] flat = value.flat();
			if (batch == 1) {
				rows = new double[][] { flat };
			}
			else if (outputs == 1) {
				rows = new double[flat.length][];
				for (int i = 0; i < flat.length; i++) {
					rows[i] = new double[] { flat[i] };
				}
			}
			else {
				errors.add(new FieldError("/label", "must be a " + batch + " × " + outputs
						+ " matrix (batch × outputs): a flat array is ambiguous with several examples and outputs"));
				return null;
			}
		}
		else {
			rows = value.rows();
		}
		RealMatrix labels = rectangular(rows, "/label", "label", value.isFlat(), errors);
		if (labels != null && (labels.getRowDimension() != batch || labels.getColumnDimension() != outputs)) {
			errors.add(new FieldError("/label", "is " + labels.getRowDimension() + " × " + labels.getColumnDimension()
					+ " but must be batch × outputs = " + batch + " × " + outputs));
			return null;
		}
		return labels;
	}

	private static Double learningRate(Double value, List<FieldError> errors) {
		if (value == null) {
			errors.add(new FieldError("/learningRate", "is required: a finite number > 0, such as 0.1"));
			return null;
		}
		if (!Double.isFinite(value) || value <= 0) {
			errors.add(new FieldError("/learningRate", "must be a finite number > 0, not " + value));
			return null;
		}
		return value;
	}

	/**
	 * Rows that are non-empty and of one length, as a matrix; {@code flat} rows came from
	 * one flat array.
	 */
	private static RealMatrix rectangular(double[][] rows, String pointer, String name, boolean flat,
			List<FieldError> errors) {
		if (rows.length == 0 || rows[0].length == 0) {
			errors.add(new FieldError(rows.length == 0 || flat ? pointer : pointer + "/0", "must not be empty"));
			return null;
		}
		for (int i = 1; i < rows.length; i++) {
			if (rows[i].length != rows[0].length) {
				errors.add(new FieldError(pointer + "/" + i, name + " row " + i + " has " + rows[i].length
						+ " values but row 0 has " + rows[0].length + ": every row must have the same length"));
				return null;
			}
		}
		return Matrices.of(rows);
	}

}
