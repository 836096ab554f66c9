package lab.backprop.engine;

import org.apache.commons.math3.linear.RealMatrix;

/**
 * ln ŷ, ln(1 − ŷ) and 1 − ŷ of an output layer, for the cross-entropy losses, each
 * computed so that no digit is lost where ŷ is near 0 or 1: from z for sigmoid
 * (softplus), tanh (1 − tanh z = 2σ(−2z)) and softmax (log-sum-exp, and the complement of
 * the largest output summed from the others), from ŷ otherwise.
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
				else if (out.activation() == Activation.TANH) {
					result.tanh(i, k, z.getEntry(i, k), p.getEntry(i, k));
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
	 * Numerics: 1 − tanh z is 2σ(−2z), not a difference that is 0 once tanh z rounds to
	 * 1. Above ½, ln ŷ is log1p of minus that complement (ln tanh 40 is −3.6e-35, not 0);
	 * at or below ½ neither log loses anything taken from ŷ. A tanh output ≤ 0 has no
	 * logarithm: ln ŷ is then NaN or −∞, as the loss truly is unless the label is 0.
	 */
	private void tanh(int i, int k, double z, double p) {
		q[i][k] = 2.0 * Activation.SIGMOID.value(-2.0 * z);
		logP[i][k] = p > 0.5 ? Math.log1p(-q[i][k]) : Math.log(p);
		logQ[i][k] = p > 0.5 ? Math.log(q[i][k]) : Math.log1p(-p);
	}

	/**
	 * Only the largest output can be above ½; its complement is the sum of the others,
	 * not 1 − ŷ.
	 *
	 * <p>
	 * Numerics: the largest output's own log is −ln Σ_j e^(z_j − z_top) =
	 * −log1p(Σ_{j≠top} e^(z_j − z_top)): a near-certain class keeps its tiny loss
	 * (4.2e-18 for a lead of 40) instead of z_top − (z_top + ln 1) = 0.
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
			logP[i][k] = k == top ? -Math.log1p(others) : z[k] - logSum;
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
