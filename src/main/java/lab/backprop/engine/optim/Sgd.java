package lab.backprop.engine.optim;

import java.util.List;

/**
 * Stochastic gradient descent as {@code torch.optim.SGD}: with g = dL/dθ + wd·θ, <pre>
 * b ← g                          at the first step (PyTorch's empty momentum buffer)
 * b ← μ·b + (1 − dampening)·g    afterwards
 * g ← g + μ·b  (nesterov)  or  g ← b  (classical momentum)
 * θ ← θ − η·g
 * </pre> With μ = 0 there is no buffer and the rule is plain gradient descent, θ ← θ −
 * η·g.
 */
public record Sgd(double momentum, double dampening, boolean nesterov, double weightDecay) implements TensorOptimizer {

	static final String MOMENTUM_BUFFER = "momentumBuffer";

	public Sgd {
		if (nesterov && (momentum <= 0.0 || dampening != 0.0)) {
			throw new IllegalArgumentException("nesterov momentum needs momentum > 0 and dampening 0");
		}
	}

	@Override
	public String type() {
		return nesterov ? "nesterov" : momentum != 0.0 ? "momentum" : "sgd";
	}

	@Override
	public List<String> bufferNames() {
		return momentum != 0.0 ? List.of(MOMENTUM_BUFFER) : List.of();
	}

	@Override
	public void update(Tensor now, double[] grad, Tensor next, long t, double lr, int from, int to) {
		double[] theta = now.values();
		double[] b = now.buffer(MOMENTUM_BUFFER);
		double[] newTheta = next.values();
		double[] newB = next.buffer(MOMENTUM_BUFFER);
		for (int k = from; k < to; k++) {
			double g = TensorOptimizer.withWeightDecay(grad[k], theta[k], weightDecay);
			double step = g;
			if (momentum != 0.0) {
				double bk = t == 1 ? g : momentum * b[k] + (1.0 - dampening) * g;
				step = nesterov ? g + momentum * bk : bk;
				newB[k] = bk;
			}
			newTheta[k] = theta[k] - lr * step;
		}
	}
}
