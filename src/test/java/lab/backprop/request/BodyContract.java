package lab.backprop.request;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * What docs/api.md and the shared contract say each field of a body may hold, written out
 * independently of the service's code: the fuzzing's oracle. {@link #breaks} lists the
 * JSON Pointers of the fields a body gets wrong in a way the service must refuse (a
 * missing required field, an unknown field, a value of the wrong type, a whole number
 * that is not one, a number out of its stated range, an unknown enum value, a non-finite
 * number, a ragged or empty matrix). What it does not model (shapes that must chain,
 * rules between fields) it leaves open: the service may accept or refuse.
 * <p>
 * Over 250 lines on purpose: the whole contract of the five bodies in one place, so that
 * it can be read against docs/api.md field by field.
 */
final class BodyContract {

	static final List<String> ACTIVATIONS = List.of("sigmoid", "tanh", "relu", "leaky_relu", "linear", "softmax");

	static final List<String> LOSSES = List.of("mse", "sse", "quadratic", "binary_cross_entropy", "cross_entropy");

	static final List<String> OPTIMIZERS = List.of("sgd", "momentum", "nesterov", "adam", "rmsprop");

	static final List<String> FEATURES = List.of("x1", "x2", "x1^2", "x2^2", "x1*x2", "sin(x1)", "sin(x2)");

	enum Kind {

		/** A number, a flat array or an array of equal rows, as the flags allow. */
		MATRIX,
		/** A JSON number within a range, perhaps whole. */
		NUMBER,
		/** A string naming one of the values, ASCII case-insensitively. */
		ENUM, BOOLEAN, OBJECT,
		/** An array whose elements are the pattern {@code /*}. */
		LIST,
		/** An object with any keys whose values are the pattern {@code /*}. */
		MAP

	}

	/** What one field may hold. */
	record Role(Kind kind, boolean required, boolean scalarOk, boolean flatOk, BigDecimal min, boolean minExclusive,
			BigDecimal max, boolean whole, List<String> values, boolean nonEmpty) {

		static Role matrix(boolean required, boolean scalarOk, boolean flatOk) {
			return new Role(Kind.MATRIX, required, scalarOk, flatOk, null, false, null, false, List.of(), true);
		}

		static Role number(boolean required, String min, boolean minExclusive, String max) {
			return new Role(Kind.NUMBER, required, false, false, min == null ? null : new BigDecimal(min), minExclusive,
					max == null ? null : new BigDecimal(max), false, List.of(), false);
		}

		static Role whole(boolean required, String min, String max) {
			return new Role(Kind.NUMBER, required, false, false, min == null ? null : new BigDecimal(min), false,
					max == null ? null : new BigDecimal(max), true, List.of(), false);
		}

		static Role oneOf(boolean required, List<String> values) {
			return new Role(Kind.ENUM, required, false, false, null, false, null, false, values, false);
		}

		static Role of(Kind kind, boolean required, boolean nonEmpty) {
			return new Role(kind, required, false, false, null, false, null, false, List.of(), nonEmpty);
		}

	}

	/**
	 * Marks a break that the service can only see once the rest of the body is valid: an
	 * answer's key, which points into the step's answer.
	 */
	static final String STEP_DEPENDENT = "step-dependent:";

	private final Map<String, Role> roles;

	private final boolean networkForms;

	private BodyContract(Map<String, Role> roles, boolean networkForms) {
		this.roles = roles;
		this.networkForms = networkForms;
	}

	/** POST /train-step and POST /gradient-check: the TrainStepRequest. */
	static BodyContract trainStep() {
		return new BodyContract(stepFields(true), true);
	}

	/** POST /train: a TrainStepRequest and its own fields. */
	static BodyContract train() {
		Map<String, Role> roles = stepFields(true);
		roles.put("/steps", Role.whole(true, "1", "100000"));
		roles.put("/targetLoss", Role.number(false, null, false, null));
		roles.put("/recordEvery", Role.whole(false, "1", null));
		roles.put("/trace", Role.of(Kind.BOOLEAN, false, false));
		roles.put("/test", Role.of(Kind.OBJECT, false, false));
		roles.put("/test/inputs", Role.matrix(true, false, true));
		roles.put("/test/label", Role.matrix(true, true, true));
		roles.put("/batchSize", Role.whole(false, "1", null));
		roles.put("/shuffleSeed", Role.whole(false, String.valueOf(Long.MIN_VALUE), String.valueOf(Long.MAX_VALUE)));
		roles.put("/grid", Role.of(Kind.OBJECT, false, false));
		for (String axis : List.of("/grid/x", "/grid/y")) {
			roles.put(axis, Role.of(Kind.OBJECT, true, false));
			roles.put(axis + "/min", Role.number(true, null, false, null));
			roles.put(axis + "/max", Role.number(true, null, false, null));
			roles.put(axis + "/points", Role.whole(true, "2", "200"));
		}
		roles.put("/grid/neurons", Role.of(Kind.BOOLEAN, false, false));
		roles.put("/grid/features", Role.of(Kind.LIST, false, false));
		roles.put("/grid/features/*", Role.oneOf(true, FEATURES));
		return new BodyContract(roles, true);
	}

	/**
	 * POST /predict: the network and inputs; label and loss optional; nothing to learn.
	 */
	static BodyContract predict() {
		Map<String, Role> roles = stepFields(false);
		roles.put("/label", Role.matrix(false, true, true));
		return new BodyContract(roles, true);
	}

	/** POST /check: a TrainStepRequest (without regularization) and the answers. */
	static BodyContract check() {
		Map<String, Role> roles = stepFields(true);
		roles.keySet().removeIf(pattern -> pattern.startsWith("/regularization"));
		roles.put("/answers", Role.of(Kind.MAP, true, true));
		roles.put("/answers/*", Role.matrix(true, true, true));
		roles.put("/significantDigits", Role.whole(false, "1", "17"));
		roles.put("/tolerance", Role.of(Kind.OBJECT, false, false));
		roles.put("/tolerance/relative", Role.number(false, "0", false, null));
		roles.put("/tolerance/absolute", Role.number(false, "0", false, null));
		return new BodyContract(roles, true);
	}

	private static Map<String, Role> stepFields(boolean training) {
		Map<String, Role> roles = new HashMap<>();
		roles.put("/inputs", Role.matrix(true, false, true));
		roles.put("/weights", Role.matrix(false, false, false));
		roles.put("/bias", Role.matrix(false, true, true));
		roles.put("/activation", Role.oneOf(false, ACTIVATIONS));
		roles.put("/layers", Role.of(Kind.LIST, false, true));
		roles.put("/layers/*", Role.of(Kind.OBJECT, true, false));
		roles.put("/layers/*/weights", Role.matrix(true, false, false));
		roles.put("/layers/*/bias", Role.matrix(true, true, true));
		roles.put("/layers/*/activation", Role.oneOf(false, ACTIVATIONS));
		roles.put("/loss", Role.oneOf(false, LOSSES));
		if (!training) {
			return roles;
		}
		roles.put("/label", Role.matrix(true, true, true));
		roles.put("/learningRate", Role.number(true, "0", true, null));
		roles.put("/optimizer", Role.of(Kind.OBJECT, false, false));
		roles.put("/optimizer/type", Role.oneOf(true, OPTIMIZERS));
		roles.put("/optimizer/momentum", Role.number(false, "0", false, null));
		roles.put("/optimizer/dampening", Role.number(false, "0", false, "1"));
		roles.put("/optimizer/nesterov", Role.of(Kind.BOOLEAN, false, false));
		roles.put("/optimizer/betas", Role.of(Kind.LIST, false, false));
		roles.put("/optimizer/betas/*", Role.number(true, "0", false, "1"));
		roles.put("/optimizer/eps", Role.number(false, "0", false, null));
		roles.put("/optimizer/alpha", Role.number(false, "0", false, "1"));
		roles.put("/optimizer/centered", Role.of(Kind.BOOLEAN, false, false));
		roles.put("/optimizer/weightDecay", Role.number(false, "0", false, null));
		roles.put("/optimizerState", Role.of(Kind.OBJECT, false, false));
		roles.put("/optimizerState/type", Role.oneOf(true, OPTIMIZERS));
		roles.put("/optimizerState/step", Role.whole(true, "0", null));
		roles.put("/optimizerState/epoch", Role.whole(false, "0", null));
		roles.put("/optimizerState/position", Role.whole(false, "0", null));
		roles.put("/regularization", Role.of(Kind.OBJECT, false, false));
		roles.put("/regularization/type", Role.oneOf(true, List.of("l1", "l2")));
		roles.put("/regularization/rate", Role.number(true, "0", false, null));
		return roles;
	}

	/** The role of a field, by its pattern ({@code *} for an index or a map's key). */
	Role role(String pattern) {
		return roles.get(pattern);
	}

	/**
	 * The pointers of what {@code body} gets wrong that the service must refuse;
	 * {@code knownKeys} are the answers' keys known to be right (any other is an unknown
	 * pointer, {@link #STEP_DEPENDENT}).
	 */
	List<String> breaks(JsonNode body, Set<String> knownKeys) {
		List<String> found = new ArrayList<>();
		if (!body.isObject()) {
			found.add("");
			return found;
		}
		checkObject("", "", body, found, knownKeys);
		if (networkForms) {
			checkForms(body, found);
		}
		return found;
	}

	/**
	 * Exactly one of the two forms: {@code layers}, or {@code weights} with {@code bias}.
	 */
	private static void checkForms(JsonNode body, List<String> found) {
		boolean layers = present(body, "layers");
		boolean single = present(body, "weights") || present(body, "bias") || present(body, "activation");
		if (layers && single) {
			found.add("");
		}
		else if (!layers && !single) {
			found.add("/layers");
		}
		else if (single) {
			for (String name : List.of("weights", "bias")) {
				if (!present(body, name)) {
					found.add("/" + name);
				}
			}
		}
	}

	private static boolean present(JsonNode body, String name) {
		return body.has(name) && !body.get(name).isNull();
	}

	private void checkObject(String pointer, String pattern, JsonNode object, List<String> found,
			Set<String> knownKeys) {
		for (Map.Entry<String, JsonNode> field : object.properties()) {
			String childPointer = pointer + "/" + escape(field.getKey());
			Role role = roles.get(pattern + "/" + field.getKey());
			if (role == null) {
				found.add(childPointer);
				continue;
			}
			check(childPointer, pattern + "/" + field.getKey(), role, field.getValue(), found, knownKeys);
		}
		String prefix = pattern + "/";
		roles.forEach((candidate, role) -> {
			String name = candidate.startsWith(prefix) ? candidate.substring(prefix.length()) : null;
			if (name != null && !name.contains("/") && !name.equals("*") && role.required()
					&& (!object.has(name) || object.get(name).isNull())) {
				if (!isFormField(pattern, name)) {
					found.add(pointer + "/" + name);
				}
			}
		});
	}

	/** The form's fields are required by {@link #checkForms}, one form or the other. */
	private boolean isFormField(String pattern, String name) {
		return networkForms && pattern.isEmpty() && List.of("weights", "bias", "layers").contains(name);
	}

	private void check(String pointer, String pattern, Role role, JsonNode value, List<String> found,
			Set<String> knownKeys) {
		if (value.isNull()) {
			if (role.required()) {
				found.add(pointer);
			}
			return;
		}
		boolean fits = switch (role.kind()) {
			case MATRIX -> matrixFits(role, value);
			case NUMBER -> numberFits(role, value);
			case ENUM -> value.isString() && role.values().contains(asciiLowerCase(value.asString()));
			case BOOLEAN -> value.isBoolean();
			case OBJECT -> value.isObject();
			case LIST, MAP -> (role.kind() == Kind.LIST ? value.isArray() : value.isObject())
					&& !(role.nonEmpty() && value.isEmpty());
		};
		if (!fits) {
			found.add(pointer);
			return;
		}
		if (role.kind() == Kind.OBJECT) {
			checkObject(pointer, pattern, value, found, knownKeys);
		}
		else if (role.kind() == Kind.LIST) {
			for (int i = 0; i < value.size(); i++) {
				check(pointer + "/" + i, pattern + "/*", roles.get(pattern + "/*"), value.get(i), found, knownKeys);
			}
		}
		else if (role.kind() == Kind.MAP) {
			for (Map.Entry<String, JsonNode> entry : value.properties()) {
				String childPointer = pointer + "/" + escape(entry.getKey());
				if (!knownKeys.contains(entry.getKey())) {
					found.add(STEP_DEPENDENT + childPointer);
				}
				check(childPointer, pattern + "/*", roles.get(pattern + "/*"), entry.getValue(), found, knownKeys);
			}
		}
	}

	private static boolean matrixFits(Role role, JsonNode value) {
		if (value.isNumber()) {
			return role.scalarOk() && Double.isFinite(value.asDouble());
		}
		if (!value.isArray() || value.isEmpty()) {
			return false;
		}
		if (allFiniteNumbers(value)) {
			return role.flatOk();
		}
		int columns = -1;
		for (JsonNode row : value) {
			if (!row.isArray() || row.isEmpty() || !allFiniteNumbers(row) || (columns >= 0 && row.size() != columns)) {
				return false;
			}
			columns = row.size();
		}
		return true;
	}

	private static boolean allFiniteNumbers(JsonNode array) {
		for (JsonNode element : array) {
			if (!element.isNumber() || !Double.isFinite(element.asDouble())) {
				return false;
			}
		}
		return true;
	}

	private static boolean numberFits(Role role, JsonNode value) {
		if (!value.isNumber() || !Double.isFinite(value.asDouble()) || (role.whole() && !value.isIntegralNumber())) {
			return false;
		}
		BigDecimal number = value.isIntegralNumber() ? new BigDecimal(value.bigIntegerValue())
				: new BigDecimal(value.asDouble());
		if (role.min() != null) {
			int against = number.compareTo(role.min());
			if (against < 0 || (against == 0 && role.minExclusive())) {
				return false;
			}
		}
		return role.max() == null || number.compareTo(role.max()) <= 0;
	}

	static String asciiLowerCase(String text) {
		StringBuilder lower = new StringBuilder(text.length());
		for (char c : text.toCharArray()) {
			lower.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
		}
		return lower.toString();
	}

	/** RFC 6901: {@code ~} as {@code ~0}, {@code /} as {@code ~1}. */
	static String escape(String key) {
		return key.replace("~", "~0").replace("/", "~1");
	}

	/** Whether one pointer is the other or inside it, segment by segment. */
	static boolean related(String a, String b) {
		return a.equals(b) || a.startsWith(b + "/") || b.startsWith(a + "/") || a.isEmpty() || b.isEmpty();
	}

}
