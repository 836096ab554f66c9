package lab.backprop.explain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Explains a step: the {@code explanations} of every value and the Markdown worked
 * solution, in the request's language. The numbers are the engine's, never touched.
 */
public class Explainer {

	private final Texts texts;

	public Explainer(Texts texts) {
		this.texts = texts;
	}

	/** The language the texts for {@code locale} are in: Russian, or else English. */
	public Locale language(Locale locale) {
		return Languages.of(locale);
	}

	/** Every value of the step explained, keyed like the response. */
	public Explanations explanations(Step step, Locale locale) {
		Locale language = Languages.of(locale);
		Narration narration = new Narration(texts, step, language, Style.PLAIN);
		ForwardNarrator forwardNarrator = new ForwardNarrator(narration);
		BackwardNarrator backwardNarrator = new BackwardNarrator(narration);
		UpdateNarrator updateNarrator = new UpdateNarrator(narration);
		List<Explanations.ForwardLayer> forward = new ArrayList<>();
		List<Explanations.BackwardLayer> backward = new ArrayList<>();
		List<Explanations.UpdateLayer> update = new ArrayList<>();
		for (int l = 0; l < narration.depth(); l++) {
			forward.add(new Explanations.ForwardLayer(of(forwardNarrator.z(l)), of(forwardNarrator.output(l))));
		}
		for (int l = 0; l < narration.depth(); l++) {
			backward.add(new Explanations.BackwardLayer(of(backwardNarrator.dLdOutput(l)),
					of(backwardNarrator.dOutputdZ(l)), of(backwardNarrator.dLdZ(l)), of(backwardNarrator.dLdW(l)),
					of(backwardNarrator.dLdb(l)), of(backwardNarrator.dLdInput(l))));
			update.add(new Explanations.UpdateLayer(of(updateNarrator.weights(l)), of(updateNarrator.bias(l))));
		}
		AfterNarrator after = new AfterNarrator(narration);
		Explanations.Forward forwardExplained = narration.regularized() ? new Explanations.Forward(forward,
				of(forwardNarrator.dataLoss()), of(forwardNarrator.penalty()), of(forwardNarrator.loss()))
				: new Explanations.Forward(forward, of(forwardNarrator.loss()));
		return new Explanations(language.toLanguageTag(), forwardExplained,
				new Explanations.Backward(of(backwardNarrator.dLdPrediction()), backward),
				new Explanations.Update(update),
				new Explanations.After(of(after.prediction()), of(after.loss()), of(after.lossChange())));
	}

	/** The worked solution in Markdown. */
	public String workedSolution(Step step, Locale locale) {
		return WorkedSolution.write(texts, step, Languages.of(locale));
	}

	/**
	 * The title and detail of the problem for an {@code explain} query parameter that is
	 * neither true nor false, in the language of {@code locale}.
	 */
	public List<String> invalidParameter(String value, Locale locale) {
		Locale language = Languages.of(locale);
		return List.of(texts.text(language, Msg.PROBLEM_EXPLAIN_TITLE),
				texts.text(language, Msg.PROBLEM_EXPLAIN_DETAIL, value));
	}

	private static Explanation of(Worked worked) {
		return Explanation.of(worked);
	}

}
