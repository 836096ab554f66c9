package lab.backprop.engine.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import lab.backprop.engine.Activation;
import lab.backprop.engine.BackwardPass;
import lab.backprop.engine.Layer;
import lab.backprop.engine.Network;
import lab.backprop.engine.NonFiniteValueException;
import lab.backprop.engine.linalg.Matrices;
import lab.backprop.engine.linalg.RowMajorMatrix;

/**
 * A weight matrix large enough to be updated on two cores at once gives the numbers of
 * the rule run over the whole tensor in one go, and a value that is not finite is named
 * in the documented order whichever half holds it.
 */
class SharedUpdateTest {

	private static final int ROWS = 256;

	private static final int COLUMNS = 160;

	static List<TensorOptimizer> optimizers() {
		return List.of(new Sgd(0.0, 0.0, false, 0.0), new Sgd(0.9, 0.1, false, 0.01), new Adam(0.9, 0.999, 1e-8, 0.0),
				new RmsProp(0.99, 1e-8, 0.9, true, 0.02));
	}

	@ParameterizedTest
	@MethodSource("optimizers")
	void twoHalvesGiveTheWholeTensorsNumbers(TensorOptimizer optimizer) {
		assertThat(ROWS * COLUMNS).as("shared between two cores").isGreaterThanOrEqualTo(TensorOptimizer.SHARED_SIZE);
		Random random = new Random(3);
		Network network = network(random);
		OptimizerState state = OptimizerState.initial();
		for (int t = 1; t <= 3; t++) {
			BackwardPass gradients = gradients(random);
			Optimizer.Update update = optimizer.step(network, gradients, 0.01, state);

			double[] theta = Matrices.data(network.layer(0).weights());
			Map<String, double[]> buffers = new HashMap<>();
			Map<String, double[]> expectedBuffers = new HashMap<>();
			for (String name : optimizer.bufferNames()) {
				buffers.put(name, state.layers().isEmpty() ? new double[theta.length]
						: Matrices.data(state.layers().get(0).weights().get(name)));
				expectedBuffers.put(name, new double[theta.length]);
			}
			double[] expected = new double[theta.length];
			optimizer.update(new TensorOptimizer.Tensor(theta, buffers),
					Matrices.data(gradients.layers().get(0).dLdW()),
					new TensorOptimizer.Tensor(expected, expectedBuffers), t, 0.01, 0, theta.length);

			assertThat(Matrices.data(update.network().layer(0).weights())).isEqualTo(expected);
			for (String name : optimizer.bufferNames()) {
				assertThat(Matrices.data(update.state().layers().get(0).weights().get(name)))
					.isEqualTo(expectedBuffers.get(name));
			}
			network = update.network();
			state = update.state();
		}
	}

	/** An infinite gradient in the first half: the weights, named before any buffer. */
	@Test
	void theFirstQuantityInTheDocumentedOrderIsNamedWhicheverHalfHoldsIt() {
		Random random = new Random(4);
		Network network = network(random);
		BackwardPass gradients = gradients(random);
		double[] g = Matrices.data(gradients.layers().get(0).dLdW());
		// g² overflows in the second half: only the squares' average is infinite
		g[ROWS * COLUMNS - 7] = 1e200;
		Adam adam = new Adam(0.9, 0.999, 1e-8, 0.0);
		assertThatThrownBy(() -> adam.step(network, gradients, 0.01, OptimizerState.initial()))
			.isInstanceOf(NonFiniteValueException.class)
			.extracting(e -> ((NonFiniteValueException) e).quantity())
			.isEqualTo("optimizerState.layers[0].weights.expAvgSq");
		// and an infinite weight in the first half is named before it
		g[5] = Double.POSITIVE_INFINITY;
		assertThatThrownBy(() -> adam.step(network, gradients, 0.01, OptimizerState.initial()))
			.isInstanceOf(NonFiniteValueException.class)
			.extracting(e -> ((NonFiniteValueException) e).quantity())
			.isEqualTo("update.layers[0].weights");
	}

	private static Network network(Random random) {
		return new Network(List.of(new Layer(matrix(random, 1.0), new ArrayRealVector(COLUMNS), Activation.TANH)));
	}

	private static BackwardPass gradients(Random random) {
		RealMatrix dLdW = matrix(random, 1e-3);
		return new BackwardPass(null,
				List.of(new BackwardPass.LayerGradients(null, null, null, dLdW, new ArrayRealVector(COLUMNS), null)));
	}

	private static RealMatrix matrix(Random random, double scale) {
		double[] values = new double[ROWS * COLUMNS];
		for (int k = 0; k < values.length; k++) {
			values[k] = random.nextGaussian() * scale;
		}
		return new RowMajorMatrix(ROWS, COLUMNS, values);
	}

}
