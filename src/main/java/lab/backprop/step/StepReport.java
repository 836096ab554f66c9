package lab.backprop.step;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import lab.backprop.explain.Step;

/**
 * What /train-step answers: as JSON, the {@link TrainStepResponse} (with its
 * {@code explanations} when they were asked for); as {@code text/markdown}, the worked
 * solution written from {@code step} in {@code locale}; as {@code text/x-python}, the
 * script written from {@code script}.
 */
public record StepReport(@JsonUnwrapped TrainStepResponse response, @JsonIgnore Step step, @JsonIgnore Locale locale,
		@JsonIgnore Script script) {

	/** What the Python script of the step is written from ({@code text/x-python}). */
	record Script(Framework framework, ScriptWriter.Request request) {
	}
}
