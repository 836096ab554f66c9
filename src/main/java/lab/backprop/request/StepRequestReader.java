package lab.backprop.request;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.validation.Validator;

import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.springframework.stereotype.Component;

import lab.backprop.engine.Activation;
import lab.backprop.engine.Layer;
import lab.backprop.engine.Loss;
import lab.backprop.engine.Network;
import lab.backprop.engine.Regularization;
import lab.backprop.engine.optim.Optimizer;
import lab.backprop.engine.optim.OptimizerState;
import lab.backprop.system.problem.FieldError;
import lab.backprop.system.problem.InvalidRequestException;

/**
 * Turns a checked /train-step body (or a body with the network alone,
 * {@link NetworkBody}) into the engine's network, inputs and labels. The sizes come first
 * ({@link RequestSizeCheck}, 413), then the field rules (Bean Validation on the records),
 * then what depends on the values' shapes, written out here: the three forms of a number
 * array, layers that chain, labels that fit the network, enum names with a did-you-mean.
 * Every problem is reported with the JSON Pointer of its value; checks that depend on an
 * invalid value are skipped rather than reported twice.
 */
@Component
public class StepRequestReader {

	private final RequestSizeCheck sizes;

	private final Validator validator;

	public StepRequestReader(RequestSizeCheck sizes, Validator validator) {
		this.sizes = sizes;
		this.validator = validator;
	}

	/**
	 * @throws InvalidRequestException listing every problem found
	 */
	public StepInput read(StepBody body) {
		List<FieldError> errors = new ArrayList<>();
		StepInput input = read(body, errors);
		if (!errors.isEmpty()) {
			throw new InvalidRequestException(errors);
		}
		return input;
	}

	/**
	 * Reads {@code body} (every field of its record, the endpoint's own fields included),
	 * adding each problem to {@code errors} in the order of the body's fields.
	 * @return {@code null} when a problem was found
	 */
	public StepInput read(StepBody body, List<FieldError> errors) {
		List<FieldError> found = checked(body);
		Set<String> invalid = pointers(found);
		NetworkParts parts = network(body, true, invalid, found);
		Optimizer optimizer = OptimizerReader.read(body.optimizer(), invalid, found);
		OptimizerState state = OptimizerStateReader.read(body.optimizerState(), optimizer, parts.layers(), invalid,
				found);
		Regularization regularization = regularization(body.regularization(), invalid, found);
		if (failed(body, found, errors)) {
			return null;
		}
		return new StepInput(new Network(parts.layers()), parts.inputs(), parts.labels(), parts.loss(),
				body.learningRate(), optimizer, state, regularization);
	}

	/**
	 * Reads a body that describes a network alone, with the same checks as a step's
	 * network; its {@code label} is optional (checked against the network when given).
	 * @throws InvalidRequestException listing every problem found
	 */
	public NetworkInput readNetwork(NetworkBody body) {
		List<FieldError> found = checked(body);
		NetworkParts parts = network(body, false, pointers(found), found);
		List<FieldError> errors = new ArrayList<>();
		if (failed(body, found, errors)) {
			throw new InvalidRequestException(errors);
		}
		return new NetworkInput(new Network(parts.layers()), parts.inputs(), parts.labels(), parts.loss());
	}

	/** The sizes (a 413 at once when over) and then the field rules' problems. */
	private List<FieldError> checked(NetworkBody body) {
		sizes.check(body);
		return new ArrayList<>(BeanViolations.of(validator.validate(body)));
	}

	private static Set<String> pointers(List<FieldError> found) {
		Set<String> invalid = new HashSet<>();
		found.forEach(error -> invalid.add(error.pointer()));
		return invalid;
	}

	/** The values of the network's fields; each is {@code null} where it is not valid. */
	private record NetworkParts(RealMatrix inputs, List<Layer> layers, Loss loss, RealMatrix labels) {
	}

	private static NetworkParts network(NetworkBody body, boolean labelRequired, Set<String> invalid,
			List<FieldError> found) {
		RealMatrix inputs = body.inputs() == null ? null : NumberArrays.inputs(body.inputs(), found);
		List<Layer> layers = layers(body, inputs, invalid, found);
		Loss loss = body.loss() == null ? Loss.MSE
				: WireEnum.parse(body.loss(), Loss.values(), Loss::wireName, "/loss", "loss", found);
		RealMatrix labels = null;
		if (!labelRequired && body.label() == null) {
			return new NetworkParts(inputs, layers, loss, null);
		}
		if (inputs != null && layers != null) {
			labels = NumberArrays.labels(body.label(), inputs.getRowDimension(),
					layers.get(layers.size() - 1).outputs(), found);
		}
		else if (body.label() == null) {
			found.add(new FieldError("/label", "is required"));
		}
		else {
			NumberArrays.labelForm(body.label(), "/label", found);
		}
		return new NetworkParts(inputs, layers, loss, labels);
	}

	/**
	 * Moves the problems {@code found} into {@code errors}, in the order of the body's
	 * fields.
	 * @return whether there were any
	 */
	private static boolean failed(NetworkBody body, List<FieldError> found, List<FieldError> errors) {
		if (found.isEmpty()) {
			return false;
		}
		found.sort(BeanViolations.fieldOrder(body.getClass()));
		errors.addAll(found);
		return true;
	}

	/** The penalty: none when absent; {@code null} when invalid. */
	private static Regularization regularization(RegularizationSpec spec, Set<String> invalid,
			List<FieldError> errors) {
		if (spec == null) {
			return Regularization.NONE;
		}
		Regularization.Type type = spec.type() == null ? null
				: WireEnum.parse(spec.type(), Regularization.Type.values(), Regularization.Type::wireName,
						"/regularization/type", "regularization type", errors);
		if (type == null || invalid.contains("/regularization/rate")) {
			return null; // the type's error, or Bean Validation's, says why
		}
		return new Regularization(type, spec.rate());
	}

	/** The network of either form; {@code null} when the form itself is wrong. */
	private static List<Layer> layers(NetworkBody body, RealMatrix inputs, Set<String> invalid,
			List<FieldError> errors) {
		int features = inputs == null ? -1 : inputs.getColumnDimension();
		if (body.layers() == null) {
			if (!body.singleLayerForm() || body.weights() == null || body.bias() == null) {
				return null; // OneNetworkForm said why
			}
			Layer layer = layer("", body.weights(), body.bias(), body.activation(), features, "inputs", errors);
			return layer == null ? null : List.of(layer);
		}
		if (body.singleLayerForm() || body.layers().isEmpty()) {
			return null;
		}
		List<Layer> layers = new ArrayList<>();
		int previousOutputs = features;
		String previous = "inputs";
		boolean valid = true;
		for (int i = 0; i < body.layers().size(); i++) {
			TrainStepRequest.LayerSpec spec = body.layers().get(i);
			String pointer = "/layers/" + i;
			Layer layer = null;
			if (spec != null && !invalid.contains(pointer + "/weights") && !invalid.contains(pointer + "/bias")) {
				layer = layer(pointer, spec.weights(), spec.bias(), spec.activation(), previousOutputs, previous,
						errors);
			}
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
		RealMatrix weights = NumberArrays.weights(weightsValue, pointer + "/weights", errors);
		if (weights != null && expectedInputs >= 0 && weights.getRowDimension() != expectedInputs) {
			String sourceShape = source.equals("inputs") ? "inputs have " + expectedInputs + " features per example"
					: source + " outputs " + expectedInputs;
			errors.add(new FieldError(pointer + "/weights",
					pointer.substring(Math.min(1, pointer.length())) + (pointer.isEmpty() ? "weights" : "/weights")
							+ " has " + weights.getRowDimension() + " rows but " + sourceShape
							+ ": a layer's weights are inputs × outputs"));
		}
		RealVector bias = weights == null ? null
				: NumberArrays.bias(biasValue, weights.getColumnDimension(), pointer + "/bias", errors);
		Activation activation = activationName == null ? Activation.SIGMOID : WireEnum.parse(activationName,
				Activation.values(), Activation::wireName, pointer + "/activation", "activation", errors);
		if (errors.size() > before) {
			return null;
		}
		return new Layer(weights, bias, activation);
	}

}
