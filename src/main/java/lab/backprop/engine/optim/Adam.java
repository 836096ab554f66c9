package lab.backprop.engine.optim;

import java.util.List;

import lab.backprop.engine.linalg.VectorLanes;

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
	public void update(Tensor now, double[] grad, Tensor next, long t, double lr, int from, int to) {
		updateAndCheck(now, grad, next, t, lr, from, to);
	}

	/**
	 * The rule with the finiteness check fused into its loop: on the vector lanes where
	 * the JVM has them ({@link AdamLanes}, the same bits), else element by element.
	 */
	@Override
	public boolean updateAndCheck(Tensor now, double[] grad, Tensor next, long t, double lr, int from, int to) {
		double[] theta = now.values();
		double[] m = now.buffer(EXP_AVG);
		double[] v = now.buffer(EXP_AVG_SQ);
		double[] newTheta = next.values();
		double[] newM = next.buffer(EXP_AVG);
		double[] newV = next.buffer(EXP_AVG_SQ);
		if (VectorLanes.AVAILABLE) {
			return AdamLanes.updateAndCheck(this, theta, grad, m, v, newTheta, newM, newV, t, lr, from, to);
		}
		return scalarUpdateAndCheck(theta, grad, m, v, newTheta, newM, newV, t, lr, from, to);
	}

	/** The rule element by element; {@code true} when every value it wrote is finite. */
	boolean scalarUpdateAndCheck(double[] theta, double[] grad, double[] m, double[] v, double[] newTheta,
			double[] newM, double[] newV, long t, double lr, int from, int to) {
		double biasCorrection1 = 1.0 - Math.pow(beta1, t);
		double biasCorrection2Sqrt = Math.sqrt(1.0 - Math.pow(beta2, t));
		double stepSize = lr / biasCorrection1;
		double zero = 0.0;
		for (int k = from; k < to; k++) {
			double g = TensorOptimizer.withWeightDecay(grad[k], theta[k], weightDecay);
			double mk = TensorOptimizer.lerp(m[k], g, 1.0 - beta1);
			double vk = beta2 * v[k] + (1.0 - beta2) * g * g;
			double denom = Math.sqrt(vk) / biasCorrection2Sqrt + eps;
			double thetaK = theta[k] + -stepSize * (mk / denom);
			newTheta[k] = thetaK;
			newM[k] = mk;
			newV[k] = vk;
			zero += thetaK * 0.0 + mk * 0.0 + vk * 0.0;
		}
		return zero == 0.0;
	}
}
