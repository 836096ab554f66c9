package lab.backprop.request;

import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * A JSON value that is a number, a flat array of numbers or an array of rows of numbers,
 * read as written (depth 0, 1 or 2). The request validator decides which forms a field
 * accepts and how a shorter form is widened to a matrix. Rows may be ragged here; the
 * validator says where.
 */
@JsonDeserialize(using = NumberArrayDeserializer.class)
public record NumberArray(int depth, double scalar, double[] flat, double[][] rows) {

	public static NumberArray ofScalar(double value) {
		return new NumberArray(0, value, null, null);
	}

	public static NumberArray ofFlat(double[] values) {
		return new NumberArray(1, Double.NaN, values, null);
	}

	public static NumberArray ofRows(double[][] rows) {
		return new NumberArray(2, Double.NaN, null, rows);
	}

	public boolean isScalar() {
		return depth == 0;
	}

	public boolean isFlat() {
		return depth == 1;
	}

	public boolean isMatrix() {
		return depth == 2;
	}
}
