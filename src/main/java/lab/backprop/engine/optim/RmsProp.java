package lab.backprop.engine.optim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * RMSprop as {@code torch.optim.RMSprop}: with g = dL/dθ + wd·θ, <pre>
 * s ← α·s + (1 − α)·g²
 * a ← √(s − ḡ²) + ε  with ḡ ← α·ḡ + (1 − α)·g   (centered)
 * a ← √s + ε                                     (otherwise)
 * b ← μ·b + g / a,  θ ← θ − η·b                  (momentum μ > 0)
 * θ ← θ − η·g / a                                (otherwise)
 * </pre> Every buffer starts at zero.
 */
public record RmsProp(double alpha, double eps, double momentum, boolean centered,
		double weightDecay) implements TensorOptimizer {

	static final String SQUARE_AVG = "squareAvg";

	static final String GRAD_AVG = "gradAvg";

	@Override
	public String type() {
		return "rmsprop";
	}

	@Override
	public List<String> bufferNames() {
		List<String> names = new ArrayList<>(List.of(SQUARE_AVG));
		if (momentum > 0.0) {
			names.add(Sgd.MOMENTUM_BUFFER);
		}
		if (centered) {
			names.add(GRAD_AVG);
		}
		return List.copyOf(names);
	}

	@Override
	public void update(double[] theta, double[] grad, Map<String, double[]> buffers, long t, double lr) {
		double[] g = TensorOptimizer.withWeightDecay(grad, theta, weightDecay);
		double[] s = buffers.get(SQUARE_AVG);
		double[] b = buffers.get(Sgd.MOMENTUM_BUFFER);
		double[] mean = buffers.get(GRAD_AVG);
		for (int k = 0; k < theta.length; k++) {
			s[k] = alpha * s[k] + (1.0 - alpha) * g[k] * g[k];
			double avg;
			if (centered) {
				mean[k] = TensorOptimizer.lerp(mean[k], g[k], 1.0 - alpha);
				avg = Math.sqrt(s[k] + -1.0 * mean[k] * mean[k]) + eps;
			}
			else {
				avg = Math.sqrt(s[k]) + eps;
			}
			if (momentum > 0.0) {
				b[k] = momentum * b[k] + g[k] / avg;
				theta[k] = theta[k] + -lr * b[k];
			}
			else {
				theta[k] = theta[k] + -lr * (g[k] / avg);
			}
		}
	}
}
