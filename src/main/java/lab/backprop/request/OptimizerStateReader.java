package lab.backprop.request;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.math3.linear.RealMatrix;

import lab.backprop.engine.Layer;
import lab.backprop.engine.linalg.Matrices;
import lab.backprop.engine.optim.Optimizer;
import lab.backprop.engine.optim.OptimizerState;
import lab.backprop.system.problem.FieldError;

/**
 * Reads {@code optimizerState}: the buffers a previous step returned, checked against the
 * optimizer that will continue them and the network's shapes (which Bean Validation
 * cannot know: they come from other fields).
 */
final class OptimizerStateReader {

	private static final String POINTER = "/optimizerState";

	private OptimizerStateReader() {
	}

	/**
	 * @param optimizer the request's optimizer, or {@code null} when it is itself invalid
	 * @param layers the request's network, or {@code null} when it is itself invalid (the
	 * buffers' shapes are then not checked)
	 * @return {@code null} when a problem was found
	 */
	static OptimizerState read(OptimizerStateBody body, Optimizer optimizer, List<Layer> layers, Set<String> invalid,
			List<FieldError> errors) {
		if (body == null) {
			return OptimizerState.initial();
		}
		int before = errors.size();
		if (body.type() != null && optimizer != null
				&& !WireEnum.asciiLowerCase(body.type()).equals(optimizer.type())) {
			errors.add(new FieldError(POINTER + "/type", "is '" + body.type() + "' but the optimizer runs as '"
					+ optimizer.type() + "': a state continues only the rule that kept it"));
		}
		boolean beanErrors = invalid.stream().anyMatch(pointer -> pointer.startsWith(POINTER + "/"));
		if (optimizer == null || beanErrors || errors.size() > before) {
			return null;
		}
		boolean noLayers = body.layers() == null || body.layers().isEmpty();
		List<String> names = optimizer.bufferNames();
		if (body.step() == 0 || names.isEmpty()) {
			if (!noLayers) {
				errors.add(new FieldError(POINTER + "/layers", body.step() == 0 ? "must be absent when step is 0"
						: optimizer.type() + " keeps no buffers: leave layers out"));
				return null;
			}
			return new OptimizerState(body.step(), List.of());
		}
		if (noLayers) {
			errors.add(new FieldError(POINTER + "/layers", "is required after step 0: " + optimizer.type() + " keeps "
					+ String.join(", ", names) + " for every layer's weights and bias"));
			return null;
		}
		if (layers == null) {
			return null; // the network itself is invalid: its errors say why
		}
		if (body.layers().size() != layers.size()) {
			errors.add(new FieldError(POINTER + "/layers",
					"has " + body.layers().size() + " layers but the network has " + layers.size()));
			return null;
		}
		List<OptimizerState.LayerState> states = new ArrayList<>();
		for (int i = 0; i < layers.size(); i++) {
			String at = POINTER + "/layers/" + i;
			OptimizerStateBody.LayerStateBody layerState = body.layers().get(i);
			Layer layer = layers.get(i);
			Map<String, double[][]> weights = buffers(layerState.weights(), names, at + "/weights", errors,
					(value, where) -> matrix(value, layer.inputs(), layer.outputs(), where, errors));
			Map<String, double[]> bias = buffers(layerState.bias(), names, at + "/bias", errors,
					(value, where) -> vector(value, layer.outputs(), where, errors));
			if (weights != null && bias != null) {
				Map<String, RealMatrix> matrices = new HashMap<>();
				weights.forEach((name, rows) -> matrices.put(name, Matrices.of(rows)));
				states.add(new OptimizerState.LayerState(matrices, bias));
			}
		}
		return errors.size() > before ? null : new OptimizerState(body.step(), states);
	}

	private interface ShapeCheck<T> {

		boolean valid(T value, String pointer);

	}

	private static <T> Map<String, T> buffers(Map<String, T> given, List<String> names, String pointer,
			List<FieldError> errors, ShapeCheck<T> check) {
		if (given == null) {
			errors.add(new FieldError(pointer, "is required: buffers " + String.join(", ", names)));
			return null;
		}
		int before = errors.size();
		for (String name : given.keySet()) {
			if (!names.contains(name)) {
				errors.add(new FieldError(pointer + "/" + name, "is not a buffer of this optimizer"
						+ Suggestions.hint(name, names) + "; it keeps: " + String.join(", ", names)));
			}
		}
		Map<String, T> buffers = new HashMap<>();
		for (String name : names) {
			T value = given.get(name);
			if (value == null) {
				errors.add(new FieldError(pointer + "/" + name, "is required"));
			}
			else if (check.valid(value, pointer + "/" + name)) {
				buffers.put(name, value);
			}
		}
		return errors.size() > before ? null : buffers;
	}

	private static boolean matrix(double[][] value, int rows, int columns, String pointer, List<FieldError> errors) {
		if (value.length != rows) {
			errors.add(new FieldError(pointer,
					"has " + value.length + " rows but the weights are " + rows + " × " + columns));
			return false;
		}
		for (int r = 0; r < rows; r++) {
			if (value[r] == null) {
				errors.add(new FieldError(pointer + "/" + r, "must be a row of " + columns + " numbers, not null"));
				return false;
			}
			if (value[r].length != columns) {
				errors.add(new FieldError(pointer + "/" + r,
						"has " + value[r].length + " values but the weights' rows have " + columns));
				return false;
			}
			if (!vector(value[r], columns, pointer + "/" + r, errors)) {
				return false;
			}
		}
		return true;
	}

	private static boolean vector(double[] value, int length, String pointer, List<FieldError> errors) {
		if (value.length != length) {
			errors.add(new FieldError(pointer, "has " + value.length + " values but must have " + length));
			return false;
		}
		for (int k = 0; k < length; k++) {
			if (!Double.isFinite(value[k])) {
				errors.add(new FieldError(pointer + "/" + k, "must be a finite number, not " + value[k]));
				return false;
			}
		}
		return true;
	}

}
