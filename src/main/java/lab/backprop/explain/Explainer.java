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
		HealthNarrator health = new HealthNarrator(narration);
		List<Explanations.NetworkLayer> network = new ArrayList<>();
		for (int l = 0; l < narration.depth(); l++) {
			Worked dead = health.deadUnits(l);
			network.add(new Explanations.NetworkLayer(of(health.gradientScale(l)), dead == null ? null : of(dead),
					of(health.updateRatio(l))));
		}
		return new Explanations(language.toLanguageTag(), forwardExplained,
				new Explanations.Backward(of(backwardNarrator.dLdPrediction()), backward),
				new Explanations.Update(update),
				new Explanations.After(of(after.prediction()), of(after.loss()), of(after.lossChange())),
				health.summary(), new Explanations.Network(network));
	}

	/**
	 * How to work out {@code value} (of layer {@code layer}): its rule and, where the
	 * explanations show it, element {@code position} (counted row after row; −1 for none)
	 * with this request's numbers. {@code value} {@code null} is a value without a rule.
	 */
	public String hint(Step step, StepValue value, int layer, int position, Locale locale) {
		return new CheckNarrator(new Narration(texts, step, Languages.of(locale), Style.PLAIN)).hint(value, layer,
				position);
	}

	/** A recognised slip, told with this request's numbers. */
	public String mistake(Step step, Mistake mistake, Locale locale) {
		return new CheckNarrator(new Narration(texts, step, Languages.of(locale), Style.PLAIN)).mistake(mistake);
	}

	/**
	 * The name of a value, with its layer (from 0) where it has one and the network has
	 * several.
	 */
	public String valueName(StepValue value, int layer, int depth, Locale locale) {
		Locale language = Languages.of(locale);
		String name = texts.text(language, Msg.VALUE, value);
		return value.ofLayer() && depth > 1 ? texts.text(language, Msg.VALUE_OF_LAYER, name, layer + 1) : name;
	}

	/** An exercise's title and instructions, in that order. */
	public List<String> exercise(ExerciseLevel level, ExerciseLevel.Facts facts, Locale locale) {
		Locale language = Languages.of(locale);
		return List.of(texts.text(language, Msg.EXERCISE_TITLE, level),
				texts.text(language, Msg.EXERCISE_INSTRUCTIONS, level, facts.activation(), facts.inputs(), facts.loss(),
						new Notation(texts, Style.PLAIN).number(facts.learningRate()), facts.hiddenUnits()));
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
