package lab.backprop.engine;

import org.apache.commons.math3.linear.RealMatrix;

/**
 * ln ŷ, ln(1 − ŷ) and 1 − ŷ of an output layer, for the cross-entropy losses, each
 * computed so that no digit is lost where ŷ is near 0 or 1: from z for sigmoid (softplus)
 * and softmax (log-sum-exp, and the complement of the largest output summed from the
 * others), from ŷ otherwise.
 */
final class Probabilities {

	final double[][] logP;

	final double[][] logQ;

	final double[][] q;

	private Probabilities(int rows, int columns) {
		logP = new double[rows][columns];
		logQ = new double[rows][columns];
		q = new double[rows][columns];
	}

	static Probabilities of(Loss.OutputLayer out) {
		RealMatrix z = out.z();
		RealMatrix p = out.prediction();
		Probabilities result = new Probabilities(p.getRowDimension(), p.getColumnDimension());
		for (int i = 0; i < p.getRowDimension(); i++) {
			if (out.activation() == Activation.SOFTMAX) {
				result.softmaxRow(i, z.getRow(i), p.getRow(i));
				continue;
			}
			for (int k = 0; k < p.getColumnDimension(); k++) {
				if (out.activation() == Activation.SIGMOID) {
					double zk = z.getEntry(i, k);
					result.logP[i][k] = -Loss.softplus(-zk);
					result.logQ[i][k] = -Loss.softplus(zk);
					result.q[i][k] = Activation.SIGMOID.value(-zk);
				}
				else {
					double pk = p.getEntry(i, k);
					result.logP[i][k] = Math.log(pk);
					result.logQ[i][k] = Math.log1p(-pk);
					result.q[i][k] = 1.0 - pk;
				}
			}
		}
		return result;
	}

	/**
	 * Only the largest output can be above ½; its complement is the sum of the others,
	 * not 1 − ŷ.
	 */
	private void softmaxRow(int i, double[] z, double[] p) {
		int top = 0;
		for (int k = 1; k < z.length; k++) {
			if (z[k] > z[top]) {
				top = k;
			}
		}
		double sum = 0.0;
		double others = 0.0;
		for (int k = 0; k < z.length; k++) {
			double e = Math.exp(z[k] - z[top]);
			sum += e;
			others += k == top ? 0.0 : e;
		}
		double logSum = z[top] + Math.log(sum);
		for (int k = 0; k < z.length; k++) {
			logP[i][k] = z[k] - logSum;
			if (k == top) {
				logQ[i][k] = Math.log(others) - Math.log(sum);
				q[i][k] = others / sum;
			}
			else {
				logQ[i][k] = Math.log1p(-p[k]);
				q[i][k] = 1.0 - p[k];
			}
		}
	}

}
