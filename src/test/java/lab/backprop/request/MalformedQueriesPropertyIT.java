package lab.backprop.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

import lab.backprop.Api;
import lab.backprop.RawHttp;
import lab.backprop.request.QueryContract.Endpoint;
import lab.backprop.request.QueryContract.Verdict;

/**
 * The GET endpoints' query parameters (and the data set's name in its path), spoilt by
 * several mutations at once and sent byte for byte: never a 5xx or a hang; a query that
 * {@link QueryContract} finds nothing wrong with is answered (200, finite numbers);
 * otherwise a problem naming the parameter ({@code parameter}), or the 404 of an unknown
 * data set. Undecodable query strings (a stray {@code %}, bytes that are not UTF-8, a
 * parameter without a name) are among the mutations.
 */
class MalformedQueriesPropertyIT {

	/**
	 * A request: the endpoint, the data set's name (or null), the query's chunks as sent.
	 */
	record Query(Endpoint endpoint, String name, List<String> chunks) {

		String target() {
			String path = endpoint.hasName() ? endpoint.path().replace("{name}", encode(name)) : endpoint.path();
			return chunks.isEmpty() ? path : path + "?" + String.join("&", chunks);
		}

	}

	private static final List<Query> VALID = List.of(new Query(QueryContract.DATASET_LIST, null, List.of()),
			new Query(QueryContract.DATASET, "circle",
					chunks("points", "200", "noise", "0.1", "testFraction", "0.5", "seed", "1", "features", "x1,x2")),
			new Query(QueryContract.DATASET, "SPIRAL", chunks("points", "50", "features", "x1^2,X2^2,x1*x2,sin(x1)")),
			new Query(QueryContract.DATASET, "moons",
					chunks("noise", "0", "testFraction", "0", "seed", QueryContract.MAX_SEED)),
			new Query(QueryContract.EXERCISE, null, chunks("level", "2", "seed", "7")),
			new Query(QueryContract.EXERCISE, null, chunks("level", "3", "seed", "-9223372036854775808")),
			new Query(QueryContract.INITIAL_LAYERS, null,
					chunks("sizes", "2,8,8,1", "activations", "tanh,TANH,sigmoid", "init", "xavier", "seed", "1")),
			new Query(QueryContract.INITIAL_LAYERS, null, chunks("sizes", "4,5,3", "init", "He")));

	private static final List<String> JUNK = List.of("", " ", "1.5", "-1", "0", "2", "4096", "4097", "NaN", "Infinity",
			"1e999", "0x10", "1e3", "99999999999999999999", "-0", "+1", "1_000", "١", "sigmoud", "ſigmoid", "null",
			"[1]", "%", "1,2", "\u0000", "9".repeat(1000), "x1,,x2", "0.9", "0.50", "relu,relu,relu");

	/** Query strings Tomcat cannot decode. */
	private static final List<String> UNDECODABLE = List.of("%zz=1", "points=5%", "=5", "seed=%FF", "noise=%C3%28",
			"%=1", "level=%2", "sizes=%E2%82");

	@Example
	void everyQueryIsValidAsItIs() {
		for (Query query : VALID) {
			assertThat(QueryContract.judge(query.endpoint(), query.name(), query.chunks()).valid()).isTrue();
			Api.Answer answer = RawHttp.get(FuzzedService.port(), query.target());
			assertThat(answer.status()).as(query.target() + "\n" + answer.text()).isEqualTo(200);
		}
	}

	@Property(tries = 600)
	void noQueryBreaksTheService(@ForAll @IntRange(max = 7) int base, @ForAll long seed) {
		Random random = new Random(seed);
		Query query = VALID.get(base);
		List<String> applied = new ArrayList<>();
		for (int i = 1 + random.nextInt(3); i > 0; i--) {
			query = mutate(query, random, applied);
		}
		Verdict verdict = QueryContract.judge(query.endpoint(), query.name(), query.chunks());
		Api.Answer answer = RawHttp.get(FuzzedService.port(), query.target());
		String why = applied + " " + verdict + "\nGET " + query.target() + "\nanswer: " + answer.status() + " "
				+ answer.text();
		Statistics.label("answers").collect((verdict.valid() ? "valid" : "spoilt") + " → " + answer.status());
		assertThat(answer.status()).as(why).isLessThan(500);
		if (verdict.valid()) {
			assertThat(answer.status()).as("refused, but valid: " + why).isEqualTo(200);
			AnswerChecks.onlyFiniteNumbers(answer.json(), why);
			return;
		}
		AnswerChecks.refusal(answer, why);
		if (!verdict.undecodable().isEmpty()) {
			assertThat(answer.status()).as(why).isEqualTo(400);
			assertThat(answer.json().get("parameter").asString()).as(why).isIn(verdict.undecodable());
		}
		else if (verdict.unknownName()) {
			assertThat(answer.status()).as(why).isEqualTo(404);
		}
		else {
			assertThat(answer.status()).as(why).isIn(400, 413);
			assertThat(answer.json().get("parameter").asString()).as(why).isIn(verdict.broken());
		}
	}

	private static Query mutate(Query query, Random random, List<String> applied) {
		List<String> chunks = new ArrayList<>(query.chunks());
		int at = chunks.isEmpty() ? 0 : random.nextInt(chunks.size());
		String name = chunks.isEmpty() ? "points" : decodedName(chunks.get(at));
		String value = chunks.isEmpty() ? "1" : decodedValue(chunks.get(at));
		int mutation = random.nextInt(query.endpoint().hasName() ? 10 : 9);
		applied.add(List
			.of("rename", "add", "remove", "junk", "repeat", "list item", "case", "bound", "undecodable", "name")
			.get(mutation) + " " + name);
		switch (mutation) {
			case 0 -> set(chunks, at, BodyMutations.typo(name, random), value);
			case 1 -> chunks.add(chunk(BodyMutations.typo(name, random), JUNK.get(random.nextInt(JUNK.size()))));
			case 2 -> {
				if (!chunks.isEmpty()) {
					chunks.remove(at);
				}
			}
			case 3 -> set(chunks, at, name, JUNK.get(random.nextInt(JUNK.size())));
			case 4 -> chunks.add(random.nextInt(chunks.size() + 1),
					chunk(name, random.nextBoolean() ? value : JUNK.get(random.nextInt(JUNK.size()))));
			case 5 -> set(chunks, at, name, listItem(value, random));
			case 6 -> set(chunks, at, name, random.nextBoolean() ? value.toUpperCase(Locale.ROOT) : " " + value);
			case 7 -> set(chunks, at, name,
					List.of("1", "2", "3", "4", "64", "65", "4095", "4096", "4097", "0.5", "0.50001", "0.9",
							"0.9000001", QueryContract.MAX_SEED, "9007199254740992", "9223372036854775807",
							"9223372036854775808", "-9223372036854775809")
						.get(random.nextInt(18)));
			case 8 ->
				chunks.add(random.nextInt(chunks.size() + 1), UNDECODABLE.get(random.nextInt(UNDECODABLE.size())));
			default -> {
				return new Query(query.endpoint(),
						List.of("CIRCLE", "Xor", "circl", "ſpiral", "spirals", " moons", "gaussian", "plane ", "kreis")
							.get(random.nextInt(9)),
						chunks);
			}
		}
		return new Query(query.endpoint(), query.name(), chunks);
	}

	/** One item of a comma-separated value replaced, removed, repeated or emptied. */
	private static String listItem(String value, Random random) {
		List<String> items = new ArrayList<>(List.of(value.split(",", -1)));
		int at = random.nextInt(items.size());
		switch (random.nextInt(4)) {
			case 0 -> items.set(at, JUNK.get(random.nextInt(JUNK.size())));
			case 1 -> items.remove(at);
			case 2 -> items.add(at, items.get(at));
			default -> items.add(at, "");
		}
		return String.join(",", items);
	}

	private static void set(List<String> chunks, int at, String name, String value) {
		if (chunks.isEmpty()) {
			chunks.add(chunk(name, value));
		}
		else {
			chunks.set(at, chunk(name, value));
		}
	}

	private static String decodedName(String chunk) {
		String name = QueryContract.decode(chunk.contains("=") ? chunk.substring(0, chunk.indexOf('=')) : chunk);
		return name == null || name.isEmpty() ? "points" : name;
	}

	private static String decodedValue(String chunk) {
		String value = chunk.contains("=") ? QueryContract.decode(chunk.substring(chunk.indexOf('=') + 1)) : "";
		return value == null ? "" : value;
	}

	private static List<String> chunks(String... namesAndValues) {
		List<String> chunks = new ArrayList<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			chunks.add(chunk(namesAndValues[i], namesAndValues[i + 1]));
		}
		return chunks;
	}

	private static String chunk(String name, String value) {
		return encode(name) + "=" + encode(value);
	}

	/** Percent-encoded UTF-8, a space as {@code %20}: valid in a path and in a query. */
	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
	}

}
