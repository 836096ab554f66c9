package lab.backprop.train;

import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;

import lab.backprop.engine.Network;
import lab.backprop.engine.Training;
import lab.backprop.engine.TrainingStep;
import lab.backprop.request.OptimizerStateBody;
import lab.backprop.step.OptimizerBodies;
import lab.backprop.step.TrainStepResponse;

/** Writes a run's outcome, and its progress, in the answer's records. */
@Component
class TrainAnswers {

	private final TrainingStep step;

	TrainAnswers(TrainingStep step) {
		this.step = step;
	}

	/**
	 * The answer to {@code job}; its grid is the final parameters' (one forward pass).
	 * @throws lab.backprop.engine.NonFiniteValueException when the grid's values are not
	 * finite
	 */
	TrainResponse response(TrainJob job, Training.Outcome outcome) {
		Training.Point end = outcome.end();
		boolean regularized = !job.input().regularization().isNone();
		OptimizerStateBody state = OptimizerBodies.state(job.input().optimizer(), outcome.state());
		if (job.miniBatches()) {
			state = new OptimizerStateBody(state.type(), state.step(), outcome.position().epoch(),
					outcome.position().taken(), state.layers());
		}
		return new TrainResponse(outcome.stoppedBecause().name().toLowerCase(Locale.ROOT), outcome.stepsRun(),
				end.loss(), end.dataLoss(), end.testLoss(), end.accuracy(), end.testAccuracy(),
				outcome.divergedAt() == null ? null
						: new TrainResponse.Divergence(outcome.stepsRun() + 1, outcome.divergedAt()),
				TrainResponse.HistoryPoint.of(outcome.history()), job.plan().recordEvery(),
				OptimizerBodies.describe(job.input().optimizer()), TrainStepResponse.parameters(outcome.network()),
				state, grid(job, outcome.network()),
				job.trace() && outcome.first() != null ? TrainStepResponse.from(outcome.first(), regularized) : null,
				job.trace() && outcome.last() != null ? TrainStepResponse.from(outcome.last(), regularized) : null);
	}

	/**
	 * A progress event's data: the point and, with a grid, the parameters and their grid.
	 */
	TrainProgress progress(TrainJob job, Training.Point point, Network network, long elapsedMillis) {
		List<TrainStepResponse.LayerParameters> layers = job.grid() == null ? null
				: TrainStepResponse.parameters(network);
		return new TrainProgress(point.step(), point.loss(), point.dataLoss(), point.testLoss(), point.accuracy(),
				point.testAccuracy(), elapsedMillis, layers, grid(job, network));
	}

	private GridResponse grid(TrainJob job, Network network) {
		return job.grid() == null ? null
				: GridResponse.of(job.grid().evaluate(network, step.products(), job.neurons()));
	}

}
