package lab.backprop.explain;

import lab.backprop.engine.Activation;
import lab.backprop.engine.Loss;
import lab.backprop.engine.Regularization;

/**
 * The keys of the language bundles ({@code explain/messages*.properties}): every sentence
 * the explanations say, in English (the default) and Russian. A key is spelt from the
 * constant's name ({@code MEANING_DLDZ_ZERO} is {@code meaning.dldz.zero}); a constant
 * with a variant type has one key per variant ({@code meaning.output.sigmoid}, ...).
 * Placeholders are MessageFormat's {0}, {1}.
 */
enum Msg {

	MEANING_Z,
	/** {0} of {1} weighted sums are at most 0. */
	MEANING_Z_OFF,
	/** {0} of {1} weighted sums are far from 0. */
	MEANING_Z_FAR, MEANING_OUTPUT(Activation.class), MEANING_OUTPUT_PREDICTION, MEANING_LOSS(Loss.class),
	/** {0}: the loss, rounded. */
	MEANING_LOSS_VALUE, MEANING_LOSS_ZERO,
	/** Mixed: {0} predictions should go down, {1} up, {2} stay. */
	MEANING_DLDPREDICTION(Cases.Sign.class),
	/** {0}: the largest size, rounded. */
	MEANING_MAGNITUDE(Cases.Size.class), MEANING_DLDOUTPUT_LAST,
	/** {0}: the number of the next layer. */
	MEANING_DLDOUTPUT_HIDDEN,
	/** Mixed: {0} outputs should go down, {1} up, {2} stay. */
	MEANING_DLDOUTPUT(Cases.Sign.class), MEANING_SLOPE,
	/** {0} of {1} slopes are tiny; {2}: the smallest. */
	MEANING_SLOPE_SATURATED,
	/** {0}: the largest slope. */
	MEANING_SLOPE_SIGMOID,
	/** {0}: the largest slope. */
	MEANING_SLOPE_TANH,
	/** {0} of {1} units are dead. */
	MEANING_SLOPE_DEAD,
	/** {0} of {1} units are on the leaky side. */
	MEANING_SLOPE_LEAKY, MEANING_SLOPE_ONE, MEANING_SLOPE_SOFTMAX, MEANING_DLDZ, MEANING_DLDZ_ZERO,
	/** {0}: the largest |dL/dZ|; {1}: the largest |dL/dA|. */
	MEANING_DLDZ_VANISHED,
	/** {0}: the largest size. */
	MEANING_GRADIENT_LARGE,
	/**
	 * Tiny, not 0, because the output is saturated. {0}: the element nearest 0; {1} of
	 * {2} elements.
	 */
	MEANING_GRADIENT_SATURATED, MEANING_DLDW,
	/** {0} weights grow, {1} shrink, {2} stay. */
	MEANING_DLDW_DIRECTION, MEANING_DLDB,
	/** {0} biases grow, {1} shrink, {2} stay. */
	MEANING_DLDB_DIRECTION, MEANING_DLDINPUT_FIRST,
	/** {0}: the number of the previous layer. */
	MEANING_DLDINPUT_HIDDEN,
	/** {0}: the learning rate; {1}: the largest change. */
	MEANING_UPDATE_WEIGHTS,
	/** {0}: the learning rate; {1}: the largest change. */
	MEANING_UPDATE_BIAS, MEANING_UPDATE_NONE,
	/**
	 * Another optimizer than plain gradient descent. {0}: its type; {1}: the largest
	 * change.
	 */
	MEANING_UPDATE_STEP_WEIGHTS,
	/**
	 * Another optimizer than plain gradient descent. {0}: its type; {1}: the largest
	 * change.
	 */
	MEANING_UPDATE_STEP_BIAS, MEANING_AFTER_PREDICTION(Cases.Closeness.class),
	/** {0}: the new loss; {1}: the old one. */
	MEANING_AFTER_LOSS,
	/** {0}: by how much; {1}: the learning rate. */
	MEANING_LOSS_CHANGE(Cases.Change.class),
	/** {0}: how many terms the elided sum has. */
	ELISION_TERMS,
	/** {0} more elements, {1} in all. */
	ELISION_ELEMENTS, MD_TITLE, MD_INTRO, MD_GIVEN, MD_FORWARD, MD_LOSS, MD_BACKWARD, MD_UPDATE, MD_CHECK,
	/** {0}: the layer number; {1}: its activation. */
	MD_LAYER, MD_INPUTS,
	/** {0}: the layer number. */
	MD_WEIGHTS,
	/** {0}: the layer number. */
	MD_BIAS,
	/** {0}: the layer number; {1}: the activation. */
	MD_ACTIVATION, MD_LABEL,
	/** {0}: the loss name. */
	MD_LOSS_FUNCTION,
	/** {0}: the learning rate. */
	MD_LEARNING_RATE, MD_FORMULA, MD_NUMBERS, MD_ROUNDED, MD_QUANTITY(Quantity.class),
	/** {0}: the value of the explain parameter. */
	PROBLEM_EXPLAIN_DETAIL, PROBLEM_EXPLAIN_TITLE,
	/** {0}: λ. */
	MEANING_PENALTY(Regularization.Type.class),
	/** {0}: the data loss; {1}: the penalty. */
	MEANING_LOSS_OBJECTIVE,
	/** {0}: λ. */
	MEANING_DLDW_PENALTY(Regularization.Type.class),
	/** {0}: the type; {1}: λ. */
	MD_REGULARIZATION,
	/**
	 * A layer's weight gradients against the output layer's. {0}: the ratio; {1}: the
	 * layer's root mean square; {2}: the output layer's number.
	 */
	MEANING_GRADIENT_SCALE(Diagnosis.GradientScale.class),
	/**
	 * {0} of {1} ReLU units are dead; {2}: their share (a fraction, shown in percent).
	 */
	MEANING_DEAD_UNITS(Diagnosis.DeadUnits.class),
	/** {0}: ‖ΔW‖ / ‖W‖; {1}: the learning rate. */
	MEANING_UPDATE_RATIO(Diagnosis.UpdateSize.class),
	/**
	 * The diagnosis of the whole step. {0}: the layer it is about; {1}, {2}, {3}: the
	 * numbers each case names (see HealthNarrator.summary).
	 */
	SUMMARY(Diagnosis.Summary.class),
	/**
	 * A recognised slip. {0}: where; {1}: the number written; {2}: the right one; {3},
	 * {4}: what each slip names (see CheckNarrator.mistake).
	 */
	MISTAKE(lab.backprop.engine.slips.Slip.class),
	/** {0}: the rule; {1}: the element worked out with this request's numbers. */
	HINT,
	/** {0}: the rule. */
	HINT_RULE, HINT_UNEXPLAINED,
	/** The name of a value in a question. */
	VALUE(StepValue.class),
	/** {0}: the name of a value; {1}: its layer, from 1. */
	VALUE_OF_LAYER, EXERCISE_TITLE(ExerciseLevel.class),
	/**
	 * {0}: the activation; {1}: the inputs; {2}: the loss; {3}: the learning rate; {4}:
	 * the hidden units.
	 */
	EXERCISE_INSTRUCTIONS(ExerciseLevel.class);

	private final Class<? extends Enum<?>> variants;

	Msg() {
		this(null);
	}

	Msg(Class<? extends Enum<?>> variants) {
		this.variants = variants;
	}

	/** The variant type, or {@code null} for a single key. */
	Class<? extends Enum<?>> variants() {
		return variants;
	}

	String key(Enum<?> variant) {
		return Keys.join(Keys.of(this), variant);
	}

}
