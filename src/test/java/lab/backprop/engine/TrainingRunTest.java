package lab.backprop.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;

import lab.backprop.engine.data.MiniBatches;
import lab.backprop.engine.linalg.Matrices;
import lab.backprop.engine.linalg.MatrixProducts;
import lab.backprop.engine.optim.Adam;
import lab.backprop.engine.optim.Optimizer;
import lab.backprop.engine.optim.OptimizerState;

/**
 * Training with mini-batches, a test set, a penalty and interruptions: every step is the
 * single step on its batch, a run continued from an outcome is the longer run, and the
 * reported values are those of a forward pass with the parameters of that step.
 */
class TrainingRunTest {

	private static final TrainingStep STEP = new TrainingStep(MatrixProducts.COMMONS_MATH);

	private static final Training TRAINING = new Training(STEP);

	private static final Random RANDOM = new Random(5);

	private static final RealMatrix INPUTS = random(11, 2);

	private static final RealMatrix LABELS = binary(INPUTS);

	private static final RealMatrix TEST_INPUTS = random(5, 2);

	private static final RealMatrix TEST_LABELS = binary(TEST_INPUTS);

	private static final Network NETWORK = new Network(
			List.of(new Layer(random(2, 3), new ArrayRealVector(new double[] { 0.1, -0.1, 0.05 }), Activation.TANH),
					new Layer(random(3, 1), new ArrayRealVector(new double[] { 0.02 }), Activation.SIGMOID)));

	private static final Optimizer ADAM = new Adam(0.9, 0.999, 1e-8, 0.0);

	private static Training.Task task(Network network, OptimizerState state, MiniBatches.Position position,
			Regularization regularization) {
		return new Training.Task(network, new Training.Examples(INPUTS, LABELS),
				new Training.Examples(TEST_INPUTS, TEST_LABELS), Loss.BINARY_CROSS_ENTROPY, regularization, 0.05, ADAM,
				state, position);
	}

	private static Training.Outcome run(Training.Task task, Training.Plan plan) {
		return TRAINING.run(task, plan, Interruption.NONE, Training.Observer.NONE);
	}

	/** Each step is TrainingStep on the documented batch: 4, 4, then the last 3. */
	@Test
	void everyStepIsTheSingleStepOnItsBatch() {
		Regularization l2 = new Regularization(Regularization.Type.L2, 0.01);
		Training.Outcome outcome = run(task(NETWORK, OptimizerState.initial(), MiniBatches.Position.START, l2),
				new Training.Plan(5, Double.NEGATIVE_INFINITY, 1, 4, 7));

		MiniBatches batches = new MiniBatches(11, 4, 7);
		MiniBatches.Position position = MiniBatches.Position.START;
		Network network = NETWORK;
		OptimizerState state = OptimizerState.initial();
		List<Integer> sizes = new ArrayList<>();
		for (int k = 0; k < 5; k++) {
			MiniBatches.Batch batch = batches.at(position);
			sizes.add(batch.indices().length);
			TrainingStep.Result step = STEP.run(network, rows(INPUTS, batch.indices()), rows(LABELS, batch.indices()),
					Loss.BINARY_CROSS_ENTROPY, l2, 0.05, ADAM, state);
			network = step.updated();
			state = step.state();
			position = batch.next();
		}
		assertThat(sizes).containsExactly(4, 4, 3, 4, 4);
		assertThat(outcome.network()).isEqualTo(network);
		assertThat(outcome.state().step()).isEqualTo(5);
		assertThat(outcome.position()).isEqualTo(new MiniBatches.Position(1, 8));
		// the history's loss is the whole training set's, with the penalty; the test's
		// without
		ForwardPass whole = ForwardPass.run(network, INPUTS, LABELS, Loss.BINARY_CROSS_ENTROPY, l2,
				MatrixProducts.COMMONS_MATH, "check");
		ForwardPass test = ForwardPass.run(network, TEST_INPUTS, TEST_LABELS, Loss.BINARY_CROSS_ENTROPY,
				MatrixProducts.COMMONS_MATH, "check");
		Training.Point end = outcome.end();
		assertThat(end.loss()).isEqualTo(whole.loss());
		assertThat(end.dataLoss()).isEqualTo(whole.dataLoss());
		assertThat(end.testLoss()).isEqualTo(test.loss());
		assertThat(outcome.history()).hasSize(6);
	}

	/**
	 * 7 steps, then 6 more from the outcome's parameters, state and position, are 13
	 * steps, bit for bit.
	 */
	@Test
	void aRunContinuedFromItsOutcomeIsTheLongerRun() {
		Training.Plan seven = new Training.Plan(7, Double.NEGATIVE_INFINITY, 1, 3, 11);
		Training.Outcome first = run(
				task(NETWORK, OptimizerState.initial(), MiniBatches.Position.START, Regularization.NONE), seven);
		Training.Outcome second = run(task(first.network(), first.state(), first.position(), Regularization.NONE),
				new Training.Plan(6, Double.NEGATIVE_INFINITY, 1, 3, 11));
		Training.Outcome whole = run(
				task(NETWORK, OptimizerState.initial(), MiniBatches.Position.START, Regularization.NONE),
				new Training.Plan(13, Double.NEGATIVE_INFINITY, 1, 3, 11));

		assertThat(second.network()).isEqualTo(whole.network());
		assertThat(second.position()).isEqualTo(whole.position());
		assertThat(second.loss()).isEqualTo(whole.loss());
		assertThat(second.state().layers().get(0).weights().get("expAvg"))
			.isEqualTo(whole.state().layers().get(0).weights().get("expAvg"));
		assertThat(whole.history().get(7).loss()).isEqualTo(second.history().get(0).loss());
		assertThat(whole.history().get(7).testLoss()).isEqualTo(second.history().get(0).testLoss());
	}

	/** A batch of all the examples is the full-batch training of old, bit for bit. */
	@Test
	void aBatchOfEveryExampleIsFullBatchTraining() {
		Training.Outcome full = run(
				task(NETWORK, OptimizerState.initial(), MiniBatches.Position.START, Regularization.NONE),
				new Training.Plan(9, Double.NEGATIVE_INFINITY, 2));
		Training.Outcome eleven = run(
				task(NETWORK, OptimizerState.initial(), MiniBatches.Position.START, Regularization.NONE),
				new Training.Plan(9, Double.NEGATIVE_INFINITY, 2, 11, 3));
		Training.Outcome old = TRAINING.run(NETWORK, INPUTS, LABELS, Loss.BINARY_CROSS_ENTROPY, 0.05, ADAM,
				OptimizerState.initial(), new Training.Plan(9, Double.NEGATIVE_INFINITY, 2));
		assertThat(eleven.network()).isEqualTo(full.network());
		assertThat(eleven.history()).isEqualTo(full.history());
		assertThat(old.network()).isEqualTo(full.network());
		assertThat(old.history()).extracting(Training.Point::loss)
			.containsExactlyElementsOf(full.history().stream().map(Training.Point::loss).toList());
	}

	/**
	 * Accuracy: one sigmoid output with 0/1 labels, the class 1 from ŷ ≥ 0.5; counted
	 * here from the prediction itself.
	 */
	@Test
	void accuracyCountsTheExamplesOnTheRightSideOfOneHalf() {
		Training.Outcome outcome = run(
				task(NETWORK, OptimizerState.initial(), MiniBatches.Position.START, Regularization.NONE),
				new Training.Plan(3, Double.NEGATIVE_INFINITY, 1));
		for (Training.Point point : List.of(outcome.history().get(0), outcome.end())) {
			Network at = point.step() == 0 ? NETWORK : outcome.network();
			assertThat(point.accuracy()).isEqualTo(rightFraction(at, INPUTS, LABELS));
			assertThat(point.testAccuracy()).isEqualTo(rightFraction(at, TEST_INPUTS, TEST_LABELS));
		}
		// labels that are not all 0 or 1 are not a classification: no accuracy
		RealMatrix soft = LABELS.scalarMultiply(0.5);
		Training.Outcome regression = TRAINING.run(
				new Training.Task(NETWORK, new Training.Examples(INPUTS, soft), null, Loss.MSE, Regularization.NONE,
						0.1, Optimizer.plainSgd(), OptimizerState.initial(), MiniBatches.Position.START),
				new Training.Plan(2, Double.NEGATIVE_INFINITY, 1), Interruption.NONE, Training.Observer.NONE);
		assertThat(regression.end().accuracy()).isNull();
		assertThat(regression.end().testLoss()).isNull();
		assertThat(regression.end().dataLoss()).isNull();
	}

	@Test
	void softmaxWithOneHotLabelsIsClassifiedByTheLargestOutput() {
		Network softmax = new Network(List.of(new Layer(Matrices.of(new double[][] { { 1, -1, 0 }, { 0, 1, -1 } }),
				new ArrayRealVector(3), Activation.SOFTMAX)));
		RealMatrix inputs = Matrices.of(new double[][] { { 2, 0 }, { 0, 2 }, { -1, -1 }, { 1, 1 } });
		// outputs' largest: class 0, class 1, class 2 (z = −1, 0, 1), class 0 (z = 1, 0,
		// −1)
		RealMatrix labels = Matrices.of(new double[][] { { 1, 0, 0 }, { 0, 1, 0 }, { 0, 1, 0 }, { 1, 0, 0 } });
		assertThat(Classification.of(softmax, labels)).isEqualTo(Classification.ONE_HOT);
		ForwardPass pass = ForwardPass.run(softmax, inputs, labels, Loss.CROSS_ENTROPY, MatrixProducts.COMMONS_MATH,
				"f");
		assertThat(Classification.ONE_HOT.accuracy(pass.prediction(), labels)).isEqualTo(0.75);
		assertThat(Classification.of(softmax, Matrices.of(new double[][] { { 0.5, 0.5, 0 } }))).isNull();
	}

	/**
	 * An interruption stops the run before its next step, with everything so far; the
	 * observer saw every recorded point and the ones it asked for.
	 */
	@Test
	void anInterruptionStopsBetweenStepsWithEverythingSoFar() {
		int[] checks = { 0 };
		List<Long> seen = new ArrayList<>();
		Training.Observer observer = new Training.Observer() {
			@Override
			public boolean stepped(long stepsRun) {
				return stepsRun == 3;
			}

			@Override
			public void progress(Training.Point point, Network network) {
				seen.add(point.step());
			}
		};
		Training.Outcome outcome = TRAINING.run(
				task(NETWORK, OptimizerState.initial(), MiniBatches.Position.START, Regularization.NONE),
				new Training.Plan(100, Double.NEGATIVE_INFINITY, 2, 4, 0),
				() -> ++checks[0] > 5 ? Training.StopReason.TIME_LIMIT : null, observer);
		assertThat(outcome.stoppedBecause()).isEqualTo(Training.StopReason.TIME_LIMIT);
		assertThat(outcome.stepsRun()).isEqualTo(5);
		assertThat(outcome.state().step()).isEqualTo(5);
		assertThat(outcome.history()).extracting(Training.Point::step).containsExactly(0L, 2L, 4L, 5L);
		assertThat(seen).containsExactly(0L, 2L, 3L, 4L);
		Training.Outcome five = run(
				task(NETWORK, OptimizerState.initial(), MiniBatches.Position.START, Regularization.NONE),
				new Training.Plan(5, Double.NEGATIVE_INFINITY, 2, 4, 0));
		assertThat(outcome.network()).isEqualTo(five.network());
		assertThat(outcome.position()).isEqualTo(five.position());
	}

	private static double rightFraction(Network network, RealMatrix inputs, RealMatrix labels) {
		RealMatrix p = ForwardPass.run(network, inputs, labels, Loss.MSE, MatrixProducts.COMMONS_MATH, "f")
			.prediction();
		int right = 0;
		for (int i = 0; i < labels.getRowDimension(); i++) {
			boolean one = p.getEntry(i, 0) >= 0.5;
			if (one == (labels.getEntry(i, 0) == 1.0)) {
				right++;
			}
		}
		return (double) right / labels.getRowDimension();
	}

	private static RealMatrix rows(RealMatrix m, int[] indices) {
		double[][] selected = new double[indices.length][];
		for (int k = 0; k < indices.length; k++) {
			selected[k] = m.getRow(indices[k]);
		}
		return Matrices.of(selected);
	}

	private static RealMatrix random(int rows, int columns) {
		double[][] m = new double[rows][columns];
		for (double[] row : m) {
			for (int k = 0; k < columns; k++) {
				row[k] = RANDOM.nextDouble() * 2 - 1;
			}
		}
		return Matrices.of(m);
	}

	/** 1 when x₁ · x₂ > 0: a quadrant pattern. */
	private static RealMatrix binary(RealMatrix inputs) {
		double[][] labels = new double[inputs.getRowDimension()][1];
		for (int i = 0; i < labels.length; i++) {
			labels[i][0] = inputs.getEntry(i, 0) * inputs.getEntry(i, 1) > 0 ? 1 : 0;
		}
		return Matrices.of(labels);
	}

}
