package lab.backprop.engine;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.math3.linear.RealMatrix;

import lab.backprop.engine.data.MiniBatches;
import lab.backprop.engine.linalg.Matrices;
import lab.backprop.engine.linalg.RowMajorMatrix;
import lab.backprop.engine.optim.Optimizer;
import lab.backprop.engine.optim.OptimizerState;

/**
 * Many steps in a row, each exactly the step {@link TrainingStep} takes. With the whole
 * training set as the batch, k steps here give the same numbers, bit for bit, as k single
 * steps with the parameters and the state handed back each time; with mini-batches
 * ({@link MiniBatches}) each step is that single step on its batch, and the loss after it
 * is computed over the whole training set.
 */
public final class Training {

	private final TrainingStep step;

	public Training(TrainingStep step) {
		this.step = step;
	}

	/** Why training stopped. */
	public enum StopReason {

		/** Every requested step ran. */
		STEPS,
		/** The loss reached the target. */
		TARGET_LOSS,
		/**
		 * A value stopped being a finite number; the result holds the last finite
		 * parameters.
		 */
		DIVERGED,
		/** The time allowed for one run was used up. */
		TIME_LIMIT,
		/** The service is stopping. */
		SHUTDOWN,
		/** Nobody waits for the answer any more. */
		CANCELLED

	}

	/**
	 * How to train.
	 *
	 * @param steps the most steps to take, at least 1
	 * @param targetLoss stop once the loss is at or below this;
	 * {@code Double.NEGATIVE_INFINITY} for never
	 * @param recordEvery the history keeps step 0, every multiple of this, and the last
	 * step
	 * @param batchSize the examples of a step, 1 to the training set's; 0 for all of them
	 * @param shuffleSeed the seed of the mini-batches' order ({@link MiniBatches})
	 * @param trace keep the first and the last step with every value
	 * ({@link Outcome#first()}, {@link Outcome#last()}); without it the steps leave out
	 * what only a step shown in full needs
	 */
	public record Plan(int steps, double targetLoss, int recordEvery, int batchSize, long shuffleSeed, boolean trace) {

		public Plan {
			if (steps < 1 || recordEvery < 1 || batchSize < 0) {
				throw new IllegalArgumentException("steps and recordEvery must be at least 1, batchSize at least 0");
			}
		}

		/** Without a trace. */
		public Plan(int steps, double targetLoss, int recordEvery, int batchSize, long shuffleSeed) {
			this(steps, targetLoss, recordEvery, batchSize, shuffleSeed, false);
		}

		/** Full-batch training without a trace. */
		public Plan(int steps, double targetLoss, int recordEvery) {
			this(steps, targetLoss, recordEvery, 0, 0);
		}
	}

	/** Labelled examples: inputs batch × features, labels batch × outputs. */
	public record Examples(RealMatrix inputs, RealMatrix labels) {

		public int size() {
			return inputs.getRowDimension();
		}

		Examples rows(int[] indices) {
			return new Examples(select(inputs, indices), select(labels, indices));
		}

		private static RealMatrix select(RealMatrix m, int[] indices) {
			int columns = m.getColumnDimension();
			double[] from = Matrices.data(m);
			double[] to = new double[indices.length * columns];
			for (int k = 0; k < indices.length; k++) {
				System.arraycopy(from, indices[k] * columns, to, k * columns, columns);
			}
			return new RowMajorMatrix(indices.length, columns, to);
		}
	}

	/**
	 * What to train and from where.
	 *
	 * @param test held-out examples, never trained on, or {@code null}
	 * @param position where the next mini-batch starts
	 */
	public record Task(Network network, Examples train, Examples test, Loss loss, Regularization regularization,
			double learningRate, Optimizer optimizer, OptimizerState state, MiniBatches.Position position) {
	}

	/**
	 * The state of a run after {@code step} steps. The losses are over the whole training
	 * set; {@code dataLoss} only with a regularization, {@code loss} then being the data
	 * loss plus the penalty; the test values only with a test set (its data loss alone);
	 * the accuracies only for a {@link Classification}.
	 */
	public record Point(long step, double loss, Double dataLoss, Double testLoss, Double accuracy,
			Double testAccuracy) {
	}

	/** Watches a run: told of each step and shown its progress. */
	public interface Observer {

		Observer NONE = new Observer() {
		};

		/**
		 * Told after each step; {@code true} asks for a progress point at this step
		 * besides the recorded ones.
		 */
		default boolean stepped(long stepsRun) {
			return false;
		}

		/**
		 * A point of the history, or one asked for by {@link #stepped}, with the
		 * parameters at that step. They are the run's own: read them during the call, for
		 * their arrays are overwritten by a later step.
		 */
		default void progress(Point point, Network network) {
		}

	}

	/**
	 * What a run gave.
	 *
	 * @param end the state of the final parameters
	 * @param network the last finite parameters (after {@code stepsRun} steps)
	 * @param state the optimizer's state after {@code stepsRun} steps
	 * @param position where the next mini-batch would start
	 * @param divergedAt when {@code DIVERGED}: the first quantity, in the step after the
	 * last one run, that was not finite; {@code null} otherwise
	 * @param first with {@link Plan#trace()}, the first step; {@code null} without, or
	 * when none ran
	 * @param last with {@link Plan#trace()}, the last step that ran; {@code null}
	 * without, or when none ran
	 */
	public record Outcome(List<Point> history, Point end, Network network, int stepsRun, StopReason stoppedBecause,
			OptimizerState state, MiniBatches.Position position, String divergedAt, TrainingStep.Result first,
			TrainingStep.Result last) {

		/** The loss of the final parameters. */
		public double loss() {
			return end.loss();
		}
	}

	/** Full-batch training without a test set, a penalty or anyone watching. */
	public Outcome run(Network network, RealMatrix inputs, RealMatrix labels, Loss loss, double learningRate,
			Optimizer optimizer, OptimizerState state, Plan plan) {
		return run(new Task(network, new Examples(inputs, labels), null, loss, Regularization.NONE, learningRate,
				optimizer, state, MiniBatches.Position.START), plan, Interruption.NONE, Observer.NONE);
	}

	/**
	 * @param interruption asked before each step whether to stop
	 * @throws NonFiniteValueException only when the starting parameters' forward pass (or
	 * test loss) is not finite
	 */
	public Outcome run(Task task, Plan plan, Interruption interruption, Observer observer) {
		return new TrainingRun(step, task, plan).train(interruption, observer);
	}

}
