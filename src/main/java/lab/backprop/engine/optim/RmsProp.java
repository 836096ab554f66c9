package lab.backprop.engine.optim;

import java.util.ArrayList;
import java.util.List;

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
	public void update(Tensor now, double[] grad, Tensor next, long t, double lr, int from, int to) {
		double[] theta = now.values();
		double[] s = now.buffer(SQUARE_AVG);
		double[] b = now.buffer(Sgd.MOMENTUM_BUFFER);
		double[] mean = now.buffer(GRAD_AVG);
		double[] newTheta = next.values();
		double[] newS = next.buffer(SQUARE_AVG);
		double[] newB = next.buffer(Sgd.MOMENTUM_BUFFER);
		double[] newMean = next.buffer(GRAD_AVG);
		for (int k = from; k < to; k++) {
			double g = TensorOptimizer.withWeightDecay(grad[k], theta[k], weightDecay);
			double sk = alpha * s[k] + (1.0 - alpha) * g * g;
			double avg;
			if (centered) {
				double meanK = TensorOptimizer.lerp(mean[k], g, 1.0 - alpha);
				avg = Math.sqrt(sk + -1.0 * meanK * meanK) + eps;
				newMean[k] = meanK;
			}
			else {
				avg = Math.sqrt(sk) + eps;
			}
			newS[k] = sk;
			if (momentum > 0.0) {
				double bk = momentum * b[k] + g / avg;
				newTheta[k] = theta[k] + -lr * bk;
				newB[k] = bk;
			}
			else {
				newTheta[k] = theta[k] + -lr * (g / avg);
			}
		}
	}
}
