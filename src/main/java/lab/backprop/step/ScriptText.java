package lab.backprop.step;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The comments and labels of the Python scripts, from the bundles
 * {@code python/script.properties} (English) and {@code python/script_ru.properties}. A
 * key is the constant's name in lower case with dots ({@code COMMENT_DLDZ} is
 * {@code comment.dldz}).
 */
enum ScriptText {

	TITLE, SOURCE, RUN, NUMBERS, TORCH, SECTION_FUNCTIONS, SECTION_GIVEN, SECTION_FORWARD, SECTION_BACKWARD,
	SECTION_UPDATE, SECTION_AFTER, SECTION_ANSWER, COMMENT_SHOW, COMMENT_INPUTS, COMMENT_WEIGHTS, COMMENT_BIAS,
	COMMENT_LABEL, COMMENT_LEARNING_RATE, COMMENT_OPTIMIZER, COMMENT_STATE, COMMENT_Z, COMMENT_OUTPUT,
	COMMENT_PREDICTION, COMMENT_LOSS, COMMENT_DLDPREDICTION, COMMENT_DLDOUTPUT_LAST, COMMENT_DLDOUTPUT_HIDDEN,
	COMMENT_DOUTPUTDZ, COMMENT_DOUTPUTDZ_SOFTMAX, COMMENT_DLDZ, COMMENT_DLDZ_FUSED, COMMENT_DLDZ_SOFTMAX, COMMENT_DLDW,
	COMMENT_DLDB, COMMENT_DLDINPUT, COMMENT_UPDATE_SGD, COMMENT_UPDATE_RULE, COMMENT_UPDATE_TORCH, COMMENT_AFTER,
	COMMENT_LOSS_CHANGE, LABEL_INPUTS, LABEL_WEIGHTS, LABEL_BIAS, LABEL_LABEL, LABEL_LEARNING_RATE, LABEL_Z,
	LABEL_OUTPUT, LABEL_PREDICTION, LABEL_LOSS, LABEL_DLDPREDICTION, LABEL_DLDOUTPUT, LABEL_DOUTPUTDZ, LABEL_DLDZ,
	LABEL_DLDW, LABEL_DLDB, LABEL_DLDINPUT, LABEL_WEIGHTS_NEW, LABEL_BIAS_NEW, LABEL_PREDICTION_NEW, LABEL_LOSS_NEW,
	LABEL_LOSS_CHANGE, FUNCTION_SIGMOID_SLOPE, FUNCTION_TANH_SLOPE, FUNCTION_SOFTMAX, FUNCTION_SOFTMAX_BACKWARD,
	FUNCTION_X_TIMES, FUNCTION_PROBABILITIES, FUNCTION_LOSS, FUNCTION_LOSS_GRADIENT, FUNCTION_LERP, FUNCTION_OPTIMIZER,
	FUNCTION_UPDATE_LAYER, COMMENT_PENALTY_RATE, COMMENT_DATA_LOSS, COMMENT_PENALTY, COMMENT_OBJECTIVE,
	COMMENT_DLDW_PENALTY, LABEL_PENALTY_RATE, LABEL_DATA_LOSS, LABEL_PENALTY, LABEL_DATA_LOSS_NEW, LABEL_PENALTY_NEW,
	FUNCTION_PENALTY, FUNCTION_PENALTY_TORCH, FUNCTION_RESIDUAL, FUNCTION_SOFTMAX_CROSS_ENTROPY;

	static final String BUNDLE = "python/script";

	private static final ResourceBundle.Control NO_FALLBACK = ResourceBundle.Control
		.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

	private static final Map<Locale, ResourceBundle> BUNDLES = new ConcurrentHashMap<>();

	String key() {
		return name().toLowerCase(Locale.ROOT).replace('_', '.');
	}

	/** The text in {@code locale} (English or Russian), its placeholders filled. */
	String in(Locale locale, Object... args) {
		ResourceBundle bundle = BUNDLES.computeIfAbsent(locale, l -> ResourceBundle.getBundle(BUNDLE, l, NO_FALLBACK));
		String template = bundle.getString(key());
		return args.length == 0 ? template : new MessageFormat(template, Locale.ROOT).format(args);
	}

}
