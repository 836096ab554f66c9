package lab.backprop.explain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

import lab.backprop.api.Problems;
import lab.backprop.api.TrainStepResponse;

/**
 * Explains a step: the {@code explanations} of {@code ?explain=true} and the Markdown
 * worked solution, in the request's language. The controller attaches them; the numbers
 * are not touched.
 */
@Component
public class Explainer {

	/** The query parameter that asks for explanations. */
	public static final String PARAMETER = "explain";

	private final Texts texts;

	public Explainer(Texts texts) {
		this.texts = texts;
	}

	/**
	 * Whether {@code ?explain} asks for explanations: absent or {@code false} no,
	 * {@code true} or a bare {@code ?explain} yes (ASCII case-insensitive); anything else
	 * is a 400 naming the parameter.
	 */
	public boolean wanted(String value, Locale locale) {
		if (value == null) {
			return false;
		}
		if (value.isEmpty() || value.equalsIgnoreCase(Boolean.TRUE.toString())) {
			return true;
		}
		if (value.equalsIgnoreCase(Boolean.FALSE.toString())) {
			return false;
		}
		Locale language = Languages.of(locale);
		ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, Problems.INVALID_REQUEST,
				texts.text(language, Msg.PROBLEM_EXPLAIN_TITLE),
				texts.text(language, Msg.PROBLEM_EXPLAIN_DETAIL, value));
		problem.setProperty(Languages.PROBLEM_PARAMETER, PARAMETER);
		throw new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
	}

	/**
	 * The answer: {@code response} unchanged, with {@code explanations} only when
	 * {@code explain}; the texts' language in Content-Language (the Markdown writer sets
	 * it too).
	 */
	public ResponseEntity<StepReport> report(TrainStepResponse response, Step step, boolean explain, Locale locale) {
		Locale language = Languages.of(locale);
		if (!explain) {
			return ResponseEntity.ok(new StepReport(response, null, step, language));
		}
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_LANGUAGE, language.toLanguageTag())
			.header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE)
			.body(new StepReport(response, explanations(step, language), step, language));
	}

	/** Every value of the step explained, keyed like the response. */
	public Explanations explanations(Step step, Locale locale) {
		Locale language = Languages.of(locale);
		Narrator narrator = new Narrator(texts, step, language, Style.PLAIN);
		List<Explanations.ForwardLayer> forward = new ArrayList<>();
		List<Explanations.BackwardLayer> backward = new ArrayList<>();
		List<Explanations.UpdateLayer> update = new ArrayList<>();
		for (int l = 0; l < narrator.depth(); l++) {
			forward.add(new Explanations.ForwardLayer(of(narrator.z(l)), of(narrator.output(l))));
		}
		for (int l = 0; l < narrator.depth(); l++) {
			backward.add(new Explanations.BackwardLayer(of(narrator.dLdOutput(l)), of(narrator.dOutputdZ(l)),
					of(narrator.dLdZ(l)), of(narrator.dLdW(l)), of(narrator.dLdb(l)), of(narrator.dLdInput(l))));
			update.add(new Explanations.UpdateLayer(of(narrator.updateWeights(l)), of(narrator.updateBias(l))));
		}
		return new Explanations(language.toLanguageTag(), new Explanations.Forward(forward, of(narrator.loss())),
				new Explanations.Backward(of(narrator.dLdPrediction()), backward), new Explanations.Update(update),
				new Explanations.After(of(narrator.afterPrediction()), of(narrator.afterLoss()),
						of(narrator.lossChange())));
	}

	/** The worked solution in Markdown. */
	public String workedSolution(Step step, Locale locale) {
		return WorkedSolution.write(texts, step, Languages.of(locale));
	}

	private static Explanation of(Worked worked) {
		return Explanation.of(worked);
	}

}
