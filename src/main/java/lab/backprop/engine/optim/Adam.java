package lab.backprop.engine.optim;

import java.util.List;
import java.util.Map;

/**
 * Adam as {@code torch.optim.Adam} (without amsgrad): with g = dL/dθ + wd·θ and t the
 * step number, <pre>
 * m ← β₁·m + (1 − β₁)·g          (PyTorch's lerp: m + (1 − β₁)(g − m))
 * v ← β₂·v + (1 − β₂)·g²
 * θ ← θ − (η / (1 − β₁ᵗ)) · m / (√v / √(1 − β₂ᵗ) + ε)
 * </pre> m and v start at zero; the two corrections undo that start's bias.
 */
public record Adam(double beta1, double beta2, double eps, double weightDecay) implements TensorOptimizer {

	static final String EXP_AVG = "expAvg";

	static final String EXP_AVG_SQ = "expAvgSq";

	@Override
	public String type() {
		return "adam";
	}

	@Override
	public List<String> bufferNames() {
		return List.of(EXP_AVG, EXP_AVG_SQ);
	}

	@Override
	public void update(double[] theta, double[] grad, Map<String, double[]> buffers, long t, double lr) {
		double[] g = TensorOptimizer.withWeightDecay(grad, theta, weightDecay);
		double[] m = buffers.get(EXP_AVG);
		double[] v = buffers.get(EXP_AVG_SQ);
		double biasCorrection1 = 1.0 - Math.pow(beta1, t);
		double biasCorrection2Sqrt = Math.sqrt(1.0 - Math.pow(beta2, t));
		double stepSize = lr / biasCorrection1;
		for (int k = 0; k < theta.length; k++) {
			m[k] = TensorOptimizer.lerp(m[k], g[k], 1.0 - beta1);
			v[k] = beta2 * v[k] + (1.0 - beta2) * g[k] * g[k];
			double denom = Math.sqrt(v[k]) / biasCorrection2Sqrt + eps;
			theta[k] = theta[k] + -stepSize * (m[k] / denom);
		}
	}
}
