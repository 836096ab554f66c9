package lab.backprop.request;

import java.util.Arrays;
import java.util.List;

import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;

import lab.backprop.engine.linalg.Matrices;
import lab.backprop.system.problem.FieldError;

/**
 * The forms a number array takes in a body (a number, a flat array, rows), turned into
 * the engine's matrices and vectors by the rules of each field: which forms it accepts
 * and how a shorter one is widened. Bean Validation cannot say these: the rules depend on
 * the value's shape and on the network's other fields.
 */
final class NumberArrays {

	private NumberArrays() {
	}

	static RealMatrix inputs(NumberArray inputs, List<FieldError> errors) {
		return inputs(inputs, "/inputs", errors);
	}

	static RealMatrix inputs(NumberArray inputs, String pointer, List<FieldError> errors) {
		if (inputs.isScalar()) {
			errors.add(new FieldError(pointer,
					"must be an array of numbers (one example) or of rows (a batch), not a bare number"));
			return null;
		}
		double[][] rows = inputs.isFlat() ? new double[][] { inputs.flat() } : inputs.rows();
		return rectangular(rows, pointer, "inputs", inputs.isFlat(), errors);
	}

	static RealMatrix weights(NumberArray value, String pointer, List<FieldError> errors) {
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

	static RealVector bias(NumberArray value, int outputs, String pointer, List<FieldError> errors) {
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

	/**
	 * The labels as batch × outputs: their required message names the shape the network
	 * needs.
	 */
	static RealMatrix labels(NumberArray value, int batch, int outputs, List<FieldError> errors) {
		return labels(value, batch, outputs, "/label", errors);
	}

	static RealMatrix labels(NumberArray value, int batch, int outputs, String pointer, List<FieldError> errors) {
		if (value == null) {
			errors.add(new FieldError(pointer, "is required: batch × outputs (" + batch + " × " + outputs + ")"));
			return null;
		}
		double[][] rows;
		if (value.isScalar()) {
			if (batch != 1 || outputs != 1) {
				errors.add(new FieldError(pointer, "must be " + batch + " × " + outputs
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
				errors.add(new FieldError(pointer, "must be a " + batch + " × " + outputs
						+ " matrix (batch × outputs): a flat array is ambiguous with several examples and outputs"));
				return null;
			}
		}
		else {
			rows = value.rows();
		}
		RealMatrix labels = rectangular(rows, pointer, "label", value.isFlat(), errors);
		if (labels != null && (labels.getRowDimension() != batch || labels.getColumnDimension() != outputs)) {
			errors.add(new FieldError(pointer, "is " + labels.getRowDimension() + " × " + labels.getColumnDimension()
					+ " but must be batch × outputs = " + batch + " × " + outputs));
			return null;
		}
		return labels;
	}

	/**
	 * What can be said of labels before the network is known (when it is not valid): a
	 * number, or a non-empty array of numbers or of rows of one length.
	 */
	static void labelForm(NumberArray value, String pointer, List<FieldError> errors) {
		if (!value.isScalar()) {
			rectangular(value.isFlat() ? new double[][] { value.flat() } : value.rows(), pointer, "label",
					value.isFlat(), errors);
		}
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
