package lab.backprop.api;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import lab.backprop.engine.Layer;
import lab.backprop.engine.optim.Adam;
import lab.backprop.engine.optim.Optimizer;
import lab.backprop.engine.optim.OptimizerState;
import lab.backprop.engine.optim.RmsProp;
import lab.backprop.engine.optim.Sgd;

/**
 * Reads a request's {@code optimizer} and {@code optimizerState} into the engine's
 * optimizer and state, and writes them back for a response. Problems are added to the
 * caller's error list with JSON Pointers.
 */
final class OptimizerRequests {

	/** The wire types and the fields each accepts besides {@code type}. */
	private static final Map<String, List<String>> FIELDS = new LinkedHashMap<>();

	static {
		FIELDS.put("sgd", List.of("momentum", "dampening", "nesterov", "weightDecay"));
		FIELDS.put("momentum", List.of("momentum", "dampening", "weightDecay"));
		FIELDS.put("nesterov", List.of("momentum", "weightDecay"));
		FIELDS.put("adam", List.of("betas", "eps", "weightDecay"));
		FIELDS.put("rmsprop", List.of("alpha", "eps", "momentum", "centered", "weightDecay"));
	}

	private OptimizerRequests() {
	}

	/** A checked optimizer and the state to start from. */
	record Choice(Optimizer optimizer, OptimizerState state) {
	}

	/**
	 * @param layers the request's network, or {@code null} when it is itself invalid (the
	 * state's shapes are then not checked)
	 * @return {@code null} when a problem was added to {@code errors}
	 */
	static Choice parse(OptimizerSpec spec, OptimizerStateBody state, List<Layer> layers, List<FieldError> errors) {
		int before = errors.size();
		Optimizer optimizer = spec == null ? Optimizer.plainSgd() : optimizer(spec, errors);
		OptimizerState start = OptimizerState.initial();
		if (state != null) {
			start = state(state, optimizer, layers, errors);
		}
		return errors.size() > before ? null : new Choice(optimizer, start);
	}

	private static Optimizer optimizer(OptimizerSpec spec, List<FieldError> errors) {
		if (spec.type() == null) {
			errors.add(new FieldError("/optimizer/type", "is required: one of " + String.join(", ", FIELDS.keySet())));
			return null;
		}
		String type = WireEnum.asciiLowerCase(spec.type());
		if (!FIELDS.containsKey(type)) {
			errors.add(new FieldError("/optimizer/type",
					"unknown optimizer '" + spec.type() + "'" + Suggestions.hint(spec.type(), FIELDS.keySet())
							+ "; allowed: " + String.join(", ", FIELDS.keySet())));
			return null;
		}
		int before = errors.size();
		Map<String, Object> given = new LinkedHashMap<>();
		given.put("momentum", spec.momentum());
		given.put("dampening", spec.dampening());
		given.put("nesterov", spec.nesterov());
		given.put("betas", spec.betas());
		given.put("alpha", spec.alpha());
		given.put("eps", spec.eps());
		given.put("centered", spec.centered());
		given.put("weightDecay", spec.weightDecay());
		List<String> accepted = FIELDS.get(type);
		given.forEach((name, value) -> {
			if (value != null && !accepted.contains(name)) {
				errors.add(new FieldError("/optimizer/" + name,
						"does not apply to " + type + "; " + type + " takes: " + String.join(", ", accepted)));
			}
		});
		boolean momentumType = type.equals("momentum") || type.equals("nesterov");
		double weightDecay = number(spec.weightDecay(), 0.0, 0.0, Double.MAX_VALUE, "weightDecay", errors);
		double momentum = number(spec.momentum(), momentumType ? 0.9 : 0.0, 0.0, Double.MAX_VALUE, "momentum", errors);
		if (momentumType && spec.momentum() != null && spec.momentum() == 0.0) {
			errors.add(new FieldError("/optimizer/momentum", "must be > 0 for " + type + " (use sgd for none)"));
		}
		double eps = number(spec.eps(), 1e-8, 0.0, Double.MAX_VALUE, "eps", errors);
		if (errors.size() > before) {
			return null;
		}
		switch (type) {
			case "adam": {
				double[] betas = spec.betas() == null ? new double[] { 0.9, 0.999 } : spec.betas();
				if (betas.length != 2) {
					errors.add(new FieldError("/optimizer/betas", "must be two numbers [β₁, β₂], not " + betas.length));
					return null;
				}
				for (int k = 0; k < 2; k++) {
					if (!(betas[k] >= 0.0 && betas[k] < 1.0)) {
						errors.add(new FieldError("/optimizer/betas/" + k, "must be in [0, 1), not " + betas[k]));
					}
				}
				return errors.size() > before ? null : new Adam(betas[0], betas[1], eps, weightDecay);
			}
			case "rmsprop": {
				double alpha = number(spec.alpha(), 0.99, 0.0, 1.0, "alpha", errors);
				boolean centered = Boolean.TRUE.equals(spec.centered());
				return errors.size() > before ? null : new RmsProp(alpha, eps, momentum, centered, weightDecay);
			}
			default: {
				double dampening = number(spec.dampening(), 0.0, 0.0, 1.0, "dampening", errors);
				boolean nesterov = type.equals("nesterov") || Boolean.TRUE.equals(spec.nesterov());
				if (nesterov && (momentum == 0.0 || dampening != 0.0)) {
					errors
						.add(new FieldError("/optimizer/nesterov", "needs momentum > 0 and dampening 0 (as PyTorch)"));
				}
				return errors.size() > before ? null : new Sgd(momentum, dampening, nesterov, weightDecay);
			}
		}
	}

	/** A finite number in [min, max], or the default when absent. */
	private static double number(Double value, double defaultValue, double min, double max, String name,
			List<FieldError> errors) {
		if (value == null) {
			return defaultValue;
		}
		if (!Double.isFinite(value) || value < min || value > max) {
			String range = max == Double.MAX_VALUE ? "≥ " + fmt(min) : "in [" + fmt(min) + ", " + fmt(max) + "]";
			errors.add(new FieldError("/optimizer/" + name, "must be a finite number " + range + ", not " + value));
			return defaultValue;
		}
		return value;
	}

	private static String fmt(double v) {
		return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
	}

	private static OptimizerState state(OptimizerStateBody body, Optimizer optimizer, List<Layer> layers,
			List<FieldError> errors) {
		String pointer = "/optimizerState";
		int before = errors.size();
		if (body.type() == null) {
			errors.add(new FieldError(pointer + "/type", "is required: the optimizer that kept this state"));
		}
		else if (optimizer != null && !WireEnum.asciiLowerCase(body.type()).equals(optimizer.type())) {
			errors.add(new FieldError(pointer + "/type", "is '" + body.type() + "' but the optimizer runs as '"
					+ optimizer.type() + "': a state continues only the rule that kept it"));
		}
		if (body.step() == null) {
			errors.add(new FieldError(pointer + "/step", "is required: the number of steps taken so far, 0 for none"));
			return null;
		}
		if (body.step() < 0) {
			errors.add(new FieldError(pointer + "/step", "must be ≥ 0, not " + body.step()));
			return null;
		}
		boolean noLayers = body.layers() == null || body.layers().isEmpty();
		if (optimizer == null || errors.size() > before) {
			return null;
		}
		List<String> names = optimizer.bufferNames();
		if (body.step() == 0 || names.isEmpty()) {
			if (!noLayers) {
				errors.add(new FieldError(pointer + "/layers", body.step() == 0 ? "must be absent when step is 0"
						: optimizer.type() + " keeps no buffers: leave layers out"));
				return null;
			}
			return new OptimizerState(body.step(), List.of());
		}
		if (noLayers) {
			errors.add(new FieldError(pointer + "/layers", "is required after step 0: " + optimizer.type() + " keeps "
					+ String.join(", ", names) + " for every layer's weights and bias"));
			return null;
		}
		if (layers == null) {
			return null; // the network itself is invalid: its errors say why
		}
		if (body.layers().size() != layers.size()) {
			errors.add(new FieldError(pointer + "/layers",
					"has " + body.layers().size() + " layers but the network has " + layers.size()));
			return null;
		}
		List<OptimizerState.LayerState> states = new ArrayList<>();
		for (int i = 0; i < layers.size(); i++) {
			String at = pointer + "/layers/" + i;
			OptimizerStateBody.LayerStateBody layerState = body.layers().get(i);
			if (layerState == null) {
				errors.add(new FieldError(at, "must be an object {weights, bias}, not null"));
				continue;
			}
			Layer layer = layers.get(i);
			Map<String, double[][]> weights = buffers(layerState.weights(), names, at + "/weights", errors,
					(value, where) -> matrix(value, layer.inputs(), layer.outputs(), where, errors));
			Map<String, double[]> bias = buffers(layerState.bias(), names, at + "/bias", errors,
					(value, where) -> vector(value, layer.outputs(), where, errors));
			if (weights != null && bias != null) {
				states.add(new OptimizerState.LayerState(weights, bias));
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

	/** The optimizer as run, every hyper-parameter filled in, for a response. */
	static OptimizerSpec describe(Optimizer optimizer) {
		if (optimizer instanceof Sgd sgd) {
			return new OptimizerSpec(sgd.type(), sgd.momentum(), sgd.nesterov() ? null : sgd.dampening(),
					sgd.nesterov(), null, null, null, null, sgd.weightDecay());
		}
		if (optimizer instanceof Adam adam) {
			return new OptimizerSpec(adam.type(), null, null, null, new double[] { adam.beta1(), adam.beta2() }, null,
					adam.eps(), null, adam.weightDecay());
		}
		if (optimizer instanceof RmsProp rms) {
			return new OptimizerSpec(rms.type(), rms.momentum(), null, null, null, rms.alpha(), rms.eps(),
					rms.centered(), rms.weightDecay());
		}
		return new OptimizerSpec(optimizer.type(), null, null, null, null, null, null, null, null);
	}

	/** The state for a response, buffers in the optimizer's order. */
	static OptimizerStateBody body(Optimizer optimizer, OptimizerState state) {
		List<OptimizerStateBody.LayerStateBody> layers = null;
		if (!state.layers().isEmpty()) {
			layers = new ArrayList<>();
			for (OptimizerState.LayerState layer : state.layers()) {
				Map<String, double[][]> weights = new LinkedHashMap<>();
				Map<String, double[]> bias = new LinkedHashMap<>();
				for (String name : optimizer.bufferNames()) {
					weights.put(name, layer.weights().get(name));
					bias.put(name, layer.bias().get(name));
				}
				layers.add(new OptimizerStateBody.LayerStateBody(weights, bias));
			}
		}
		return new OptimizerStateBody(optimizer.type(), state.step(), layers);
	}

}
