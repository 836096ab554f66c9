package lab.backprop.check;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.JsonNode;

/** What /check answers: one verdict per answer, in the order they were sent. */
@Schema(name = "CheckResponse", description = "The verdict on every answer, in the order the answers were sent.")
@JsonPropertyOrder({ "correct", "answers" })
public record CheckResponse(
		@Schema(requiredMode = Schema.RequiredMode.REQUIRED,
				description = "Whether every answer is right.") boolean correct,
		@Schema(requiredMode = Schema.RequiredMode.REQUIRED,
				description = "One verdict per answer, in the order sent.") List<Verdict> answers) {

	/** The verdict on one answer. */
	@Schema(name = "AnswerVerdict", description = "The verdict on one answer.")
	@JsonPropertyOrder({ "pointer", "correct", "given", "expected", "maxAbsoluteError", "maxRelativeError",
			"wrongElements", "mistake", "hint" })
	public record Verdict(
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED,
					description = "The answer's key: a JSON Pointer into the /train-step answer.",
					example = "/backward/layers/0/dL_dW") String pointer,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED,
					description = "Whether every number of the answer passes.") boolean correct,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED,
					description = "The numbers as written (a number, a flat array or rows, as sent).",
					implementation = CheckRequest.AnswerValue.class) JsonNode given,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED,
					description = "The service's value at the pointer, exactly as /train-step answers it.",
					implementation = CheckRequest.AnswerValue.class) JsonNode expected,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = """
					The largest |given − expected| over the elements (at most the largest double, \
					1.7976931348623157e308); `null` when the shape is not the value's.""",
					nullable = true) Double maxAbsoluteError,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = """
					The largest |given − expected| / |expected| over the elements whose expected value is \
					not 0 (at most the largest double); `null` when there are none or the shape is not the \
					value's.""", nullable = true) Double maxRelativeError,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = """
					The elements that do not pass, indexed inside the answered value: [row, column] for rows, \
					[i] for a flat array, [] for a single number; `null` when the shape is not the value's \
					(a transposed matrix).""", nullable = true) List<List<Integer>> wrongElements,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED,
					description = "The slip that explains the wrong numbers, when one is recognised; else `null`.",
					nullable = true) Mistake mistake,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED,
					description = "For a wrong answer, how to work it out: the rule and, where shown, the first wrong element worked out with this body's numbers; `null` for a right one.",
					nullable = true) String hint) {
	}

	/** A recognised slip. */
	@Schema(name = "Mistake",
			description = """
					A slip that gives the wrong numbers, judged the same way as the answer. Codes, tried in this order \
					(the first that fits is named): `wrong_update_direction` (θ + η·g instead of θ − η·g), \
					`learning_rate_missing` (θ − g), `missing_factor_2` (half the right value: the 2 of a square's \
					derivative dropped, and everything after it), `not_averaged` (the count the mean divides by \
					left out: N times the right value), `penalty_forgotten` (with `regularization`: dL/dW without \
					the penalty's gradient λ·sign(w) or λ·w, and the update made with it), `bias_forgotten` (z = x·W without + b in a layer), \
					`slope_at_output` (the activation's slope taken at a instead of z: σ'(a) for σ'(z)), \
					`slope_missing` (dL/dZ = dL/dA, the slope left out of the chain rule), `input_missing` (dL/dW \
					without the input: dL/dZ where xᵀ·dL/dZ belongs), `transposed` (the right matrix transposed), \
					`sign` (the right value negated). A slip made earlier in the step is recognised in every \
					value computed from it.""")
	@JsonPropertyOrder({ "code", "explanation" })
	public record Mistake(
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The slip.", allowableValues = {
					"wrong_update_direction", "learning_rate_missing", "missing_factor_2", "not_averaged",
					"penalty_forgotten", "bias_forgotten", "slope_at_output", "slope_missing", "input_missing",
					"transposed", "sign" }) String code,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED,
					description = "What went wrong, with this body's numbers, in the language of Accept-Language (English or Russian).") String explanation){
	}

}
