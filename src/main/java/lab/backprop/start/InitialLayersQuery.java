package lab.backprop.start;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import lab.backprop.engine.Activation;
import lab.backprop.engine.data.Initializer;
import lab.backprop.request.QueryParameters;
import lab.backprop.system.limits.RequestLimits;

/**
 * The query parameters of GET /initial-layers, checked in this order: the first wrong one
 * is a 400 naming it, a network over a configured limit a 413 naming the limit.
 */
record InitialLayersQuery(int[] sizes, List<Activation> activations, Initializer init, long seed) {

	static final String SIZES = "sizes";

	static final String ACTIVATIONS = "activations";

	static final String INIT = "init";

	static final String SEED = "seed";

	static final List<String> NAMES = List.of(SIZES, ACTIVATIONS, INIT, SEED);

	/**
	 * As the data sets' seed: the largest whole number every JSON client reads exactly.
	 */
	static final long MAX_SEED = (1L << 53) - 1;

	static InitialLayersQuery read(Map<String, String[]> parameters, String sizes, String activations, String init,
			String seed, RequestLimits limits) {
		QueryParameters.refuseUnknown(parameters, NAMES);
		if (sizes == null) {
			throw QueryParameters.invalid(SIZES,
					"is required: the width of the inputs and of each layer, first to last, e.g. sizes=2,8,8,1");
		}
		int[] widths = sizes(sizes, limits);
		List<Activation> functions = activations(activations, widths.length - 1);
		Initializer initializer = init == null ? Initializer.XAVIER
				: QueryParameters.enumValue(INIT, init, Initializer.values(), Initializer::wireName);
		long seedValue = QueryParameters.wholeNumber(SEED, seed, 1, 0, MAX_SEED);
		return new InitialLayersQuery(widths, functions, initializer, seedValue);
	}

	private static int[] sizes(String given, RequestLimits limits) {
		List<String> values = QueryParameters.list(SIZES, given);
		if (values.size() < 2) {
			throw QueryParameters.invalid(SIZES,
					"needs at least two widths (the inputs and one layer), not '" + given + "'");
		}
		if (values.size() - 1 > limits.maxLayers()) {
			throw QueryParameters.overLimit(SIZES, "asks for " + (values.size() - 1) + " layers; the limit is "
					+ limits.maxLayers() + " (backprop.limits.max-layers)", "max-layers");
		}
		int[] widths = new int[values.size()];
		for (int i = 0; i < widths.length; i++) {
			Long width = QueryParameters.parseWhole(values.get(i));
			if (width == null || width < 1) {
				throw QueryParameters.invalid(SIZES,
						"must be whole numbers of at least 1, not '" + values.get(i) + "' (at position " + i + ")");
			}
			if (width > limits.maxLayerWidth()) {
				throw QueryParameters.overLimit(SIZES,
						"asks for " + values.get(i) + (i == 0 ? " inputs" : " neurons") + " at position " + i
								+ "; the limit is " + limits.maxLayerWidth() + " (backprop.limits.max-layer-width)",
						"max-layer-width");
			}
			widths[i] = width.intValue();
		}
		long parameters = 0;
		for (int l = 0; l + 1 < widths.length; l++) {
			parameters += (long) widths[l] * widths[l + 1] + widths[l + 1];
		}
		if (parameters > limits.maxParameters()) {
			throw QueryParameters.overLimit(SIZES,
					"gives " + parameters + " parameters (weights and biases); the limit is " + limits.maxParameters()
							+ " (backprop.limits.max-parameters)",
					"max-parameters");
		}
		return widths;
	}

	/** One per layer; every layer {@code sigmoid} when absent. */
	private static List<Activation> activations(String given, int layers) {
		if (given == null) {
			return Collections.nCopies(layers, Activation.SIGMOID);
		}
		List<String> names = QueryParameters.list(ACTIVATIONS, given);
		if (names.size() != layers) {
			throw QueryParameters.invalid(ACTIVATIONS,
					"gives " + names.size() + " activation" + (names.size() == 1 ? "" : "s") + " for the " + layers
							+ " layer" + (layers == 1 ? "" : "s")
							+ " of sizes: one activation per layer, first to last");
		}
		List<Activation> activations = new ArrayList<>();
		for (String name : names) {
			activations.add(QueryParameters.enumValue(ACTIVATIONS, name, Activation.values(), Activation::wireName));
		}
		return activations;
	}

}
