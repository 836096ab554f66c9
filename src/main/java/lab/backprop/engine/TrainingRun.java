package lab.backprop.engine;

import java.util.ArrayList;
import java.util.List;

import lab.backprop.engine.Training.Examples;
import lab.backprop.engine.Training.Observer;
import lab.backprop.engine.Training.Outcome;
import lab.backprop.engine.Training.Plan;
import lab.backprop.engine.Training.Point;
import lab.backprop.engine.Training.StopReason;
import lab.backprop.engine.Training.Task;
import lab.backprop.engine.data.MiniBatches;
import lab.backprop.engine.optim.Optimizer;
import lab.backprop.engine.optim.OptimizerState;

/** One {@link Training} run's moving parts: the loop and what it carries along. */
final class TrainingRun {

	private final TrainingStep step;

	private final Task task;

	private final Plan plan;

	private final Classification classification;

	private final MiniBatches batches;

	private Network network;

	private OptimizerState state;

	private MiniBatches.Position position;

	/** The loss over the whole training set with {@link #network}. */
	private ForwardPass whole;

	/**
	 * The parameters and state the step before the last one replaced, whose arrays the
	 * next step may overwrite: nothing reads them any more. {@code null} while there are
	 * none, and always with a trace, which keeps steps to show.
	 */
	private Optimizer.Update spare;

	private int stepsRun;

	TrainingRun(TrainingStep step, Task task, Plan plan) {
		this.step = step;
		this.task = task;
		this.plan = plan;
		Examples test = task.test();
		this.classification = Classification.of(task.network(), task.train().labels(),
				test == null ? null : test.labels());
		int examples = task.train().size();
		int size = plan.batchSize() == 0 ? examples : plan.batchSize();
		this.batches = size >= examples ? null : new MiniBatches(examples, size, plan.shuffleSeed());
		this.network = task.network();
		this.state = task.state();
		this.position = task.position();
	}

	Outcome train(Interruption interruption, Observer observer) {
		whole = evaluate(network, "forward");
		List<Point> history = new ArrayList<>();
		Point latest = point(0, whole, network, true);
		history.add(latest);
		observer.progress(latest, network);
		TrainingStep.Result first = null;
		TrainingStep.Result last = null;
		StopReason reason = StopReason.STEPS;
		String divergedAt = null;
		while (stepsRun < plan.steps()) {
			if (whole.loss() <= plan.targetLoss()) {
				reason = StopReason.TARGET_LOSS;
				break;
			}
			StopReason stop = interruption.check();
			if (stop != null) {
				reason = stop;
				break;
			}
			TrainingStep.Result result;
			ForwardPass after;
			MiniBatches.Position next = position;
			Point point = null;
			boolean recorded = (stepsRun + 1) % plan.recordEvery() == 0;
			try {
				if (batches == null) {
					result = step.continueFrom(whole, network, task.train().inputs(), task.train().labels(),
							task.loss(), task.regularization(), task.learningRate(), task.optimizer(), state,
							plan.trace(), spare);
					after = result.after();
				}
				else {
					MiniBatches.Batch batch = batches.at(position);
					Examples examples = task.train().rows(batch.indices());
					result = step.run(network, examples.inputs(), examples.labels(), task.loss(), task.regularization(),
							task.learningRate(), task.optimizer(), state, plan.trace(), spare);
					after = evaluate(result.updated(), "training");
					next = batch.next();
				}
				boolean wanted = observer.stepped(stepsRun + 1);
				if (recorded || wanted) {
					point = point(stepsRun + 1, after, result.updated(), true);
				}
			}
			catch (NonFiniteValueException e) {
				reason = StopReason.DIVERGED;
				divergedAt = e.quantity();
				break;
			}
			stepsRun++;
			// The task's own parameters and state are its caller's: never overwritten.
			spare = stepsRun == 1 || plan.trace() ? null : new Optimizer.Update(network, state);
			network = result.updated();
			state = result.state();
			position = next;
			whole = after;
			if (plan.trace()) {
				last = result;
				if (first == null) {
					first = result;
				}
			}
			if (recorded) {
				history.add(point);
			}
			if (point != null) {
				latest = point;
				observer.progress(point, network);
			}
		}
		if (reason == StopReason.STEPS && whole.loss() <= plan.targetLoss()) {
			reason = StopReason.TARGET_LOSS;
		}
		if (latest.step() != stepsRun) {
			latest = finalPoint();
		}
		if (history.get(history.size() - 1).step() != stepsRun) {
			history.add(latest);
		}
		return new Outcome(List.copyOf(history), latest, network, stepsRun, reason, state, position, divergedAt, first,
				last);
	}

	private ForwardPass evaluate(Network parameters, String stage) {
		return ForwardPass.run(parameters, task.train().inputs(), task.train().labels(), task.loss(),
				task.regularization(), step.products(), stage);
	}

	/**
	 * The point of {@code parameters}, whose training-set pass is {@code pass}; the test
	 * set's values only {@code withTest}.
	 */
	private Point point(long at, ForwardPass pass, Network parameters, boolean withTest) {
		Double dataLoss = task.regularization().isNone() ? null : pass.dataLoss();
		Double accuracy = classification == null ? null
				: classification.accuracy(pass.prediction(), task.train().labels());
		Double testLoss = null;
		Double testAccuracy = null;
		Examples test = task.test();
		if (test != null && withTest) {
			ForwardPass held = ForwardPass.run(parameters, test.inputs(), test.labels(), task.loss(), step.products(),
					"test");
			testLoss = held.loss();
			testAccuracy = classification == null ? null : classification.accuracy(held.prediction(), test.labels());
		}
		return new Point(at, pass.loss(), dataLoss, testLoss, accuracy, testAccuracy);
	}

	/**
	 * The final parameters' point. Their test loss is the one value not yet known to be
	 * finite when a divergence was found on the test set; it is then left out.
	 */
	private Point finalPoint() {
		try {
			return point(stepsRun, whole, network, true);
		}
		catch (NonFiniteValueException e) {
			return point(stepsRun, whole, network, false);
		}
	}

}
