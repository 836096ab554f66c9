package lab.backprop.request;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Spoils a valid body: several mutations stacked on its tree (values of every wrong kind,
 * fields removed, renamed or added, arrays wrapped, unwrapped and resized, non-finite
 * numbers written into the text), then sometimes one on its text (cut short, a stray
 * character, a key twice, something after the object). What the result must get is
 * decided afterwards, from the text alone: whether a strict reader takes it as one JSON
 * object, and what {@link BodyContract} says of that object.
 * <p>
 * Over 250 lines on purpose: each mutation is a few lines, and they are kept together so
 * that what the fuzzing tries can be read in one file.
 */
final class BodyMutations {

	/** One spoilt body and what the service must do with it. */
	record Mutated(String text, List<String> applied, boolean malformed, List<String> breaks) {

		/** Whether the service must refuse it. */
		boolean mustBeRefused() {
			return malformed || !breaks.isEmpty();
		}

		@Override
		public String toString() {
			return "mutations " + applied + (malformed ? ", not one JSON object" : "") + ", breaks " + breaks
					+ "\nbody: " + text;
		}

	}

	/** Jackson as strict as the contract: one value, each key once. */
	private static final JsonMapper STRICT = JsonMapper.builder()
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.build();

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private static final String NON_FINITE = "@@non-finite@@";

	private static final int TREE_MUTATIONS = 12;

	private BodyMutations() {
	}

	/**
	 * One to three mutations of {@code json}'s tree and, one time in four, one of its
	 * text; {@code knownKeys} are the answers' keys that name real values (/check).
	 */
	static Mutated mutate(String json, BodyContract contract, Set<String> knownKeys, Random random) {
		ObjectNode root = (ObjectNode) STRICT.readTree(json);
		List<String> applied = new ArrayList<>();
		int count = 1 + random.nextInt(3);
		for (int i = 0; i < count; i++) {
			applied.add(mutateTree(root, random));
		}
		String text = STRICT.writeValueAsString(root)
			.replace("\"" + NON_FINITE + "\"", List.of("1e999", "-1e999", "1E400").get(random.nextInt(3)));
		if (random.nextInt(4) == 0) {
			String spoilt = mutateText(text, random);
			applied.add("text: " + describe(text, spoilt));
			text = spoilt;
		}
		JsonNode read;
		try {
			read = STRICT.readTree(text);
		}
		catch (RuntimeException e) {
			return new Mutated(text, applied, true, List.of());
		}
		if (read == null || read.isMissingNode()) {
			return new Mutated(text, applied, true, List.of());
		}
		return new Mutated(text, applied, false, contract.breaks(read, knownKeys));
	}

	private static String mutateTree(ObjectNode root, Random random) {
		List<Slot> slots = new ArrayList<>();
		collect(root, "", slots);
		Slot slot = slots.get(random.nextInt(slots.size()));
		int mutation = random.nextInt(TREE_MUTATIONS);
		String at = slot.pointer();
		switch (mutation) {
			case 0 -> slot.set(wrongValue(random));
			case 1 -> slot.remove();
			case 2 -> {
				if (slot.parent() instanceof ObjectNode) {
					String name = freeName(slot.parent(), typo(slot.name(), random));
					slot.rename(name);
					return "rename " + at + " to " + name;
				}
				slot.set(wrongValue(random));
			}
			case 3 -> {
				ObjectNode object = randomObject(root, slots, random);
				String name = freeName(object, typo(anyKey(object, random), random));
				object.set(name, wrongValue(random));
				return "add '" + name + "' beside " + at;
			}
			case 4 -> slot.set(NODES.arrayNode().add(slot.value()));
			case 5 ->
				slot.set(slot.value().isArray() && !slot.value().isEmpty() ? slot.value().get(0) : NODES.arrayNode());
			case 6 -> resize(slot.value(), random);
			case 7 -> slot.set(NODES.numberNode(extremeNumber(random)));
			case 8 -> slot.set(NODES.stringNode(oddString(slot.value(), random)));
			case 9 -> slot.set(NODES.stringNode(NON_FINITE));
			case 10 -> slot.set(slot.value().isString() ? NODES.stringNode(caseVariant(slot.value().asString(), random))
					: NODES.numberNode(-1));
			default -> slot.set(otherSpelling(slot.value()));
		}
		return List
			.of("set", "remove", "set", "add", "wrap", "unwrap", "resize", "extreme", "odd string", "non-finite",
					"case", "respell")
			.get(mutation) + " " + at;
	}

	private static String mutateText(String json, Random random) {
		int at = random.nextInt(json.length());
		return switch (random.nextInt(6)) {
			case 0 -> json.substring(0, at);
			case 1 -> json.substring(0, at) + "{}[],:\"0-e.9 \\nNaI".charAt(random.nextInt(18)) + json.substring(at);
			case 2 -> {
				String key = anyKey((ObjectNode) STRICT.readTree(json), random);
				yield "{\"" + key + "\": 1, " + json.substring(1);
			}
			case 3 -> json + List.of(" {}", " x", "\n]", ",").get(random.nextInt(4));
			case 4 -> json + json;
			default -> List.of("", "null", "[]", "\"text\"", "42", "[" + json + "]").get(random.nextInt(6));
		};
	}

	private static String describe(String before, String after) {
		if (after.startsWith(before)) {
			return "appended '" + after.substring(before.length(), Math.min(after.length(), before.length() + 8)) + "'";
		}
		return before.startsWith(after) ? "cut at " + after.length() : "changed";
	}

	private static JsonNode wrongValue(Random random) {
		return switch (random.nextInt(12)) {
			case 0 -> NODES.nullNode();
			case 1 -> NODES.booleanNode(random.nextBoolean());
			case 2 -> NODES.stringNode("0.5");
			case 3 -> NODES.objectNode().put("weights", 1);
			case 4 -> NODES.arrayNode();
			case 5 -> NODES.arrayNode().add(NODES.arrayNode());
			case 6 -> NODES.arrayNode().add(NODES.arrayNode().add(NODES.arrayNode().add(1)));
			case 7 -> NODES.numberNode(-1);
			case 8 -> NODES.numberNode(0);
			case 9 -> NODES.arrayNode().add(1).add(NODES.arrayNode().add(2));
			case 10 -> NODES.numberNode(extremeNumber(random));
			default -> NODES.arrayNode().add(NODES.arrayNode().add(1).add(2)).add(NODES.arrayNode().add(3));
		};
	}

	private static double extremeNumber(Random random) {
		double[] values = { 1e308, -1e308, 1e300, 1e-320, -0.0, 1e20, 4096, -4097, 1e154, 0.5 };
		return values[random.nextInt(values.length)];
	}

	private static String oddString(JsonNode value, Random random) {
		String own = value.isString() ? value.asString() : "sigmoid";
		return List
			.of("NaN", "Infinity", "-Infinity", "1e999", own.toUpperCase(Locale.ROOT), own + " ", "ſigmoid", "sigmoud",
					"", own.replace('i', 'ı'))
			.get(random.nextInt(10));
	}

	/** A case variant of a name: the same name to a case-insensitive reader. */
	private static String caseVariant(String name, Random random) {
		StringBuilder variant = new StringBuilder();
		for (char c : name.toCharArray()) {
			variant.append(random.nextBoolean() ? Character.toUpperCase(c) : c);
		}
		return variant.toString();
	}

	/**
	 * The same number written another way: 1 as 1.0, 0.1 as the 55 digits of the double
	 * nearest to it.
	 */
	private static JsonNode otherSpelling(JsonNode value) {
		if (value.isIntegralNumber()) {
			return NODES.numberNode(value.asDouble());
		}
		if (value.isNumber() && Math.abs(value.asDouble()) > 1e-10) {
			return NODES.numberNode(new BigDecimal(value.asDouble()));
		}
		return value.isString() ? NODES.stringNode(value.asString().toUpperCase(Locale.ROOT)) : NODES.numberNode(1);
	}

	private static void resize(JsonNode value, Random random) {
		if (value instanceof ArrayNode array) {
			if (!array.isEmpty() && random.nextBoolean()) {
				array.remove(random.nextInt(array.size()));
			}
			else {
				array.add(array.isEmpty() ? NODES.numberNode(1) : array.get(0).deepCopy());
			}
		}
	}

	/**
	 * A misspelt name; never the name itself (lower-casing with underscores leaves
	 * {@code inputs} as it is, so that case becomes a plural).
	 */
	static String typo(String name, Random random) {
		String typo = switch (random.nextInt(5)) {
			case 0 -> name.isEmpty() ? "_" : name.substring(0, name.length() - 1);
			case 1 -> name + "s";
			case 2 -> name.toUpperCase();
			case 3 -> name.replaceAll("([A-Z])", "_$1").toLowerCase();
			default -> " " + name;
		};
		return typo.equals(name) ? name + "s" : typo;
	}

	/**
	 * {@code name}, or with underscores added until no field of {@code object} has it.
	 */
	private static String freeName(JsonNode object, String name) {
		String free = name;
		while (object.has(free)) {
			free = free + "_";
		}
		return free;
	}

	private static String anyKey(ObjectNode object, Random random) {
		List<String> keys = new ArrayList<>(object.propertyNames());
		return keys.isEmpty() ? "inputs" : keys.get(random.nextInt(keys.size()));
	}

	private static ObjectNode randomObject(ObjectNode root, List<Slot> slots, Random random) {
		List<ObjectNode> objects = new ArrayList<>(List.of(root));
		for (Slot slot : slots) {
			if (slot.value() instanceof ObjectNode object) {
				objects.add(object);
			}
		}
		return objects.get(random.nextInt(objects.size()));
	}

	private static void collect(JsonNode node, String pointer, List<Slot> slots) {
		if (node instanceof ObjectNode object) {
			for (Map.Entry<String, JsonNode> field : object.properties()) {
				Slot slot = new Slot(object, field.getKey(), -1, pointer + "/" + BodyContract.escape(field.getKey()));
				slots.add(slot);
				collect(field.getValue(), slot.pointer(), slots);
			}
		}
		else if (node instanceof ArrayNode array) {
			for (int i = 0; i < array.size(); i++) {
				Slot slot = new Slot(array, null, i, pointer + "/" + i);
				slots.add(slot);
				collect(array.get(i), slot.pointer(), slots);
			}
		}
	}

	/** A place in the tree: a field of an object or an element of an array. */
	private record Slot(JsonNode parent, String key, int index, String pointer) {

		JsonNode value() {
			return parent instanceof ObjectNode o ? o.get(key) : parent.get(index);
		}

		void set(JsonNode value) {
			if (parent instanceof ObjectNode o) {
				o.set(key, value);
			}
			else {
				((ArrayNode) parent).set(index, value);
			}
		}

		void remove() {
			if (parent instanceof ObjectNode o) {
				o.remove(key);
			}
			else {
				((ArrayNode) parent).remove(index);
			}
		}

		void rename(String newName) {
			JsonNode value = ((ObjectNode) parent).remove(key);
			((ObjectNode) parent).set(newName, value);
		}

		String name() {
			return key == null ? "value" : key;
		}

	}

}
