package lab.backprop.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import lab.backprop.step.OptimizerBodies;
import lab.backprop.request.StepInput;
import lab.backprop.step.TrainStepResponse;
import lab.backprop.system.limits.ComputeBudget;
import lab.backprop.system.problem.FieldError;
import lab.backprop.system.problem.InvalidRequestException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.RestController;

import lab.backprop.engine.Training;
import lab.backprop.request.StepRequestReader;
import lab.backprop.system.admission.MemoryAdmission;
import lab.backprop.system.limits.TrainingLimits;

/** POST /train: many steps in one request, with the loss history. */
@RestController
@Tag(name = "Training")
public class TrainController {

	private final StepRequestReader reader;

	private final Training training;

	private final TrainingLimits limits;

	private final MemoryAdmission admission;

	public TrainController(StepRequestReader reader, Training training, TrainingLimits limits,
			MemoryAdmission admission) {
		this.reader = reader;
		this.training = training;
		this.limits = limits;
		this.admission = admission;
	}

	@Operation(operationId = "train", summary = "Train for many steps and return the loss history", description = """
			Takes the /train-step body plus `steps`, and repeats the step: the same computation as \
			/train-step, so k calls of /train-step (sending back `update.layers` and `optimizerState` each \
			time) give exactly, bit for bit, what one /train of k steps gives. Stops after `steps` steps, \
			when the loss reaches `targetLoss`, or when a value stops being finite (`diverged`: the answer \
			then holds the last finite parameters; a non-finite start is a 422). \
			\n\nThe compute budget: steps × parameters × batch must be at most backprop.limits.max-train-work \
			(default 100000000; environment BACKPROP_LIMITS_MAX_TRAIN_WORK), else a 413 names the budget.""")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(implementation = TrainRequest.class)))
	@ApiResponse(responseCode = "200", description = "The run: why it stopped, the history and the final parameters.")
	@ApiResponse(responseCode = "400",
			description = "The body is not valid: `errors` lists each problem with a JSON Pointer.",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
	@ApiResponse(responseCode = "413",
			description = "The run is over the compute budget: `limit`, `budget` and `work` say by how much.",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
	@ApiResponse(responseCode = "422",
			description = "The starting parameters' forward pass is not finite: `quantity` names the value.",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
	@ApiResponse(responseCode = "503",
			description = "Other large requests hold the memory this one needs and did not free it in time (`backprop.admission`): try again after `Retry-After` seconds.",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
	@PostMapping(path = "/train", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	public TrainResponse train(@RequestBody TrainRequest request, HttpServletRequest servletRequest) {
		List<FieldError> errors = new ArrayList<>();
		StepInput input = reader.read(request, errors);
		Training.Plan plan = plan(request, errors);
		if (!errors.isEmpty()) {
			throw new InvalidRequestException(errors);
		}
		long parameters = ComputeBudget.parameters(input.network());
		int batch = input.inputs().getRowDimension();
		ComputeBudget.check(ComputeBudget.product(plan.steps(), parameters, batch),
				"steps × parameters × batch = " + plan.steps() + " × " + parameters + " × " + batch, limits);
		admission.admit(input.network(), input.inputs(), input.labels(), servletRequest);

		Training.Outcome outcome = training.run(input.network(), input.inputs(), input.labels(), input.loss(),
				input.learningRate(), input.optimizer(), input.optimizerState(), plan);
		boolean trace = Boolean.TRUE.equals(request.trace());
		return new TrainResponse(outcome.stoppedBecause().name().toLowerCase(Locale.ROOT), outcome.stepsRun(),
				outcome.loss(),
				outcome.divergedAt() == null ? null
						: new TrainResponse.Divergence(outcome.stepsRun() + 1, outcome.divergedAt()),
				TrainResponse.HistoryPoint.of(outcome.history()), plan.recordEvery(),
				OptimizerBodies.describe(input.optimizer()), TrainStepResponse.parameters(outcome.network()),
				OptimizerBodies.state(input.optimizer(), outcome.state()),
				trace && outcome.first() != null ? TrainStepResponse.from(outcome.first()) : null,
				trace && outcome.last() != null ? TrainStepResponse.from(outcome.last()) : null);
	}

	/**
	 * How long to train. Bean Validation has checked {@code steps}, {@code targetLoss}
	 * and {@code recordEvery} one by one; the size of the history depends on two of them
	 * and a configured limit, so it is checked here.
	 * @return {@code null} when they are not valid
	 */
	private Training.Plan plan(TrainRequest request, List<FieldError> errors) {
		Integer steps = request.steps();
		Double target = request.targetLoss();
		if (steps == null || steps < 1 || steps > limits.maxTrainSteps() || (target != null && !Double.isFinite(target))
				|| (request.recordEvery() != null && request.recordEvery() < 1)) {
			return null;
		}
		int recordEvery = request.recordEvery() == null ? Math.max(1, (steps + 99) / 100) : request.recordEvery();
		long points = steps / recordEvery + 2L;
		if (points > limits.maxHistoryPoints()) {
			errors.add(new FieldError("/recordEvery",
					"gives " + points + " history points for " + steps + " steps, more than "
							+ limits.maxHistoryPoints() + " (backprop.limits.max-history-points): use at least "
							+ (steps + limits.maxHistoryPoints() - 3) / (limits.maxHistoryPoints() - 2)));
			return null;
		}
		return new Training.Plan(steps, target == null ? Double.NEGATIVE_INFINITY : target, recordEvery);
	}

}
