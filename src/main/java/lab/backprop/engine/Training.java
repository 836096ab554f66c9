package lab.backprop.engine;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.math3.linear.RealMatrix;

import lab.backprop.engine.optim.Optimizer;
import lab.backprop.engine.optim.OptimizerState;

/**
 * Many steps in a row, each exactly the step {@link TrainingStep} takes, so k steps here
 * give the same numbers, bit for bit, as k single steps with the parameters and the state
 * handed back each time.
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
		DIVERGED

	}

	/**
	 * How to train.
	 *
	 * @param steps the most steps to take, at least 1
	 * @param targetLoss stop once the loss is at or below this;
	 * {@code Double.NEGATIVE_INFINITY} for never
	 * @param recordEvery the loss history keeps step 0, every multiple of this, and the
	 * last step
	 */
	public record Plan(int steps, double targetLoss, int recordEvery) {

		public Plan {
			if (steps < 1 || recordEvery < 1) {
				throw new IllegalArgumentException("steps and recordEvery must be at least 1");
			}
		}
	}

	/** One point of the loss history: the loss after {@code step} steps. */
	public record LossPoint(long step, double loss) {
	}

	/**
	 * What a run gave.
	 *
	 * @param network the last finite parameters (after {@code stepsRun} steps)
	 * @param loss their loss
	 * @param state the optimizer's state after {@code stepsRun} steps
	 * @param divergedAt when {@code DIVERGED}: the first quantity, in the step after the
	 * last one run, that was not finite; {@code null} otherwise
	 * @param first the first step, or {@code null} when none ran
	 * @param last the last step that ran, or {@code null} when none ran
	 */
	public record Outcome(List<LossPoint> history, Network network, double loss, int stepsRun,
			StopReason stoppedBecause, OptimizerState state, String divergedAt, TrainingStep.Result first,
			TrainingStep.Result last) {
	}

	/**
	 * @throws NonFiniteValueException only when the starting parameters' forward pass is
	 * not finite
	 */
	public Outcome run(Network network, RealMatrix inputs, RealMatrix labels, Loss loss, double learningRate,
			Optimizer optimizer, OptimizerState state, Plan plan) {
		ForwardPass forward = ForwardPass.run(network, inputs, labels, loss, step.products(), "forward");
		List<LossPoint> history = new ArrayList<>();
		history.add(new LossPoint(0, forward.loss()));
		TrainingStep.Result first = null;
		TrainingStep.Result last = null;
		StopReason reason = StopReason.STEPS;
		String divergedAt = null;
		int stepsRun = 0;
		while (stepsRun < plan.steps()) {
			if (forward.loss() <= plan.targetLoss()) {
				reason = StopReason.TARGET_LOSS;
				break;
			}
			try {
				last = step.continueFrom(forward, network, inputs, labels, loss, learningRate, optimizer, state);
			}
			catch (NonFiniteValueException e) {
				reason = StopReason.DIVERGED;
				divergedAt = e.quantity();
				break;
			}
			stepsRun++;
			if (first == null) {
				first = last;
			}
			network = last.updated();
			state = last.state();
			forward = last.after();
			if (stepsRun % plan.recordEvery() == 0) {
				history.add(new LossPoint(stepsRun, forward.loss()));
			}
		}
		if (reason == StopReason.STEPS && forward.loss() <= plan.targetLoss()) {
			reason = StopReason.TARGET_LOSS;
		}
		if (history.get(history.size() - 1).step() != stepsRun) {
			history.add(new LossPoint(stepsRun, forward.loss()));
		}
		return new Outcome(List.copyOf(history), network, forward.loss(), stepsRun, reason, state, divergedAt, first,
				last);
	}

}
