package lab.backprop.explain;

import lab.backprop.engine.Activation;
import lab.backprop.engine.ForwardPass;
import lab.backprop.explain.Cases.Thresholds;

/**
 * The elements of an output-layer gradient that are tiny but not 0 because their unit is
 * saturated: a sigmoid or tanh output with |z| > 5, or a softmax row whose largest z
 * leads every other by more than 5. There the prediction is within a hair of its bound (a
 * double may show it equal to its label) and a reader may take the tiny value for
 * rounding noise; it is exact (the engine takes such differences from z).
 *
 * @param count how many elements are tiny and saturated
 * @param total how many elements the gradient has
 * @param smallest the one of them nearest 0
 */
record Saturation(int count, int total, double smallest) {

	static Saturation of(ForwardPass.LayerValues output, double[][] gradient) {
		Activation activation = output.activation();
		double[][] z = Narration.rows(output.z());
		int count = 0;
		int total = 0;
		double smallest = 0.0;
		for (int i = 0; i < gradient.length; i++) {
			boolean rowSaturated = activation == Activation.SOFTMAX && lead(z[i]) > Thresholds.FAR_Z;
			for (int j = 0; j < gradient[i].length; j++) {
				total++;
				double g = gradient[i][j];
				boolean saturated = rowSaturated || ((activation == Activation.SIGMOID || activation == Activation.TANH)
						&& Math.abs(z[i][j]) > Thresholds.FAR_Z);
				if (saturated && g != 0.0 && Math.abs(g) < Thresholds.TINY_GRADIENT) {
					smallest = count == 0 || Math.abs(g) < Math.abs(smallest) ? g : smallest;
					count++;
				}
			}
		}
		return new Saturation(count, total, smallest);
	}

	/** How far a row's largest z is ahead of the next largest. */
	private static double lead(double[] z) {
		double first = Double.NEGATIVE_INFINITY;
		double second = Double.NEGATIVE_INFINITY;
		for (double v : z) {
			if (v > first) {
				second = first;
				first = v;
			}
			else if (v > second) {
				second = v;
			}
		}
		return first - second;
	}

}
