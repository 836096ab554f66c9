package lab.backprop.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

import lab.backprop.engine.TrainingStep;
import lab.backprop.engine.slips.SlippedStep;
import lab.backprop.explain.Explainer;
import lab.backprop.explain.Step;
import lab.backprop.request.StepInput;
import lab.backprop.request.StepRequestReader;
import lab.backprop.system.admission.MemoryAdmission;
import lab.backprop.system.limits.ComputeBudget;
import lab.backprop.system.ratelimit.RateLimits;
import lab.backprop.system.limits.TrainingLimits;
import lab.backprop.system.problem.FieldError;
import lab.backprop.system.problem.InvalidRequestException;

/** POST /check: a learner's numbers for a step, judged, with the slips recognised. */
@RestController
@Tag(name = "Exercises", description = "Check hand-worked numbers, and exercises to work by hand.")
public class CheckController {

	/**
	 * The most steps worked again with a slip per request; fewer when the network and
	 * batch are large (the compute budget of /train then decides).
	 */
	static final int MAX_SLIPPED_STEPS = 48;

	private final StepRequestReader reader;

	private final TrainingStep trainingStep;

	private final Explainer explainer;

	private final MemoryAdmission admission;

	private final RateLimits rateLimits;

	private final TrainingLimits limits;

	private final JsonMapper mapper;

	public CheckController(StepRequestReader reader, TrainingStep trainingStep, Explainer explainer,
			MemoryAdmission admission, TrainingLimits limits, JsonMapper mapper, RateLimits rateLimits) {
		this.rateLimits = rateLimits;
		this.reader = reader;
		this.trainingStep = trainingStep;
		this.explainer = explainer;
		this.admission = admission;
		this.limits = limits;
		this.mapper = mapper;
	}

	@Operation(operationId = "checkAnswers", summary = "Check hand-worked numbers of a step", description = """
			Takes a /train-step body plus `answers`: the learner's numbers for any values of that step's \
			answer, keyed by JSON Pointers into it (`/forward/layers/0/z`, `/backward/layers/0/dL_dW`, or one \
			element such as `/backward/layers/0/dL_dW/1/0`). Each answer is compared element by element with \
			the service's value.

			**Precision.** By default each number is judged at the precision it is written with: a number \
			with d significant digits (d < 15) passes when it is the right value rounded to d digits, give \
			or take one unit in the last digit, so `-0.0188` passes for −0.018820882852641253; a zero keeps \
			its last decimal place (`0.000` passes for values that round to within 0.001 of 0 there); a \
			number with 15 digits or more passes within 1e-9 relative (an exact 0 within 1e-15). \
			`significantDigits` judges every number as if written with that many digits; `tolerance` by \
			distance, |given − expected| ≤ absolute + relative·|expected|; not both.

			**Mistakes.** A wrong answer whose numbers are, judged the same way, what a known slip gives is \
			named in `mistake` and explained with this body's numbers. Each slip is computed by working the \
			whole step again with that slip made (a dropped 2 halves every gradient after dL/dŷ), so a slip \
			is recognised in every value that follows from it; see the schema `Mistake` for the codes and \
			their order.

			**Errors.** An answer whose pointer is not a value of numbers in the /train-step answer, or \
			whose shape is neither the value's nor its transpose, is a 400 naming it: \
			`/answers/` followed by the key escaped as RFC 6901 says (`/answers/~1forward~1loss`).

			**Languages.** `mistake.explanation` and `hint` are in English, or Russian with \
			`Accept-Language: ru`; `Content-Language` says which.""")
	@Parameter(in = ParameterIn.HEADER, name = "Accept-Language", required = false,
			description = "`ru` for Russian texts; anything else, or no header, gives English.",
			schema = @Schema(type = "string", allowableValues = { "en", "ru" }))
	@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
			mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = CheckRequest.class),
			examples = @ExampleObject(name = "seed", summary = "The seed, with a sign slip in dL/dW", value = """
					{"inputs": [[0.5, 0.2, 0.8]], "weights": [[0.1], [-0.3], [0.5]], "bias": [[0.1]],
					 "label": [[0.7]], "learningRate": 0.1,
					 "answers": {"/forward/layers/0/z": 0.49, "/forward/loss": 0.00638,
					             "/backward/layers/0/dL_dW": [[0.0188], [0.0075], [0.0301]]}}""")))
	@ApiResponse(responseCode = "200", description = "The verdict on every answer.")
	@ApiResponse(responseCode = "400", description = """
			The body is not valid: `errors` lists each problem with a JSON Pointer; an answer that cannot be \
			judged is named as `/answers/<escaped key>`.""")
	@ApiResponse(responseCode = "413", description = "The request is over a configured limit (`backprop.limits`).")
	@ApiResponse(responseCode = "422",
			description = "The arithmetic of the step overflowed: `quantity` names the first value that is not finite.")
	@PostMapping(path = "/check", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	public ResponseEntity<CheckResponse> check(@RequestBody CheckRequest request,
			@Parameter(hidden = true) Locale locale, HttpServletRequest servletRequest) {
		List<FieldError> errors = new ArrayList<>();
		StepInput input = reader.read(request, errors);
		if (request.answers() == null) {
			errors.add(new FieldError("/answers", "is required: an object whose keys are JSON Pointers into the "
					+ "/train-step answer and whose values are your numbers, e.g. {\"/forward/loss\": 0.0064}"));
		}
		else if (request.answers().isEmpty()) {
			errors.add(new FieldError("/answers", "must hold at least one answer"));
		}
		else if (input == null) {
			answerForms(request, errors);
		}
		if (request.significantDigits() != null && request.tolerance() != null) {
			errors.add(new FieldError("/tolerance", "give either significantDigits or tolerance, not both"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidRequestException(errors);
		}
		long stepWork = ComputeBudget.product(ComputeBudget.parameters(input.network()),
				input.inputs().getRowDimension());
		rateLimits.chargeWork(servletRequest, ComputeBudget.product(stepWork, 1 + slippedSteps(input)));
		admission.admit(input.network(), input.inputs(), input.labels(), servletRequest);
		TrainingStep.Result result = trainingStep.run(input.network(), input.inputs(), input.labels(), input.loss(),
				input.regularization(), input.learningRate(), input.optimizer(), input.optimizerState());
		SlippedStep.Setup setup = new SlippedStep.Setup(input.network(), input.inputs(), input.labels(), input.loss(),
				input.learningRate(), input.optimizer(), input.optimizerState(), input.regularization());
		AnswerSheet sheet = new AnswerSheet(mapper, new SlippedStep(trainingStep.products()), setup, result,
				slippedSteps(input));
		CheckRequest.Tolerance tolerance = request.tolerance();
		Judge judge = Judge.of(request.significantDigits(), tolerance == null ? null : tolerance.relative(),
				tolerance == null ? null : tolerance.absolute());
		Locale language = explainer.language(locale);
		Step step = new Step(input.network(), input.inputs(), input.labels(), input.loss(), input.regularization(),
				result);
		CheckResponse response = new Checker(sheet, judge, explainer, step, language).check(request.answers(), errors);
		if (!errors.isEmpty()) {
			throw new InvalidRequestException(errors);
		}
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_LANGUAGE, language.toLanguageTag())
			.header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE)
			.body(response);
	}

	/**
	 * What can be said of the answers while the step cannot be computed (its own errors
	 * come first): each must be numbers in non-empty rows of one length. Their pointers
	 * and shapes wait for a valid step.
	 */
	private static void answerForms(CheckRequest request, List<FieldError> errors) {
		request.answers().forEach((pointer, given) -> {
			String at = "/answers/" + Target.escape(pointer);
			if (given == null) {
				errors.add(new FieldError(at, "must be a number or an array of numbers, not null"));
			}
			else {
				Written.rectangular(given.rows(), at, errors);
			}
		});
	}

	/** As many steps as the compute budget allows, up to {@link #MAX_SLIPPED_STEPS}. */
	private int slippedSteps(StepInput input) {
		long work = ComputeBudget.product(ComputeBudget.parameters(input.network()), input.inputs().getRowDimension());
		return (int) Math.min(MAX_SLIPPED_STEPS, limits.maxTrainWork() / Math.max(1, work));
	}

}
