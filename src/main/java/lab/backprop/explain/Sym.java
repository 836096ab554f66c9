package lab.backprop.explain;

import lab.backprop.engine.Activation;
import lab.backprop.engine.Loss;
import lab.backprop.engine.Regularization;

/**
 * The keys of the notation bundle ({@code explain/notation.properties}): symbols, names,
 * formulas and the shapes of substituted expressions, the same in every language, in two
 * styles. The style is the key's second segment: {@code FORMULA_OUTPUT} with
 * {@link Style#LATEX} and sigmoid is {@code formula.latex.output.sigmoid}. Placeholders
 * are {@code ${0}}, {@code ${1}}, ... as the bundle's comments describe.
 */
enum Sym {

	SYM_TIMES, SYM_PLUS, SYM_MINUS, SYM_NEG,

	NAME_Z, NAME_A, NAME_LOSS, NAME_DLDPREDICTION, NAME_DLDOUTPUT, NAME_DOUTPUTDZ, NAME_DLDZ, NAME_DLDW, NAME_DLDB,
	NAME_DLDINPUT, NAME_DLDINPUT_OF, NAME_JACOBIAN, NAME_WEIGHTS_NEW, NAME_BIAS_NEW, NAME_PREDICTION_NEW, NAME_LOSS_NEW,
	NAME_LOSS_CHANGE, NAME_LOSS_DATA, NAME_PENALTY, NAME_LOSS_DATA_NEW, NAME_PENALTY_NEW,

	INDEX_TWO, INDEX_ONE,

	FORMULA_Z, FORMULA_OUTPUT(Activation.class), FORMULA_LOSS(Loss.class), FORMULA_DLDPREDICTION(Loss.class),
	FORMULA_DLDOUTPUT_LAST, FORMULA_DLDOUTPUT_HIDDEN, FORMULA_DOUTPUTDZ(Activation.class), FORMULA_DLDZ,
	FORMULA_DLDZ_SOFTMAX, FORMULA_DLDZ_FUSED_BCE, FORMULA_DLDZ_FUSED_CE, FORMULA_DLDW, FORMULA_DLDB, FORMULA_DLDINPUT,
	FORMULA_UPDATE_WEIGHTS, FORMULA_UPDATE_BIAS, FORMULA_UPDATE_STEP_WEIGHTS, FORMULA_UPDATE_STEP_BIAS,
	FORMULA_AFTER_PREDICTION, FORMULA_AFTER_LOSS, FORMULA_LOSS_CHANGE, FORMULA_PENALTY(Regularization.Type.class),
	FORMULA_LOSS_OBJECTIVE, FORMULA_DLDW_PENALTY(Regularization.Type.class),

	EXPR_OUTPUT(Activation.class), EXPR_EXP, EXPR_LOSS(Loss.class), EXPR_LOSS_TERM(Loss.class),
	EXPR_DLDPREDICTION(Loss.class), EXPR_SLOPE(Activation.class), EXPR_DLDZ, EXPR_DLDZ_SOFTMAX, EXPR_DLDZ_FUSED_BCE,
	EXPR_DLDZ_FUSED_CE, EXPR_UPDATE, EXPR_UPDATE_STEP, EXPR_DIFFERENCE, EXPR_ELIDE_TERMS, EXPR_APPROX,
	EXPR_PENALTY(Regularization.Type.class), EXPR_PENALTY_TERM(Regularization.Type.class),
	EXPR_PENALTY_SLOPE(Regularization.Type.class), EXPR_OBJECTIVE,

	NAME_GRADIENT_SCALE, NAME_DEAD_SHARE, NAME_UPDATE_RATIO, FORMULA_GRADIENT_SCALE, FORMULA_DEAD_UNITS,
	FORMULA_UPDATE_RATIO, EXPR_RATIO, EXPR_SHAPE;

	private final Class<? extends Enum<?>> variants;

	Sym() {
		this(null);
	}

	Sym(Class<? extends Enum<?>> variants) {
		this.variants = variants;
	}

	Class<? extends Enum<?>> variants() {
		return variants;
	}

	String key(Style style, Enum<?> variant) {
		String key = Keys.of(this);
		int dot = key.indexOf('.');
		return Keys.join(key.substring(0, dot + 1) + Keys.segment(style) + key.substring(dot), variant);
	}

}
