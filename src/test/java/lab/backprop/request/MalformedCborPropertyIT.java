package lab.backprop.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;

import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.cbor.CBORMapper;

import lab.backprop.Api;

/**
 * CBOR bodies of the four operations that take them, sent over HTTP: never a 5xx, a stack
 * trace or a hang. A spoilt body that is still one value ({@link BodyMutations}) is sent
 * both as CBOR and as JSON written from the same tree, and the two get the same status
 * and point at the same places: one set of rules for both forms. Valid bodies' CBOR bytes
 * corrupted at random (flipped, cut, inserted, repeated) are refused as problem+json or,
 * when still valid, answered in CBOR with finite numbers.
 */
class MalformedCborPropertyIT {

	private static final String CBOR = MediaType.APPLICATION_CBOR_VALUE;

	private static final CBORMapper CBOR_MAPPER = CBORMapper.builder().build();

	/**
	 * What the service itself would refuse as unreadable is left to the JSON properties.
	 */
	private static final JsonMapper STRICT = JsonMapper.builder()
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.build();

	private static final List<String> PATHS = List.of("/train-step", "/gradient-check", "/train", "/predict");

	@Property(tries = 300)
	void aSpoiltBodyGetsTheSameAnswerAsCborAndAsJson(@ForAll @IntRange(max = 3) int endpoint,
			@ForAll @IntRange(max = 5) int base, @ForAll long seed) {
		String path = PATHS.get(endpoint);
		BodyMutations.Mutated mutated = BodyMutations.mutate(body(path, base), contract(path), Set.of(),
				new Random(seed));
		Assume.that(!mutated.malformed());
		JsonNode tree;
		try {
			tree = STRICT.readTree(mutated.text());
		}
		catch (JacksonException notOneValue) {
			Assume.that(false);
			return;
		}
		Assume.that(allFinite(tree)); // JSON would carry an infinity as the string
										// "Infinity"
		Api.Answer asCbor = post(path, CBOR_MAPPER.writeValueAsBytes(tree), CBOR);
		Api.Answer asJson = post(path, Api.JSON.writeValueAsBytes(tree), MediaType.APPLICATION_JSON_VALUE);
		String why = path + " " + mutated + "\nCBOR: " + asCbor.status() + " " + asCbor.text() + "\nJSON: "
				+ asJson.status() + " " + asJson.text();
		checked(asCbor, why);
		assertThat(asCbor.status()).as(why).isEqualTo(asJson.status());
		assertThat(asCbor.pointers()).as(why).containsExactlyInAnyOrderElementsOf(asJson.pointers());
	}

	@Property(tries = 400)
	void corruptedBytesAreRefusedOrAnswered(@ForAll @IntRange(max = 3) int endpoint,
			@ForAll @IntRange(max = 5) int base, @ForAll long seed) {
		String path = PATHS.get(endpoint);
		Random random = new Random(seed);
		byte[] body = CBOR_MAPPER.writeValueAsBytes(Api.JSON.readTree(body(path, base)));
		for (int corruptions = 1 + random.nextInt(4); corruptions > 0; corruptions--) {
			body = corrupt(body, random);
		}
		Api.Answer answer = post(path, body, CBOR);
		checked(answer, path + " " + Arrays.toString(body) + "\nanswer: " + answer.status() + " " + answer.text());
	}

	private static void checked(Api.Answer answer, String why) {
		Statistics.label("answers").collect(answer.status());
		assertThat(answer.status()).as(why).isLessThan(500);
		if (answer.status() == 200) {
			assertThat(answer.contentType()).as(why).startsWith(CBOR);
			AnswerChecks.onlyFiniteNumbers(CBOR_MAPPER.readTree(answer.bytes()), why);
		}
		else {
			AnswerChecks.refusal(answer, why);
		}
	}

	private static boolean allFinite(JsonNode node) {
		if (node.isNumber() && !Double.isFinite(node.asDouble())) {
			return false;
		}
		for (JsonNode child : node) {
			if (!allFinite(child)) {
				return false;
			}
		}
		return true;
	}

	private static byte[] corrupt(byte[] body, Random random) {
		if (body.length == 0) {
			byte[] some = new byte[1 + random.nextInt(9)];
			random.nextBytes(some);
			return some;
		}
		int at = random.nextInt(body.length);
		return switch (random.nextInt(5)) {
			case 0 -> { // one byte replaced
				byte[] changed = body.clone();
				changed[at] = (byte) random.nextInt(256);
				yield changed;
			}
			case 1 -> Arrays.copyOf(body, at); // cut short
			case 2 -> { // random bytes inserted
				byte[] inserted = new byte[1 + random.nextInt(9)];
				random.nextBytes(inserted);
				byte[] longer = new byte[body.length + inserted.length];
				System.arraycopy(body, 0, longer, 0, at);
				System.arraycopy(inserted, 0, longer, at, inserted.length);
				System.arraycopy(body, at, longer, at + inserted.length, body.length - at);
				yield longer;
			}
			case 3 -> { // a slice repeated
				int length = Math.min(1 + random.nextInt(16), body.length - at);
				byte[] longer = new byte[body.length + length];
				System.arraycopy(body, 0, longer, 0, at + length);
				System.arraycopy(body, at, longer, at + length, body.length - at);
				yield longer;
			}
			default -> { // a length or type byte set to a large or indefinite length
				byte[] changed = body.clone();
				changed[at] = (byte) ((changed[at] & 0xE0) | (random.nextBoolean() ? 0x1B : 0x1F));
				yield changed;
			}
		};
	}

	private static String body(String path, int base) {
		List<String> bodies = switch (path) {
			case "/train" -> MalformedRequestsPropertyIT.TRAIN_BODIES;
			case "/predict" -> MalformedRequestsPropertyIT.PREDICT_BODIES;
			default -> MalformedRequestsPropertyIT.STEP_BODIES;
		};
		return bodies.get(base % bodies.size());
	}

	private static BodyContract contract(String path) {
		return switch (path) {
			case "/train" -> BodyContract.train();
			case "/predict" -> BodyContract.predict();
			default -> BodyContract.trainStep();
		};
	}

	private static Api.Answer post(String path, byte[] body, String contentType) {
		return FuzzedService.api().exchangeBytes(HttpMethod.POST, path, headers -> {
			headers.set(HttpHeaders.CONTENT_TYPE, contentType);
			headers.set(HttpHeaders.ACCEPT, CBOR);
		}, body);
	}

}
