package lab.backprop.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import lab.backprop.engine.TrainingStep;

/** POST /train-step: one forward pass, backward pass and update, with every value shown. */
@RestController
@Tag(name = "Training", description = "Backpropagation, number by number.")
public class TrainStepController {

	private final StepRequestValidator validator;

	private final TrainingStep trainingStep;

	public TrainStepController(StepRequestValidator validator, TrainingStep trainingStep) {
		this.validator = validator;
		this.trainingStep = trainingStep;
	}

	@Operation(summary = "One training step, every value shown", description = """
			Runs the forward pass, the loss, every factor of the chain rule, one optimizer step (by default \
			plain gradient descent, θ ← θ − η · dL/dθ; see `optimizer` for momentum, Nesterov, Adam and \
			RMSprop with PyTorch's formulas) and the forward pass again with the new parameters, and returns \
			every intermediate value at full double precision. `update.layers` is ready to be sent back as \
			`layers` for the next step, and `optimizerState` as `optimizerState`.""")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
			mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = TrainStepRequest.class),
			examples = {
				@ExampleObject(name = "seed", summary = "The seed: one sigmoid neuron, three inputs, squared error",
						value = ApiExamples.SEED),
				@ExampleObject(name = "two-layer", summary = "A 2-2-2 sigmoid network, quadratic loss",
						value = ApiExamples.TWO_LAYER)}))
	@ApiResponse(responseCode = "200", description = "The step, value by value.")
	@ApiResponse(responseCode = "400", description = "The body is not valid: `errors` lists each problem with a JSON Pointer.",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
	@ApiResponse(responseCode = "422", description = "The arithmetic overflowed: `quantity` names the first value that is not finite.",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
	@PostMapping(path = "/train-step", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	public TrainStepResponse trainStep(@RequestBody TrainStepRequest request) {
		StepInput input = validator.validate(request);
		return TrainStepResponse.from(
				trainingStep.run(input.network(), input.inputs(), input.labels(), input.loss(), input.learningRate(),
						input.optimizer(), input.optimizerState()));
	}
}
