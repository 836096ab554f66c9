package lab.backprop.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;

import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import lab.backprop.engine.data.MiniBatches;
import lab.backprop.engine.linalg.BlasKernel;
import lab.backprop.engine.linalg.BlasMatrixProducts;
import lab.backprop.engine.linalg.Matrices;
import lab.backprop.engine.linalg.MatrixProducts;
import lab.backprop.engine.optim.Adam;
import lab.backprop.engine.optim.Optimizer;
import lab.backprop.engine.optim.OptimizerState;
import lab.backprop.engine.optim.RmsProp;
import lab.backprop.engine.optim.Sgd;

/**
 * A training run leaves out the first layer's dL/dInput and writes each step's parameters
 * and optimizer state into the arrays of two steps before: neither may change a reported
 * number. Every run here is compared, bit for bit, with the same steps taken one by one
 * through {@link TrainingStep#run}, each with the previous step's parameters and state,
 * as k /train-step calls take them.
 */
class TrainingEconomyTest {

	private static final Random RANDOM = new Random(11);

	private static final RealMatrix INPUTS = random(6, 3, 1.0);

	private static final RealMatrix LABELS = Matrices
		.of(new double[][] { { 1, 0 }, { 0, 1 }, { 1, 0 }, { 1, 0 }, { 0, 1 }, { 0, 1 } });

	private static final Network NETWORK = new Network(List.of(
			new Layer(random(3, 4, 0.8), new ArrayRealVector(new double[] { 0.1, -0.2, 0.05, 0.0 }), Activation.TANH),
			new Layer(random(4, 2, 0.8), new ArrayRealVector(new double[] { 0.01, -0.01 }), Activation.SOFTMAX)));

	static List<Optimizer> optimizers() {
		return List.of(Optimizer.plainSgd(), new Sgd(0.9, 0.0, true, 0.01), new Adam(0.9, 0.999, 1e-8, 0.0),
				new Adam(0.8, 0.99, 1e-6, 0.05), new RmsProp(0.9, 1e-8, 0.5, true, 0.0));
	}

	/** The three kinds of product: textbook sums, and BLAS for every product. */
	static List<MatrixProducts> products() {
		return List.of(MatrixProducts.COMMONS_MATH, new BlasMatrixProducts(BlasKernel.java(), 0));
	}

	@ParameterizedTest
	@MethodSource("optimizers")
	void aRunIsItsStepsOneByOne(Optimizer optimizer) {
		for (MatrixProducts products : products()) {
			TrainingStep step = new TrainingStep(products);
			int steps = 7;
			Training.Outcome run = run(step, optimizer, new Training.Plan(steps, Double.NEGATIVE_INFINITY, 1));
			Training.Outcome traced = run(step, optimizer,
					new Training.Plan(steps, Double.NEGATIVE_INFINITY, 1, 0, 0, true));

			Network network = NETWORK;
			OptimizerState state = OptimizerState.initial();
			TrainingStep.Result first = null;
			TrainingStep.Result last = null;
			for (int k = 1; k <= steps; k++) {
				last = step.run(network, INPUTS, LABELS, Loss.CROSS_ENTROPY, Regularization.NONE, 0.05, optimizer,
						state);
				first = first == null ? last : first;
				assertThat(run.history().get(k).loss()).isEqualTo(last.after().loss());
				network = last.updated();
				state = last.state();
			}
			for (Training.Outcome outcome : List.of(run, traced)) {
				assertThat(outcome.network()).isEqualTo(network);
				assertSameState(outcome.state(), state, optimizer);
				assertThat(outcome.loss()).isEqualTo(last.after().loss());
			}
			assertThat(run.first()).as("only a trace keeps steps").isNull();
			assertThat(run.last()).isNull();
			assertThat(traced.first().backward().layers().get(0).dLdInput())
				.isEqualTo(first.backward().layers().get(0).dLdInput());
			assertThat(traced.last().updated()).isEqualTo(network);
			assertThat(traced.last().backward().layers().get(0).dLdInput())
				.isEqualTo(last.backward().layers().get(0).dLdInput());
		}
	}

	/**
	 * A run that overflows after several steps (when arrays are already being reused)
	 * ends with the last finite parameters and state, and names the quantity that the
	 * next single step names.
	 */
	@Test
	void aDivergingRunKeepsTheLastFiniteParameters() {
		TrainingStep step = new TrainingStep(MatrixProducts.COMMONS_MATH);
		Optimizer momentum = new Sgd(0.99, 0.0, false, 0.0);
		Network linear = new Network(List.of(new Layer(random(3, 2, 1.0), new ArrayRealVector(2), Activation.LINEAR)));
		Training.Outcome outcome = new Training(step).run(
				new Training.Task(linear, new Training.Examples(INPUTS, LABELS), null, Loss.MSE, Regularization.NONE,
						40.0, momentum, OptimizerState.initial(), MiniBatches.Position.START),
				new Training.Plan(10_000, Double.NEGATIVE_INFINITY, 1000), Interruption.NONE, Training.Observer.NONE);
		assertThat(outcome.stoppedBecause()).isEqualTo(Training.StopReason.DIVERGED);
		assertThat(outcome.stepsRun()).as("enough steps for the arrays to be reused").isGreaterThan(4);

		Network network = linear;
		OptimizerState state = OptimizerState.initial();
		for (int k = 0; k < outcome.stepsRun(); k++) {
			TrainingStep.Result result = step.run(network, INPUTS, LABELS, Loss.MSE, 40.0, momentum, state);
			network = result.updated();
			state = result.state();
		}
		assertThat(outcome.network()).isEqualTo(network);
		assertSameState(outcome.state(), state, momentum);
		Network last = network;
		OptimizerState lastState = state;
		assertThatThrownBy(() -> step.run(last, INPUTS, LABELS, Loss.MSE, 40.0, momentum, lastState))
			.isInstanceOf(NonFiniteValueException.class)
			.extracting(e -> ((NonFiniteValueException) e).quantity())
			.isEqualTo(outcome.divergedAt());
	}

	/**
	 * Left out, the first layer's dL/dInput still stops a run where it overflows: its
	 * weights are huge, its inputs tiny, so every other value of the step is finite.
	 */
	@Test
	void anOverflowingInputGradientStopsARunAsItStopsAStep() {
		Network huge = new Network(List.of(new Layer(Matrices.of(new double[][] { { 1e300, 1e300 }, { 1e300, 1e300 } }),
				new ArrayRealVector(2), Activation.LINEAR)));
		RealMatrix tiny = Matrices.of(new double[][] { { 1e-300, -1e-300 } });
		RealMatrix labels = Matrices.of(new double[][] { { 1e10, -1e10 } });
		TrainingStep step = new TrainingStep(MatrixProducts.COMMONS_MATH);
		assertThatThrownBy(() -> step.run(huge, tiny, labels, Loss.SSE, 0.1))
			.isInstanceOf(NonFiniteValueException.class)
			.extracting(e -> ((NonFiniteValueException) e).quantity())
			.isEqualTo("backward.layers[0].dL_dInput");
		Training.Outcome outcome = new Training(step).run(huge, tiny, labels, Loss.SSE, 0.1, Optimizer.plainSgd(),
				OptimizerState.initial(), new Training.Plan(3, Double.NEGATIVE_INFINITY, 1));
		assertThat(outcome.stoppedBecause()).isEqualTo(Training.StopReason.DIVERGED);
		assertThat(outcome.stepsRun()).isZero();
		assertThat(outcome.divergedAt()).isEqualTo("backward.layers[0].dL_dInput");
	}

	private static Training.Outcome run(TrainingStep step, Optimizer optimizer, Training.Plan plan) {
		return new Training(step).run(
				new Training.Task(NETWORK, new Training.Examples(INPUTS, LABELS), null, Loss.CROSS_ENTROPY,
						Regularization.NONE, 0.05, optimizer, OptimizerState.initial(), MiniBatches.Position.START),
				plan, Interruption.NONE, Training.Observer.NONE);
	}

	private static void assertSameState(OptimizerState actual, OptimizerState expected, Optimizer optimizer) {
		assertThat(actual.step()).isEqualTo(expected.step());
		assertThat(actual.layers()).hasSameSizeAs(expected.layers());
		for (int i = 0; i < expected.layers().size(); i++) {
			for (String name : optimizer.bufferNames()) {
				assertThat(Matrices.data(actual.layers().get(i).weights().get(name)))
					.isEqualTo(Matrices.data(expected.layers().get(i).weights().get(name)));
				assertThat(actual.layers().get(i).bias().get(name))
					.isEqualTo(expected.layers().get(i).bias().get(name));
			}
		}
	}

	private static RealMatrix random(int rows, int columns, double scale) {
		double[][] m = new double[rows][columns];
		for (double[] row : m) {
			for (int k = 0; k < columns; k++) {
				row[k] = (RANDOM.nextDouble() * 2 - 1) * scale;
			}
		}
		return Matrices.of(m);
	}

}
