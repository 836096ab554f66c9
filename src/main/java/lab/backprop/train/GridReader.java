package lab.backprop.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.stereotype.Component;

import lab.backprop.engine.DecisionGrid;
import lab.backprop.engine.Network;
import lab.backprop.engine.data.Feature;
import lab.backprop.request.Suggestions;
import lab.backprop.request.WireEnum;
import lab.backprop.system.limits.LimitExceededException;
import lab.backprop.system.limits.RequestLimits;
import lab.backprop.system.problem.FieldError;

/**
 * Reads {@code grid} for a network already read: axes that rise, feature names that
 * exist, as many input columns as the network takes, and one forward pass of all the
 * points within the limits on a batch ({@code max-activations},
 * {@code max-input-numbers}: 413).
 */
@Component
class GridReader {

	private final RequestLimits limits;

	GridReader(RequestLimits limits) {
		this.limits = limits;
	}

	/**
	 * @param network the request's network; {@code null} when it is not valid, and then
	 * only what does not depend on it is checked
	 * @return {@code null} when absent or when a problem was found (added to
	 * {@code errors}; a value Bean Validation refused is left to its message)
	 */
	DecisionGrid read(GridRequest grid, Network network, List<FieldError> errors) {
		if (grid == null) {
			return null;
		}
		int before = errors.size();
		DecisionGrid.Axis x = axis(grid.x(), "/grid/x", errors);
		DecisionGrid.Axis y = axis(grid.y(), "/grid/y", errors);
		List<Feature> features = features(grid.features(), errors);
		if (network == null) {
			return null;
		}
		if (features != null) {
			int columns = features.isEmpty() ? 2 : features.size();
			int inputs = network.layer(0).inputs();
			if (columns != inputs) {
				errors
					.add(new FieldError(features.isEmpty() ? "/grid" : "/grid/features",
							features.isEmpty() ? "needs features: the network takes " + inputs
									+ " inputs, and a grid point gives 2 (x1, x2) unless features name the columns"
									: "names " + columns + " features but the network takes " + inputs + " inputs"));
			}
		}
		if (errors.size() > before || x == null || y == null || features == null) {
			return null;
		}
		DecisionGrid result = new DecisionGrid(x, y, features);
		long neurons = 0;
		for (var layer : network.layers()) {
			neurons += layer.outputs();
		}
		long points = result.points();
		over(points * result.columns(), limits.maxInputNumbers(),
				"input numbers (grid points × input columns = " + points + " × " + result.columns() + ")",
				"max-input-numbers");
		over(points * neurons, limits.maxActivations(),
				"activations (grid points × neurons of all layers = " + points + " × " + neurons + ")",
				"max-activations");
		return result;
	}

	private static DecisionGrid.Axis axis(GridRequest.Axis axis, String pointer, List<FieldError> errors) {
		if (axis == null || axis.min() == null || axis.max() == null || axis.points() == null
				|| !Double.isFinite(axis.min()) || !Double.isFinite(axis.max()) || axis.points() < 2
				|| axis.points() > 200) {
			return null; // Bean Validation said why
		}
		if (!(axis.max() > axis.min())) {
			errors.add(new FieldError(pointer + "/max",
					"must be greater than min (" + axis.min() + "), not " + axis.max()));
			return null;
		}
		if (!Double.isFinite(axis.max() - axis.min())) {
			errors.add(new FieldError(pointer + "/max",
					"is too far from min: max − min must be a finite number, not " + (axis.max() - axis.min())));
			return null;
		}
		DecisionGrid.Axis result = new DecisionGrid.Axis(axis.min(), axis.max(), axis.points());
		if (!result.ascending()) {
			errors
				.add(new FieldError(pointer + "/points", "gives values that are not all different between " + axis.min()
						+ " and " + axis.max() + ": the range is too narrow for " + axis.points() + " doubles"));
			return null;
		}
		return result;
	}

	private static List<Feature> features(List<String> names, List<FieldError> errors) {
		if (names == null) {
			return List.of();
		}
		if (names.isEmpty()) {
			errors.add(new FieldError("/grid/features", "must name at least one feature, or be left out"));
			return null;
		}
		List<String> allowed = Arrays.stream(Feature.values()).map(Feature::wireName).toList();
		List<Feature> features = new ArrayList<>();
		boolean valid = true;
		for (int i = 0; i < names.size(); i++) {
			String name = names.get(i);
			Feature feature = name == null ? null : Feature.named(WireEnum.asciiLowerCase(name));
			if (feature == null && name != null) {
				errors.add(new FieldError("/grid/features/" + i, "unknown feature '" + name + "'"
						+ Suggestions.hint(name, allowed) + "; allowed: " + String.join(", ", allowed)));
			}
			valid &= feature != null;
			features.add(feature);
		}
		return valid ? features : null;
	}

	private static void over(long value, long limit, String what, String property) {
		if (value > limit) {
			throw new LimitExceededException("/grid",
					"has " + value + " " + what + "; the limit is " + limit + " (backprop.limits." + property + ")");
		}
	}

}
