package lab.backprop.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import lab.backprop.explain.StepValue;

/**
 * What an answer's pointer addresses in the /train-step answer: a value of numbers (the
 * quantity) or an element or row of one, with the place of the answered numbers inside
 * the quantity and, where the explanations have a rule for it, which value it is.
 *
 * @param quantityPointer the pointer of the whole quantity
 * @param expected the numbers the pointer addresses
 * @param quantity the whole quantity's numbers
 * @param rowOffset where the answered numbers start in the quantity
 * @param value the value, or {@code null} when it has no worked rule (an input, a
 * setting, the optimizer's state)
 * @param layer its layer, or −1
 */
record Target(String pointer, String quantityPointer, Numbers expected, Numbers quantity, int rowOffset,
		int columnOffset, StepValue value, int layer) {

	/** The values with a rule, by their path in the answer ({@code *}: a layer index). */
	private static final Map<String, StepValue> VALUES = Map.ofEntries(Map.entry("forward/layers/*/z", StepValue.Z),
			Map.entry("forward/layers/*/output", StepValue.OUTPUT),
			Map.entry("forward/prediction", StepValue.PREDICTION), Map.entry("forward/loss", StepValue.LOSS),
			Map.entry("forward/dataLoss", StepValue.DATA_LOSS), Map.entry("forward/penalty", StepValue.PENALTY),
			Map.entry("after/dataLoss", StepValue.NEW_DATA_LOSS), Map.entry("after/penalty", StepValue.NEW_PENALTY),
			Map.entry("backward/dL_dPrediction", StepValue.DL_DPREDICTION),
			Map.entry("backward/layers/*/dL_dOutput", StepValue.DL_DOUTPUT),
			Map.entry("backward/layers/*/dOutput_dZ", StepValue.DOUTPUT_DZ),
			Map.entry("backward/layers/*/dL_dZ", StepValue.DL_DZ),
			Map.entry("backward/layers/*/dL_dW", StepValue.DL_DW),
			Map.entry("backward/layers/*/dL_db", StepValue.DL_DB),
			Map.entry("backward/layers/*/dL_dInput", StepValue.DL_DINPUT),
			Map.entry("update/layers/*/weights", StepValue.NEW_WEIGHTS),
			Map.entry("update/layers/*/bias", StepValue.NEW_BIAS),
			Map.entry("after/prediction", StepValue.NEW_PREDICTION), Map.entry("after/loss", StepValue.NEW_LOSS),
			Map.entry("after/lossChange", StepValue.LOSS_CHANGE));

	/** Why a pointer addresses no numbers. */
	static final class NotNumbers extends Exception {

		NotNumbers(String message) {
			super(message, null, false, false);
		}

	}

	/**
	 * Finds {@code pointer} in {@code answer}.
	 * @throws NotNumbers saying what is there instead (nothing, an object, text)
	 */
	static Target find(JsonNode answer, String pointer) throws NotNumbers {
		if (!pointer.startsWith("/")) {
			throw new NotNumbers("is not a JSON Pointer into the /train-step answer: it must start with /, as in "
					+ "/forward/loss");
		}
		List<String> tokens = tokens(pointer);
		JsonNode node = answer;
		int quantityEnd = -1;
		Numbers quantity = null;
		for (int t = 0; t < tokens.size(); t++) {
			JsonNode next = child(node, tokens.get(t));
			if (next == null) {
				throw new NotNumbers(missing(tokens, t, quantity));
			}
			node = next;
			if (quantity == null) {
				quantity = Numbers.of(node);
				quantityEnd = quantity == null ? -1 : t;
			}
		}
		Numbers expected = Numbers.of(node);
		if (expected == null) {
			throw new NotNumbers("addresses " + describe(node) + " in the /train-step answer, not numbers: answer a "
					+ "value such as /forward/layers/0/z or one element of it");
		}
		List<String> element = tokens.subList(quantityEnd + 1, tokens.size());
		int rowOffset = 0;
		int columnOffset = 0;
		if (quantity.depth() == 2 && !element.isEmpty()) {
			rowOffset = Integer.parseInt(element.get(0));
			columnOffset = element.size() > 1 ? Integer.parseInt(element.get(1)) : 0;
		}
		else if (quantity.depth() == 1 && !element.isEmpty()) {
			columnOffset = Integer.parseInt(element.get(0));
		}
		String quantityPointer = "/" + String.join("/", escape(tokens.subList(0, quantityEnd + 1)));
		int layer = -1;
		StringBuilder path = new StringBuilder();
		for (int t = 0; t <= quantityEnd; t++) {
			boolean index = t > 0 && tokens.get(t - 1).equals("layers");
			if (index) {
				layer = Integer.parseInt(tokens.get(t));
			}
			path.append(t == 0 ? "" : "/").append(index ? "*" : tokens.get(t));
		}
		StepValue value = tokens.get(0).equals("optimizerState") ? null : VALUES.get(path.toString());
		return new Target(pointer, quantityPointer, expected, quantity, rowOffset, columnOffset, value,
				value != null && value.ofLayer() ? layer : -1);
	}

	/**
	 * The pointers of every quantity of {@code answer}: what a pointer may start with.
	 */
	static List<String> quantities(JsonNode answer) {
		List<String> pointers = new ArrayList<>();
		collect(answer, "", pointers);
		return pointers;
	}

	private static void collect(JsonNode node, String at, List<String> pointers) {
		if (Numbers.of(node) != null) {
			pointers.add(at);
		}
		else if (node.isObject()) {
			node.properties().forEach(e -> collect(e.getValue(), at + "/" + escape(e.getKey()), pointers));
		}
		else if (node.isArray()) {
			for (int i = 0; i < node.size(); i++) {
				collect(node.get(i), at + "/" + i, pointers);
			}
		}
	}

	/**
	 * The place of answered element (i, j) in the quantity, counted row after row: the
	 * order of the explanations' worked lines.
	 */
	int position(int i, int j) {
		return (rowOffset + i) * quantity.columnCount() + columnOffset + j;
	}

	/** The pointer of answered element (i, j). */
	String elementPointer(int i, int j) {
		return pointer + expected.index(i, j).stream().map(k -> "/" + k).reduce("", String::concat);
	}

	private static JsonNode child(JsonNode node, String token) {
		if (node.isObject()) {
			return node.get(token);
		}
		if (node.isArray() && token.matches("0|[1-9][0-9]{0,8}")) {
			int index = Integer.parseInt(token);
			return index < node.size() ? node.get(index) : null;
		}
		return null;
	}

	private static String missing(List<String> tokens, int at, Numbers quantity) {
		String parent = "/" + String.join("/", escape(tokens.subList(0, at)));
		if (quantity != null) {
			return "is outside the value: " + (at == 0 ? "/" : parent) + " is " + quantity.shape()
					+ " (indices count from 0)";
		}
		return "is not in the /train-step answer to this body: "
				+ (at == 0 ? "it has no '" + tokens.get(0) + "'" : parent + " has no '" + tokens.get(at) + "'");
	}

	private static String describe(JsonNode node) {
		if (node.isObject()) {
			return "an object";
		}
		if (node.isString()) {
			return "the text '" + node.asString() + "'";
		}
		if (node.isNull()) {
			return "null";
		}
		return node.isArray() ? "an array of objects"
				: "a " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
	}

	static List<String> tokens(String pointer) {
		List<String> tokens = new ArrayList<>();
		for (String token : pointer.substring(1).split("/", -1)) {
			tokens.add(token.replace("~1", "/").replace("~0", "~"));
		}
		return tokens;
	}

	static List<String> escape(List<String> tokens) {
		return tokens.stream().map(Target::escape).toList();
	}

	static String escape(String token) {
		return token.replace("~", "~0").replace("/", "~1");
	}

	/**
	 * The node at {@code pointer} (a pointer {@link #find} accepted), or {@code null}.
	 */
	static JsonNode at(JsonNode tree, String pointer) {
		JsonNode node = tree;
		for (String token : Target.tokens(pointer)) {
			node = node.isArray() ? node.get(Integer.parseInt(token)) : node.get(token);
			if (node == null) {
				return null;
			}
		}
		return node;
	}

}
