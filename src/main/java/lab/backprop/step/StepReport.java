package lab.backprop.step;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import lab.backprop.explain.Explanations;
import lab.backprop.explain.Step;

/**
 * What /train-step answers: as JSON, the response's own fields and, only with
 * {@code explain=true}, {@code explanations}; as {@code text/markdown}, the worked
 * solution written from {@code step} in {@code locale}; as {@code text/x-python}, the
 * script written from {@code script}.
 */
@Schema(name = "TrainStepResult", description = """
		Every intermediate value of one step (forward, backward, update, after), and with `explain=true` \
		the `explanations` of each.""")
public record StepReport(@JsonUnwrapped TrainStepResponse response, @Schema(
		description = "Only with `explain=true`: formula, substituted numbers and meaning of every value.") @JsonInclude(JsonInclude.Include.NON_NULL) Explanations explanations,
		@JsonIgnore @Schema(hidden = true) Step step, @JsonIgnore @Schema(hidden = true) Locale locale,
		@JsonIgnore @Schema(hidden = true) Script script) {

	/** What the Python script of the step is written from ({@code text/x-python}). */
	record Script(Framework framework, ScriptWriter.Request request) {
	}
}
