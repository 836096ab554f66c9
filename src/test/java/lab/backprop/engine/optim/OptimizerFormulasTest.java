package lab.backprop.engine.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.apache.commons.math3.linear.ArrayRealVector;
import org.junit.jupiter.api.Test;

import lab.backprop.engine.Activation;
import lab.backprop.engine.Layer;
import lab.backprop.engine.Loss;
import lab.backprop.engine.linalg.Matrices;
import lab.backprop.engine.Network;
import lab.backprop.engine.TrainingStep;

/**
 * Three steps of each optimizer on the seed neuron, against the optimizer's formulas
 * written out by hand here, with the gradient of the seed's loss also written out by
 * hand. Parameters are ordered w1, w2, w3, b.
 */
class OptimizerFormulasTest {

	static final double[] X = { 0.5, 0.2, 0.8 };

	static final double Y = 0.7;

	static final double LR = 0.1;

	/**
	 * dL/dθ for L = (σ(x·w + b) − y)²: dL/dz = 2(a − y)·a(1 − a), dL/dw_k = x_k·dL/dz,
	 * dL/db = dL/dz.
	 */
	static double[] gradient(double[] theta) {
		double z = X[0] * theta[0] + X[1] * theta[1] + X[2] * theta[2] + theta[3];
		double a = 1.0 / (1.0 + Math.exp(-z));
		double dz = 2.0 * (a - Y) * a * (1.0 - a);
		return new double[] { X[0] * dz, X[1] * dz, X[2] * dz, dz };
	}

	static double[] start() {
		return new double[] { 0.1, -0.3, 0.5, 0.1 };
	}

	/**
	 * The engine's parameters after three steps of {@code optimizer}, passing the state
	 * along.
	 */
	static double[] engineThreeSteps(Optimizer optimizer) {
		Network network = new Network(List.of(new Layer(Matrices.of(new double[][] { { 0.1 }, { -0.3 }, { 0.5 } }),
				new ArrayRealVector(new double[] { 0.1 }), Activation.SIGMOID)));
		OptimizerState state = OptimizerState.initial();
		TrainingStep step = new TrainingStep();
		for (int t = 0; t < 3; t++) {
			TrainingStep.Result result = step.run(network, Matrices.of(new double[][] { X }),
					Matrices.of(new double[][] { { Y } }), Loss.MSE, LR, optimizer, state);
			network = result.updated();
			state = result.state();
			assertThat(state.step()).isEqualTo(t + 1);
		}
		Layer layer = network.layer(0);
		return new double[] { layer.weights().getEntry(0, 0), layer.weights().getEntry(1, 0),
				layer.weights().getEntry(2, 0), layer.bias().getEntry(0) };
	}

	static void assertClose(double[] actual, double[] expected) {
		for (int k = 0; k < expected.length; k++) {
			assertThat(actual[k]).as("parameter %d", k)
				.isCloseTo(expected[k], within(1e-15 + 1e-13 * Math.abs(expected[k])));
		}
	}

	@Test
	void momentumWithDampeningAndWeightDecay() {
		double mu = 0.9;
		double dampening = 0.1;
		double wd = 0.01;
		double[] theta = start();
		double[] b = new double[4];
		for (int t = 1; t <= 3; t++) {
			double[] g = gradient(theta);
			for (int k = 0; k < 4; k++) {
				double gk = g[k] + wd * theta[k]; // L2 weight decay
				b[k] = t == 1 ? gk : mu * b[k] + (1 - dampening) * gk; // the buffer
																		// starts as the
																		// first gradient
				theta[k] -= LR * b[k];
			}
		}
		assertClose(engineThreeSteps(new Sgd(mu, dampening, false, wd)), theta);
		assertThat(theta[0]).isNotCloseTo(engineThreeSteps(Optimizer.plainSgd())[0], within(1e-6));
	}

	@Test
	void nesterov() {
		double mu = 0.8;
		double[] theta = start();
		double[] b = new double[4];
		for (int t = 1; t <= 3; t++) {
			double[] g = gradient(theta);
			for (int k = 0; k < 4; k++) {
				b[k] = t == 1 ? g[k] : mu * b[k] + g[k];
				theta[k] -= LR * (g[k] + mu * b[k]); // look ahead along the buffer
			}
		}
		assertClose(engineThreeSteps(new Sgd(mu, 0.0, true, 0.0)), theta);
	}

	@Test
	void adamWithBiasCorrectionAndWeightDecay() {
		double beta1 = 0.8;
		double beta2 = 0.95;
		double eps = 1e-8;
		double wd = 0.1;
		double[] theta = start();
		double[] m = new double[4];
		double[] v = new double[4];
		for (int t = 1; t <= 3; t++) {
			double[] g = gradient(theta);
			for (int k = 0; k < 4; k++) {
				double gk = g[k] + wd * theta[k];
				m[k] = beta1 * m[k] + (1 - beta1) * gk;
				v[k] = beta2 * v[k] + (1 - beta2) * gk * gk;
				double mHat = m[k] / (1 - Math.pow(beta1, t));
				double vHat = v[k] / (1 - Math.pow(beta2, t));
				// PyTorch adds eps to √v / √(1 − β₂ᵗ), i.e. to √v̂
				theta[k] -= LR * mHat / (Math.sqrt(vHat) + eps);
			}
		}
		assertClose(engineThreeSteps(new Adam(beta1, beta2, eps, wd)), theta);
	}

	@Test
	void adamFirstStepMovesEachParameterByTheLearningRate() {
		// After one step m̂ = g and v̂ = g², so θ moves by η·g/(|g| + ε): almost exactly
		// η against the gradient's sign.
		Adam adam = new Adam(0.9, 0.999, 1e-8, 0.0);
		Network network = new Network(List.of(new Layer(Matrices.of(new double[][] { { 0.1 }, { -0.3 }, { 0.5 } }),
				new ArrayRealVector(new double[] { 0.1 }), Activation.SIGMOID)));
		TrainingStep.Result result = new TrainingStep().run(network, Matrices.of(new double[][] { X }),
				Matrices.of(new double[][] { { Y } }), Loss.MSE, LR, adam, OptimizerState.initial());
		double[] g = gradient(start());
		assertThat(result.updated().layer(0).bias().getEntry(0)).isCloseTo(0.1 - LR * Math.signum(g[3]), within(1e-7));
	}

	@Test
	void rmspropPlain() {
		double alpha = 0.99;
		double eps = 1e-8;
		double[] theta = start();
		double[] s = new double[4];
		for (int t = 1; t <= 3; t++) {
			double[] g = gradient(theta);
			for (int k = 0; k < 4; k++) {
				s[k] = alpha * s[k] + (1 - alpha) * g[k] * g[k];
				theta[k] -= LR * g[k] / (Math.sqrt(s[k]) + eps);
			}
		}
		assertClose(engineThreeSteps(new RmsProp(alpha, eps, 0.0, false, 0.0)), theta);
	}

	@Test
	void rmspropCenteredWithMomentum() {
		double alpha = 0.9;
		double eps = 1e-8;
		double mu = 0.5;
		double wd = 0.05;
		double[] theta = start();
		double[] s = new double[4];
		double[] mean = new double[4];
		double[] b = new double[4];
		for (int t = 1; t <= 3; t++) {
			double[] g = gradient(theta);
			for (int k = 0; k < 4; k++) {
				double gk = g[k] + wd * theta[k];
				s[k] = alpha * s[k] + (1 - alpha) * gk * gk;
				mean[k] = alpha * mean[k] + (1 - alpha) * gk;
				double avg = Math.sqrt(s[k] - mean[k] * mean[k]) + eps; // centred: the
																		// variance
																		// estimate
				b[k] = mu * b[k] + gk / avg;
				theta[k] -= LR * b[k];
			}
		}
		assertClose(engineThreeSteps(new RmsProp(alpha, eps, mu, true, wd)), theta);
	}

	@Test
	void plainSgdIsGradientDescent() {
		double[] theta = start();
		for (int t = 1; t <= 3; t++) {
			double[] g = gradient(theta);
			for (int k = 0; k < 4; k++) {
				theta[k] -= LR * g[k];
			}
		}
		assertClose(engineThreeSteps(Optimizer.plainSgd()), theta);
	}

}
