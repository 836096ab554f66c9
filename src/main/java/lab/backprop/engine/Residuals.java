package lab.backprop.engine;

import org.apache.commons.math3.linear.RealMatrix;

import lab.backprop.engine.linalg.Matrices;
import lab.backprop.engine.linalg.RowMajorMatrix;

/**
 * ŷ − y of an output layer, element by element, for the losses' gradients and the squared
 * errors.
 *
 * <p>
 * Numerics: where a saturated output meets the label it is near, ŷ rounds to (or close
 * to) the label and ŷ − y, the difference of two nearly equal doubles, keeps none of the
 * digits that matter (σ(40) − 1 is 0.0; the truth is −4.2e-18). The complement is the
 * value itself, computed without a subtraction:
 * <ul>
 * <li>sigmoid, label 1: σ(z) − 1 = −σ(−z);</li>
 * <li>tanh, label 1: tanh z − 1 = −2σ(−2z); label −1: tanh z + 1 = 2σ(2z);</li>
 * <li>softmax, label 1 on a row's largest output c: ŷ_c − 1 = −Σ_{j≠c} ŷ_j, the other
 * outputs, each accurate. Any other output is at most ½, and 1 − ŷ_j loses nothing.</li>
 * </ul>
 * Every other element (a label of 0, where ŷ − 0 is exact, a label between, or an
 * activation that does not saturate) is the plain ŷ − y.
 */
final class Residuals {

	private Residuals() {
	}

	static RealMatrix of(Loss.OutputLayer out, RealMatrix labels) {
		int columns = labels.getColumnDimension();
		double[] z = Matrices.data(out.z());
		double[] p = Matrices.data(out.prediction());
		double[] y = Matrices.data(labels);
		double[] r = new double[p.length];
		for (int start = 0; start < p.length; start += columns) {
			int top = out.activation() == Activation.SOFTMAX ? top(p, start, columns) : -1;
			for (int k = start; k < start + columns; k++) {
				r[k] = switch (out.activation()) {
					case SIGMOID -> y[k] == 1.0 ? -Activation.SIGMOID.value(-z[k]) : p[k] - y[k];
					case TANH -> tanh(z[k], p[k], y[k]);
					case SOFTMAX -> k == top && y[k] == 1.0 ? -othersOf(p, start, columns, top) : p[k] - y[k];
					default -> p[k] - y[k];
				};
			}
		}
		return new RowMajorMatrix(labels.getRowDimension(), columns, r);
	}

	private static double tanh(double z, double p, double y) {
		if (y == 1.0) {
			return -2.0 * Activation.SIGMOID.value(-2.0 * z);
		}
		return y == -1.0 ? 2.0 * Activation.SIGMOID.value(2.0 * z) : p - y;
	}

	/** The largest of the row's outputs (the first, where several are). */
	static int top(double[] p, int start, int columns) {
		int top = start;
		for (int k = start + 1; k < start + columns; k++) {
			if (p[k] > p[top]) {
				top = k;
			}
		}
		return top;
	}

	/** 1 − ŷ_top as the sum of the row's other outputs. */
	static double othersOf(double[] p, int start, int columns, int top) {
		double others = 0.0;
		for (int k = start; k < start + columns; k++) {
			others += k == top ? 0.0 : p[k];
		}
		return others;
	}

}
