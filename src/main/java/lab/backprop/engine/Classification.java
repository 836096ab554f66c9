package lab.backprop.engine;

import org.apache.commons.math3.linear.RealMatrix;

import lab.backprop.engine.linalg.Matrices;

/**
 * When a network classifies, and how often it is right. Two kinds are recognised: one
 * {@link Activation#SIGMOID} output with labels 0 or 1 (the class is 1 when ŷ ≥ 0.5, that
 * is z ≥ 0), and a {@link Activation#SOFTMAX} output with one-hot labels (the class is
 * the first largest output).
 */
public enum Classification {

	/** One sigmoid output, labels 0 or 1, threshold 0.5. */
	BINARY {
		@Override
		boolean fits(double[] label) {
			return label.length == 1 && (label[0] == 0.0 || label[0] == 1.0);
		}

		@Override
		boolean right(double[] prediction, double[] label) {
			return (prediction[0] >= 0.5) == (label[0] == 1.0);
		}
	},

	/** A softmax output, one-hot labels, the largest output wins. */
	ONE_HOT {
		@Override
		boolean fits(double[] label) {
			int ones = 0;
			for (double v : label) {
				if (v == 1.0) {
					ones++;
				}
				else if (v != 0.0) {
					return false;
				}
			}
			return ones == 1;
		}

		@Override
		boolean right(double[] prediction, double[] label) {
			int top = 0;
			for (int k = 1; k < prediction.length; k++) {
				if (prediction[k] > prediction[top]) {
					top = k;
				}
			}
			return label[top] == 1.0;
		}
	};

	abstract boolean fits(double[] label);

	abstract boolean right(double[] prediction, double[] label);

	/**
	 * The kind of classification {@code network} does on labels like every row of
	 * {@code labelSets} (those given), or {@code null} when it is not one of the two.
	 */
	public static Classification of(Network network, RealMatrix... labelSets) {
		Layer output = network.outputLayer();
		Classification kind = output.activation() == Activation.SIGMOID && output.outputs() == 1 ? BINARY
				: output.activation() == Activation.SOFTMAX && output.outputs() > 1 ? ONE_HOT : null;
		if (kind == null) {
			return null;
		}
		for (RealMatrix labels : labelSets) {
			if (labels == null) {
				continue;
			}
			for (double[] row : Matrices.rows(labels)) {
				if (!kind.fits(row)) {
					return null;
				}
			}
		}
		return kind;
	}

	/** The fraction of examples whose predicted class is the label's, 0 to 1. */
	public double accuracy(RealMatrix prediction, RealMatrix labels) {
		int right = 0;
		int n = labels.getRowDimension();
		for (int i = 0; i < n; i++) {
			if (right(prediction.getRow(i), labels.getRow(i))) {
				right++;
			}
		}
		return (double) right / n;
	}

}
