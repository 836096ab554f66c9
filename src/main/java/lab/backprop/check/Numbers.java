package lab.backprop.check;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * A value of the /train-step answer that is numbers: a number (depth 0), a flat array
 * (depth 1) or rows (depth 2), seen as a rows × columns matrix (a number is 1 × 1, a flat
 * array one row).
 */
record Numbers(int depth, double[][] rows) {

	/** The numbers at {@code node}, or {@code null} when it holds anything else. */
	static Numbers of(JsonNode node) {
		if (node == null) {
			return null;
		}
		if (node.isNumber()) {
			return new Numbers(0, new double[][] { { node.asDouble() } });
		}
		if (!node.isArray() || node.isEmpty()) {
			return null;
		}
		if (node.get(0).isArray()) {
			List<double[]> rows = new ArrayList<>();
			for (JsonNode row : node) {
				double[] values = flat(row);
				if (values == null) {
					return null;
				}
				rows.add(values);
			}
			return new Numbers(2, rows.toArray(double[][]::new));
		}
		double[] values = flat(node);
		return values == null ? null : new Numbers(1, new double[][] { values });
	}

	private static double[] flat(JsonNode node) {
		if (!node.isArray() || node.isEmpty()) {
			return null;
		}
		double[] values = new double[node.size()];
		for (int i = 0; i < values.length; i++) {
			if (!node.get(i).isNumber()) {
				return null;
			}
			values[i] = node.get(i).asDouble();
		}
		return values;
	}

	int rowCount() {
		return rows.length;
	}

	int columnCount() {
		return rows[0].length;
	}

	String shape() {
		return rowCount() + " × " + columnCount();
	}

	/** The index of element (i, j) as the value's own JSON addresses it. */
	List<Integer> index(int i, int j) {
		return switch (depth) {
			case 0 -> List.of();
			case 1 -> List.of(j);
			default -> List.of(i, j);
		};
	}

}
