package lab.backprop.request;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What docs/api.md says the query parameters of the GET endpoints may be, written out
 * independently of the service's code: the oracle of the query fuzzing. Here the rules
 * are complete, so a query that breaks none must be answered with a 200.
 */
final class QueryContract {

	private static final Pattern WHOLE = Pattern.compile("-?[0-9]+");

	private static final Pattern DECIMAL = Pattern.compile("-?[0-9]+(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

	static final List<String> DATASETS = List.of("circle", "xor", "gauss", "spiral", "moons", "plane", "gaussians");

	static final String MAX_SEED = String.valueOf((1L << 53) - 1);

	/** One parameter's rule: whether a given value (never null) is right. */
	interface Rule {

		boolean accepts(String value);

	}

	static Rule whole(String min, String max) {
		return value -> WHOLE.matcher(value).matches() && new BigInteger(value).compareTo(new BigInteger(min)) >= 0
				&& (max == null || new BigInteger(value).compareTo(new BigInteger(max)) <= 0);
	}

	static Rule decimal(String min, String max) {
		return value -> DECIMAL.matcher(value).matches() && new BigDecimal(value).compareTo(new BigDecimal(min)) >= 0
				&& new BigDecimal(value).compareTo(new BigDecimal(max)) <= 0;
	}

	static Rule oneOf(List<String> values) {
		return value -> values.contains(BodyContract.asciiLowerCase(value));
	}

	/**
	 * Comma-separated, none empty, each by {@code element}, perhaps each at most once.
	 */
	static Rule listOf(Rule element, boolean distinct, int minimum) {
		return value -> {
			List<String> items = List.of(value.split(",", -1));
			Set<String> seen = new HashSet<>();
			for (String item : items) {
				if (item.isEmpty() || !element.accepts(item)
						|| (distinct && !seen.add(BodyContract.asciiLowerCase(item)))) {
					return false;
				}
			}
			return items.size() >= minimum;
		};
	}

	/** A GET endpoint: its path, its parameters' rules, the required ones. */
	record Endpoint(String path, Map<String, Rule> rules, Set<String> required) {

		boolean hasName() {
			return path.contains("{name}");
		}

	}

	static final Endpoint DATASET_LIST = new Endpoint("/datasets", Map.of(), Set.of());

	static final Endpoint DATASET = new Endpoint("/datasets/{name}",
			Map.of("points", whole("2", "4096"), "noise", decimal("0", "0.5"), "testFraction", decimal("0", "0.9"),
					"seed", whole("0", MAX_SEED), "features", listOf(oneOf(BodyContract.FEATURES), true, 1)),
			Set.of());

	static final Endpoint EXERCISE = new Endpoint("/exercises/random", Map.of("level", List.of("1", "2", "3")::contains,
			"seed", whole(String.valueOf(Long.MIN_VALUE), String.valueOf(Long.MAX_VALUE))), Set.of());

	static final Endpoint INITIAL_LAYERS = new Endpoint("/initial-layers",
			Map.of("sizes", listOf(whole("1", null), false, 2), "activations",
					listOf(oneOf(BodyContract.ACTIVATIONS), false, 1), "init",
					oneOf(List.of("xavier", "he", "uniform")), "seed", whole("0", MAX_SEED)),
			Set.of("sizes"));

	/** What a query breaks, in the order the service must look at it. */
	record Verdict(Set<String> undecodable, boolean unknownName, Set<String> broken) {

		boolean valid() {
			return undecodable.isEmpty() && !unknownName && broken.isEmpty();
		}

	}

	/**
	 * Judges {@code name} (the path's data set name, or null) and the raw query
	 * {@code chunks} ({@code name=value}, percent-encoded, as sent).
	 */
	static Verdict judge(Endpoint endpoint, String name, List<String> chunks) {
		Set<String> undecodable = new LinkedHashSet<>();
		Map<String, List<String>> values = new LinkedHashMap<>();
		for (String chunk : chunks) {
			int equals = chunk.indexOf('=');
			String rawName = equals < 0 ? chunk : chunk.substring(0, equals);
			String parameter = decode(rawName);
			String value = equals < 0 ? "" : decode(chunk.substring(equals + 1));
			if (rawName.isEmpty() || parameter == null || value == null) {
				undecodable.add(parameter == null ? rawName : parameter);
				continue;
			}
			values.computeIfAbsent(parameter, key -> new ArrayList<>()).add(value);
		}
		Set<String> broken = new LinkedHashSet<>();
		Map<String, String> joined = new LinkedHashMap<>();
		values.forEach((parameter, given) -> joined.put(parameter, String.join(",", given)));
		joined.forEach((parameter, value) -> {
			Rule rule = endpoint.rules().get(parameter);
			if (rule == null || !accepts(rule, value)) {
				broken.add(parameter);
			}
		});
		for (String required : endpoint.required()) {
			if (!joined.containsKey(required)) {
				broken.add(required);
			}
		}
		if (endpoint == DATASET) {
			datasetSplit(joined, broken);
		}
		if (endpoint == INITIAL_LAYERS) {
			networkShape(joined, broken);
		}
		boolean unknownName = endpoint.hasName() && !DATASETS.contains(BodyContract.asciiLowerCase(name));
		return new Verdict(undecodable, unknownName, broken);
	}

	/** A number too large even for BigDecimal's exponent is no number either. */
	private static boolean accepts(Rule rule, String value) {
		try {
			return rule.accepts(value);
		}
		catch (NumberFormatException | ArithmeticException e) {
			return false;
		}
	}

	/** round(points × testFraction) test points must leave one to train on. */
	private static void datasetSplit(Map<String, String> joined, Set<String> broken) {
		if (broken.contains("points") || broken.contains("testFraction")) {
			return;
		}
		long points = Long.parseLong(joined.getOrDefault("points", "200"));
		double fraction = Double.parseDouble(joined.getOrDefault("testFraction", "0.5"));
		if (Math.round(points * fraction) >= points) {
			broken.add("testFraction");
		}
	}

	/** At most 64 layers of at most 4096, 1,000,000 parameters; an activation each. */
	private static void networkShape(Map<String, String> joined, Set<String> broken) {
		if (broken.contains("sizes")) {
			return;
		}
		String[] sizes = joined.get("sizes").split(",");
		BigInteger parameters = BigInteger.ZERO;
		boolean tooWide = false;
		for (int l = 0; l < sizes.length; l++) {
			tooWide |= new BigInteger(sizes[l]).compareTo(BigInteger.valueOf(4096)) > 0;
			if (l > 0) {
				BigInteger outputs = new BigInteger(sizes[l]);
				parameters = parameters.add(new BigInteger(sizes[l - 1]).multiply(outputs)).add(outputs);
			}
		}
		if (sizes.length - 1 > 64 || tooWide || parameters.compareTo(BigInteger.valueOf(1_000_000)) > 0) {
			broken.add("sizes");
		}
		else if (joined.containsKey("activations") && !broken.contains("activations")
				&& joined.get("activations").split(",").length != sizes.length - 1) {
			broken.add("activations");
		}
	}

	/**
	 * A query's name or value decoded as the contract says: {@code %XX} bytes and
	 * {@code +} for a space, strict UTF-8; {@code null} when it cannot be.
	 */
	static String decode(String raw) {
		String latin;
		try {
			latin = URLDecoder.decode(raw, StandardCharsets.ISO_8859_1);
		}
		catch (IllegalArgumentException e) {
			return null;
		}
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		for (char c : latin.toCharArray()) {
			if (c > 0xFF) {
				return null;
			}
			bytes.write(c);
		}
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes.toByteArray()))
				.toString();
		}
		catch (CharacterCodingException e) {
			return null;
		}
	}

}
