package lab.backprop.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
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
			Runs the forward pass, the loss, every factor of the chain rule, one gradient-descent step \
			(θ ← θ − η · dL/dθ) and the forward pass again with the new parameters, and returns every \
			intermediate value at full double precision. `update.layers` is ready to be sent back as \
			`layers` for the next step.""")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
			mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = TrainStepRequest.class),
			examples = {
				@ExampleObject(name = "seed", summary = "The seed: one sigmoid neuron, three inputs, squared error",
						value = ApiExamples.SEED),
				@ExampleObject(name = "two-layer", summary = "A 2-2-2 sigmoid network, quadratic loss",
						value = ApiExamples.TWO_LAYER)}))
	@ApiResponse(responseCode = "200", description = "The step, value by value (`include=full`), or its summary (`include=summary`).",
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(oneOf = {TrainStepResponse.class, TrainStepSummary.class})))
	@ApiResponse(responseCode = "400", description = """
			The body is not valid: `errors` lists each problem with a JSON Pointer. An unknown `include` \
			value is a 400 too, naming the parameter (`parameter`) and its allowed values (`allowed`).""",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
	@ApiResponse(responseCode = "422", description = "The arithmetic overflowed: `quantity` names the first value that is not finite.",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
	@PostMapping(path = "/train-step", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	public Object trainStep(@RequestBody TrainStepRequest request,
			@Parameter(description = """
					How much of the step to answer with. `full` (the default): every value of the step, as \
					documented for the response. `summary`: only `forward.loss`, `update` (learningRate and the new layers) and \
					`after` (prediction, loss, lossChange), each exactly as in the full answer; the \
					per-layer forward values and the whole `backward` section are left out, so a large \
					network's answer stays small. Case-insensitive.""",
					schema = @Schema(allowableValues = {"summary", "full"}, defaultValue = "full"))
			@RequestParam(name = Include.PARAMETER, required = false) String include) {
		Include detail = Include.parse(include);
		StepInput input = validator.validate(request);
		TrainingStep.Result result =
				trainingStep.run(input.network(), input.inputs(), input.labels(), input.loss(), input.learningRate());
		return detail == Include.SUMMARY ? TrainStepSummary.from(result) : TrainStepResponse.from(result);
	}
}
