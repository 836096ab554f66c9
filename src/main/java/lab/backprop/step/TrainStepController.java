package lab.backprop.step;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import lab.backprop.request.TrainStepRequest;

import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

import lab.backprop.engine.TrainingStep;
import lab.backprop.explain.Explainer;
import lab.backprop.explain.Step;
import lab.backprop.request.StepInput;
import lab.backprop.request.StepRequestReader;
import lab.backprop.system.admission.MemoryAdmission;
import lab.backprop.system.delivery.DataFormats;
import lab.backprop.system.ratelimit.RateLimits;
import lab.backprop.system.limits.ComputeBudget;

/**
 * POST /train-step: one forward pass, backward pass and update, with every value shown.
 */
@RestController
@Tag(name = "Training", description = "Backpropagation, number by number.")
public class TrainStepController {

	private final StepRequestReader reader;

	private final TrainingStep trainingStep;

	private final Explainer explainer;

	private final MemoryAdmission admission;

	private final RateLimits rateLimits;

	public TrainStepController(StepRequestReader reader, TrainingStep trainingStep, Explainer explainer,
			MemoryAdmission admission, RateLimits rateLimits) {
		this.reader = reader;
		this.trainingStep = trainingStep;
		this.explainer = explainer;
		this.admission = admission;
		this.rateLimits = rateLimits;
	}

	@Operation(operationId = "trainStep", summary = "One training step, every value shown", description = """
			Runs the forward pass, the loss, every factor of the chain rule, one optimizer step (by default \
			plain gradient descent, θ ← θ − η · dL/dθ; see `optimizer` for momentum, Nesterov, Adam and \
			RMSprop with PyTorch's formulas) and the forward pass again with the new parameters, and returns \
			every intermediate value at full double precision. `update.layers` is ready to be sent back as \
			`layers` for the next step, and `optimizerState` as `optimizerState`.

			**Explanations.** With `?explain=true` the JSON gains `explanations`, keyed like the response \
			(`explanations.backward.layers[0].dL_dZ` explains `backward.layers[0].dL_dZ`): for every value its \
			`formula`, the formula with this request's numbers element by element (`substituted`, an excerpt \
			with the count for large layers) and what it means here (`meaning`). Without it the response \
			has no text at all.

			**Worked solution.** With `Accept: text/markdown` the answer is the whole step as a Markdown \
			document: given values, forward pass, loss, backward pass, update, check, with LaTeX formulas \
			(`$...$`, as GitHub renders them) and every number at full precision and rounded for reading. \
			`explain` does not matter there. Errors are `application/problem+json` whatever `Accept` says.

			**The step as a script.** With `Accept: text/x-python` the answer is a standalone Python 3 \
			script that rebuilds this network and computes the same step in the seed's order, printing \
			each value with a label and a comment in the request's language: numpy only by default, or \
			PyTorch (autograd in float64, the gradients read from `.grad`, the update by torch.optim) with \
			`framework=pytorch`. `python3 script.py --json` prints one JSON object shaped like this \
			answer (forward, backward, update, after, optimizerState), whose numbers equal the service's \
			within 1e-12 relative (plus 1e-15 absolute, for values that cancel).

			**Languages.** Texts are in English by default and in Russian with `Accept-Language: ru` \
			(any other language gives English); `Content-Language` says which one was used.""")
	@Parameter(in = ParameterIn.HEADER, name = "Accept-Language", required = false, description = """
			The language of the explanations and of the worked solution: `ru` for Russian; anything else, or \
			no header, gives English. Any language tag or list (RFC 9110), such as `ru` or \
			`en-US,en;q=0.9`.""", schema = @Schema(type = "string", example = "ru"))
	// The ready examples (the seed first) come from the example catalog: ExamplesOpenApi.
	@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(implementation = TrainStepRequest.class)))
	@ApiResponse(responseCode = "200", description = """
			The step, value by value: JSON (with `explanations` when `explain=true`; only its summary with \
			`include=summary`), or the worked solution as Markdown for `Accept: text/markdown`.""", content = {
			@Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(implementation = TrainStepResponse.class)),
			@Content(mediaType = MediaType.TEXT_MARKDOWN_VALUE,
					schema = @Schema(type = "string",
							description = "The worked solution: Markdown with LaTeX formulas between $...$.")),
			@Content(mediaType = "text/x-python", schema = @Schema(type = "string",
					description = "A standalone Python 3 script computing the same step (numpy, or PyTorch with framework=pytorch).")) })
	@ApiResponse(responseCode = "400", description = """
			The body is not valid: `errors` lists each problem with a JSON Pointer. An unknown `include`, \
			`explain` or `framework` value is a 400 too, naming the parameter (`parameter`).""")
	@ApiResponse(responseCode = "413",
			description = "The request is over a configured limit (`backprop.limits`: body, parameters, layers, width, batch, inputs, activations): `errors` points at what is too large and names the limit.")
	@ApiResponse(responseCode = "422",
			description = "The arithmetic overflowed: `quantity` names the first value that is not finite.")
	@PostMapping(path = "/train-step",
			consumes = { MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_CBOR_VALUE },
			produces = { MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_CBOR_VALUE,
					MediaType.TEXT_MARKDOWN_VALUE, "text/x-python" })
	public ResponseEntity<?> trainStep(@RequestBody TrainStepRequest request,
			@Parameter(description = """
					`true` adds `explanations` (formula, substituted numbers, meaning) for every value; \
					`false` or absent: numbers only. A bare `?explain` is `true`. Needs `include=full`.""",
					schema = @Schema(type = "boolean")) @RequestParam(name = ExplainParameter.NAME,
							required = false) String explain,
			@Parameter(description = """
					How much of the step to answer with. `full` (the default): every value of the step, as \
					documented for the response. `summary`: only `forward.loss`, `update` (learningRate, the \
					optimizer and the new layers), `after` (prediction, loss, lossChange) and `optimizerState`, \
					each exactly as in the full answer; the per-layer forward values and the whole `backward` \
					section are left out, so a large network's answer stays small. JSON only.""",
					schema = @Schema(allowableValues = { "summary", "full" })) @RequestParam(name = Include.PARAMETER,
							required = false) String include,
			@Parameter(description = """
					With `Accept: text/x-python`: the library the script computes with, `numpy` (the default: \
					every value by its formula) or `pytorch` (autograd and torch.optim, in float64). \
					Case-insensitive; ignored for other media types.""",
					schema = @Schema(allowableValues = { "numpy", "pytorch" })) @RequestParam(
							name = Framework.PARAMETER, required = false) String framework,
			@Parameter(hidden = true) Locale locale, HttpServletRequest servletRequest) {
		boolean explained = ExplainParameter.wanted(explain, locale, explainer);
		Include detail = Include.parse(include);
		Framework library = Framework.parse(framework);
		if (explained && detail == Include.SUMMARY) {
			throw Include.conflict("explain=true explains every value of the step: it needs include=full");
		}
		StepInput input = reader.read(request);
		rateLimits.chargeWork(servletRequest,
				ComputeBudget.product(ComputeBudget.parameters(input.network()), input.inputs().getRowDimension()));
		admission.admit(input.network(), input.inputs(), input.labels(), servletRequest);
		TrainingStep.Result result = trainingStep.run(input.network(), input.inputs(), input.labels(), input.loss(),
				input.regularization(), input.learningRate(), input.optimizer(), input.optimizerState());
		TrainStepResponse response = TrainStepResponse.from(result, !input.regularization().isNone());
		if (detail == Include.SUMMARY) {
			return ResponseEntity.ok().contentType(DataFormats.jsonOrCbor(servletRequest)).body(response.summary());
		}
		Step step = new Step(input.network(), input.inputs(), input.labels(), input.loss(), input.regularization(),
				result);
		Locale language = explainer.language(locale);
		StepReport.Script script = new StepReport.Script(library,
				new ScriptWriter.Request(input.network(), input.inputs(), input.labels(), input.loss(),
						input.learningRate(), input.optimizer(), input.optimizerState(), input.regularization(),
						language));
		if (!explained) {
			return ResponseEntity.ok(new StepReport(response, step, language, script));
		}
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_LANGUAGE, language.toLanguageTag())
			.header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE)
			.body(new StepReport(response.explainedBy(explainer.explanations(step, language)), step, language, script));
	}

}
