package lab.backprop.request;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The optimizer types a request may name, and the settings each takes besides its type.
 */
final class OptimizerTypes {

	private static final Map<String, List<String>> SETTINGS = new LinkedHashMap<>();

	static {
		SETTINGS.put("sgd", List.of("momentum", "dampening", "nesterov", "weightDecay"));
		SETTINGS.put("momentum", List.of("momentum", "dampening", "weightDecay"));
		SETTINGS.put("nesterov", List.of("momentum", "weightDecay"));
		SETTINGS.put("adam", List.of("betas", "eps", "weightDecay"));
		SETTINGS.put("rmsprop", List.of("alpha", "eps", "momentum", "centered", "weightDecay"));
	}

	private OptimizerTypes() {
	}

	static Set<String> names() {
		return SETTINGS.keySet();
	}

	/**
	 * The settings {@code type} takes, or {@code null} for a type that does not exist.
	 */
	static List<String> settingsOf(String type) {
		return SETTINGS.get(type);
	}

	/** The settings given in {@code spec}, by name, in the request's order. */
	static Map<String, Object> given(OptimizerSpec spec) {
		Map<String, Object> given = new LinkedHashMap<>();
		given.put("momentum", spec.momentum());
		given.put("dampening", spec.dampening());
		given.put("nesterov", spec.nesterov());
		given.put("betas", spec.betas());
		given.put("alpha", spec.alpha());
		given.put("eps", spec.eps());
		given.put("centered", spec.centered());
		given.put("weightDecay", spec.weightDecay());
		return given;
	}

	static boolean usesMomentumByDefault(String type) {
		return type.equals("momentum") || type.equals("nesterov");
	}

}
