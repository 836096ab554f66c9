package lab.backprop.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import lab.backprop.engine.Training;

/** POST /train: many steps in one request, with the loss history. */
@RestController
@Tag(name = "Training")
public class TrainController {

	private final StepRequestValidator validator;

	private final Training training;

	private final TrainingLimits limits;

	private final MemoryAdmission admission;

	public TrainController(StepRequestValidator validator, Training training, TrainingLimits limits,
			MemoryAdmission admission) {
		this.validator = validator;
		this.training = training;
		this.limits = limits;
		this.admission = admission;
	}

	@Operation(summary = "Train for many steps and return the loss history", description = """
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
		StepInput input = null;
		try {
			input = validator.validate(request.stepRequest());
		}
		catch (InvalidRequestException e) {
			errors.addAll(e.errors());
		}
		Training.Plan plan = plan(request, errors);
		if (!errors.isEmpty()) {
			throw new InvalidRequestException(errors);
		}
		long parameters = ComputeBudget.parameters(input.network());
		int batch = input.inputs().getRowDimension();
		ComputeBudget.check(ComputeBudget.product(plan.steps(), parameters, batch),
				"steps × parameters × batch = " + plan.steps() + " × " + parameters + " × " + batch, limits);
		admission.admit(input, servletRequest);

		Training.Outcome outcome = training.run(input.network(), input.inputs(), input.labels(), input.loss(),
				input.learningRate(), input.optimizer(), input.optimizerState(), plan);
		boolean trace = Boolean.TRUE.equals(request.trace());
		return new TrainResponse(outcome.stoppedBecause().name().toLowerCase(Locale.ROOT), outcome.stepsRun(),
				outcome.loss(),
				outcome.divergedAt() == null ? null
						: new TrainResponse.Divergence(outcome.stepsRun() + 1, outcome.divergedAt()),
				TrainResponse.HistoryPoint.of(outcome.history()), plan.recordEvery(),
				OptimizerRequests.describe(input.optimizer()), TrainStepResponse.parameters(outcome.network()),
				OptimizerRequests.body(input.optimizer(), outcome.state()),
				trace && outcome.first() != null ? TrainStepResponse.from(outcome.first()) : null,
				trace && outcome.last() != null ? TrainStepResponse.from(outcome.last()) : null);
	}

	/** steps, targetLoss and recordEvery, checked; {@code null} when one is invalid. */
	private Training.Plan plan(TrainRequest request, List<FieldError> errors) {
		int before = errors.size();
		Integer steps = request.steps();
		if (steps == null) {
			errors
				.add(new FieldError("/steps", "is required: how many steps to train, 1 to " + limits.maxTrainSteps()));
		}
		else if (steps < 1 || steps > limits.maxTrainSteps()) {
			errors.add(new FieldError("/steps", "must be from 1 to " + limits.maxTrainSteps()
					+ " (backprop.limits.max-train-steps), not " + steps));
		}
		Double target = request.targetLoss();
		if (target != null && !Double.isFinite(target)) {
			errors.add(new FieldError("/targetLoss", "must be a finite number, not " + target));
		}
		if (errors.size() > before) {
			return null;
		}
		int recordEvery = request.recordEvery() == null ? Math.max(1, (steps + 99) / 100) : request.recordEvery();
		if (recordEvery < 1) {
			errors.add(new FieldError("/recordEvery", "must be at least 1, not " + recordEvery));
			return null;
		}
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
