package lab.backprop.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.cbor.CBORMapper;

import lab.backprop.Api;
import lab.backprop.Api.Answer;
import lab.backprop.HttpTestSupport;
import lab.backprop.SeedValues;
import lab.backprop.bench.BenchmarkCase;

/**
 * {@code application/cbor} beside JSON: the same fields with every double in its 8 bytes,
 * so the numbers are JSON's very doubles; JSON whenever the client does not rank CBOR
 * first; a CBOR body read with JSON's rules, every refusal problem+json naming the field.
 * The CBOR here is written and read by Jackson's plain CBOR mapper, not the service's.
 */
class CborIT extends HttpTestSupport {

	private static final CBORMapper CBOR = CBORMapper.builder().build();

	private static final String CBOR_TYPE = MediaType.APPLICATION_CBOR_VALUE;

	@Test
	void theSeedInCborAnswersTheSeedsNumbers() {
		Answer answer = post("/train-step", cbor(SeedValues.REQUEST), CBOR_TYPE, CBOR_TYPE);
		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.contentType()).startsWith(CBOR_TYPE);
		JsonNode step = CBOR.readTree(answer.bytes());
		JsonNode seed = SeedValues.load();
		assertThat(step.at("/forward/prediction/0/0").doubleValue()).isEqualTo(seed.at("/pred/0/0").doubleValue());
		assertThat(step.at("/forward/loss").doubleValue()).isEqualTo(seed.at("/loss/0/0").doubleValue());
		assertThat(step.at("/backward/layers/0/dL_dZ/0/0").doubleValue())
			.isEqualTo(seed.at("/dL_dZ/0/0").doubleValue());
		for (int i = 0; i < 3; i++) {
			assertThat(step.at("/backward/layers/0/dL_dW/" + i + "/0").doubleValue())
				.isEqualTo(seed.at("/dL_dW/" + i + "/0").doubleValue());
			assertThat(step.at("/update/layers/0/weights/" + i + "/0").doubleValue())
				.isEqualTo(seed.at("/W_new/" + i + "/0").doubleValue());
		}
	}

	@Test
	void everyNumberIsAnEightByteDouble() {
		byte[] answer = post("/train-step", cbor(BenchmarkCase.SMALL.json()), CBOR_TYPE, CBOR_TYPE).bytes();
		int doubles = 0;
		try (JsonParser parser = CBOR.createParser(answer)) {
			for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
				if (token == JsonToken.VALUE_NUMBER_FLOAT) {
					assertThat(parser.getNumberTypeFP()).isEqualTo(JsonParser.NumberTypeFP.DOUBLE64);
					doubles++;
				}
			}
		}
		assertThat(doubles).as("every matrix of a 64 → 32 → 10 step").isGreaterThan(64 * 32 * 4);
	}

	@ParameterizedTest
	@CsvSource({ "/train-step, step", "/predict, predict", "/train, train", "/gradient-check, check" })
	void theAnswerHoldsTheJsonAnswersDoublesBitForBit(String path, String kind) {
		String body = switch (kind) {
			case "predict" -> withoutTraining(BenchmarkCase.SMALL.json());
			case "train" -> withSteps(BenchmarkCase.SMALL.json(), 3);
			case "check" -> SeedValues.REQUEST;
			default -> BenchmarkCase.SMALL.json();
		};
		Answer json = postJson(path, body);
		assertThat(json.status()).as(json.text()).isEqualTo(200);
		Answer fromCbor = post(path, cbor(body), CBOR_TYPE, CBOR_TYPE);
		Answer fromJsonBody = post(path, body.getBytes(), MediaType.APPLICATION_JSON_VALUE, CBOR_TYPE);
		Answer jsonFromCborBody = post(path, cbor(body), CBOR_TYPE, MediaType.APPLICATION_JSON_VALUE);
		assertSameNumbers(CBOR.readTree(fromCbor.bytes()), json.json(), "");
		assertSameNumbers(CBOR.readTree(fromJsonBody.bytes()), json.json(), "");
		assertThat(jsonFromCborBody.contentType()).startsWith(MediaType.APPLICATION_JSON_VALUE);
		assertThat(jsonFromCborBody.text()).isEqualTo(json.text());
	}

	@ParameterizedTest(name = "Accept: {0}")
	@CsvSource(delimiter = '|',
			value = { "|application/json", "*/*|application/json",
					"application/json, application/cbor|application/json",
					"application/cbor;q=0.5, application/json|application/json", "application/*|application/json",
					"application/cbor|application/cbor", "application/cbor, */*;q=0.1|application/cbor",
					"text/markdown;q=0.1, application/cbor|application/cbor" })
	void jsonUnlessTheClientRanksCborFirst(String accept, String expected) {
		for (String path : List.of("/train-step", "/train-step?include=summary", "/predict")) {
			Answer answer = api().exchangeBytes(HttpMethod.POST, path, headers -> {
				headers.setContentType(MediaType.APPLICATION_JSON);
				if (accept != null) {
					headers.set(HttpHeaders.ACCEPT, accept);
				}
			}, (path.equals("/predict") ? withoutTraining(SeedValues.REQUEST) : SeedValues.REQUEST).getBytes());
			assertThat(answer.status()).as(path).isEqualTo(200);
			assertThat(answer.contentType()).as(path).startsWith(expected);
		}
	}

	@Test
	void aSummaryAskedAsMarkdownIsStillJson() {
		Answer answer = post("/train-step?include=summary", cbor(SeedValues.REQUEST), CBOR_TYPE,
				MediaType.TEXT_MARKDOWN_VALUE);
		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.contentType()).startsWith(MediaType.APPLICATION_JSON_VALUE);
	}

	@Test
	void aStreamedRunTakesACborBody() {
		Answer answer = post("/train", cbor(withSteps(SeedValues.REQUEST, 3)), CBOR_TYPE,
				MediaType.TEXT_EVENT_STREAM_VALUE);
		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.text()).contains("event:progress").contains("event:result");
	}

	@Test
	void aBodyThatIsNotCborIsA400NamingTheFormat() {
		byte[] seed = cbor(SeedValues.REQUEST);
		Answer truncated = post("/train-step", Arrays.copyOf(seed, seed.length - 3), CBOR_TYPE, CBOR_TYPE);
		assertProblem(truncated, 400, "");
		assertThat(truncated.json().get("title").asString()).isEqualTo("The request body is not valid CBOR");
		assertThat(truncated.json().at("/errors/0/message").asString()).startsWith("is not valid CBOR (byte ");

		Answer json = post("/train-step", SeedValues.REQUEST.getBytes(), CBOR_TYPE, CBOR_TYPE);
		assertProblem(json, 400, "");

		// a text string claiming a terabyte: refused, nothing allocated for it
		Answer huge = post("/train-step", new byte[] { (byte) 0xA1, 0x7B, 0, 0, 0, (byte) 0xFF, -1, -1, -1, -1 },
				CBOR_TYPE, CBOR_TYPE);
		assertProblem(huge, 400, "");

		// {"inputs": an array declaring 2^31 - 1 numbers, holding one}: refused at the
		// end
		byte[] inputs = CBOR.writeValueAsBytes("inputs");
		byte[] number = CBOR.writeValueAsBytes(0.5);
		Answer claimed = post("/train-step",
				concat(new byte[] { (byte) 0xA1 }, inputs, new byte[] { (byte) 0x9A, 0x7F, -1, -1, -1 }, number),
				CBOR_TYPE, CBOR_TYPE);
		assertProblem(claimed, 400, "/inputs");

		Answer empty = post("/train-step", new byte[0], CBOR_TYPE, CBOR_TYPE);
		assertProblem(empty, 400, "");
		assertThat(empty.json().at("/errors/0/message").asString()).contains("send a CBOR map");

		byte[] twice = Arrays.copyOf(seed, seed.length + 1);
		twice[seed.length] = 0x01;
		Answer trailing = post("/train-step", twice, CBOR_TYPE, CBOR_TYPE);
		assertProblem(trailing, 400, "");
		assertThat(trailing.json().at("/errors/0/message").asString()).contains("one CBOR data item");
	}

	@Test
	void nanAndInfinityWhichCborCanHoldAreRefusedWhereTheyAre() {
		ObjectNode seed = Api.object(SeedValues.REQUEST);
		((tools.jackson.databind.node.ArrayNode) seed.get("weights").get(1)).set(0, seed.numberNode(Double.NaN));
		assertProblem(post("/train-step", CBOR.writeValueAsBytes(seed), CBOR_TYPE, CBOR_TYPE), 400, "/weights/1/0")
			.satisfies(answer -> assertThat(answer.json().at("/errors/0/message").asString())
				.isEqualTo("must be a finite number, not NaN"));

		ObjectNode rate = Api.object(SeedValues.REQUEST);
		rate.put("learningRate", Double.POSITIVE_INFINITY);
		assertProblem(post("/train-step", CBOR.writeValueAsBytes(rate), CBOR_TYPE, CBOR_TYPE), 400, "/learningRate");

		ObjectNode label = Api.object(SeedValues.REQUEST);
		label.put("label", Double.NEGATIVE_INFINITY);
		assertProblem(post("/predict", CBOR.writeValueAsBytes(label), CBOR_TYPE, CBOR_TYPE), 400, "/label");
	}

	@Test
	void aCborBodyIsReadWithJsonsRules() {
		ObjectNode unknown = Api.object(SeedValues.REQUEST);
		unknown.put("learningrate", 0.1);
		Answer answer = post("/train-step", CBOR.writeValueAsBytes(unknown), CBOR_TYPE, CBOR_TYPE);
		assertProblem(answer, 400, "/learningrate");
		assertThat(answer.json().at("/errors/0/message").asString()).contains("did you mean 'learningRate'");

		ObjectNode text = Api.object(SeedValues.REQUEST);
		text.put("learningRate", "0.1");
		assertProblem(post("/train-step", CBOR.writeValueAsBytes(text), CBOR_TYPE, CBOR_TYPE), 400, "/learningRate");

		ObjectNode shapes = Api.object(SeedValues.REQUEST);
		shapes.putArray("inputs").addArray().add(0.5).add(0.2);
		assertProblem(post("/train-step", CBOR.writeValueAsBytes(shapes), CBOR_TYPE, CBOR_TYPE), 400, "/weights");

		// {"learningRate": 0.1, "learningRate": 0.2} as CBOR: a duplicate key
		byte[] name = CBOR.writeValueAsBytes("learningRate");
		byte[] duplicate = concat(new byte[] { (byte) 0xA2 }, name, CBOR.writeValueAsBytes(0.1), name,
				CBOR.writeValueAsBytes(0.2));
		Answer twice = post("/train-step", duplicate, CBOR_TYPE, CBOR_TYPE);
		assertProblem(twice, 400, "/learningRate");
		assertThat(twice.json().at("/errors/0/message").asString()).contains("appears twice");
	}

	@Test
	void nestingBeyondTheLimitIsA413() {
		byte[] deep = new byte[200];
		deep[0] = (byte) 0xA1; // {"x": [[[...]]]}
		deep[1] = 0x61;
		deep[2] = 'x';
		Arrays.fill(deep, 3, deep.length, (byte) 0x81);
		Answer answer = post("/train-step", deep, CBOR_TYPE, CBOR_TYPE);
		assertThat(answer.status()).as(answer.text()).isIn(400, 413);
		assertThat(answer.isProblem()).isTrue();
	}

	@Test
	void operationsWithFewNumbersTakeJsonOnly() {
		Answer answer = post("/check", cbor(SeedValues.REQUEST), CBOR_TYPE, MediaType.APPLICATION_JSON_VALUE);
		assertThat(answer.status()).isEqualTo(415);
		assertThat(answer.isProblem()).isTrue();
	}

	private Answer post(String path, byte[] body, String contentType, String accept) {
		return api().exchangeBytes(HttpMethod.POST, path, headers -> {
			headers.set(HttpHeaders.CONTENT_TYPE, contentType);
			headers.set(HttpHeaders.ACCEPT, accept);
		}, body);
	}

	private static byte[] cbor(String json) {
		return CBOR.writeValueAsBytes(JSON.readTree(json));
	}

	private static String withSteps(String json, int steps) {
		ObjectNode body = Api.object(json);
		body.put("steps", steps);
		return body.toString();
	}

	private static String withoutTraining(String json) {
		ObjectNode body = Api.object(json);
		body.retain("inputs", "layers", "weights", "bias", "activation", "label", "loss");
		return body.toString();
	}

	private static org.assertj.core.api.ObjectAssert<Answer> assertProblem(Answer answer, int status, String pointer) {
		assertThat(answer.status()).as(answer.text()).isEqualTo(status);
		assertThat(answer.contentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		assertThat(answer.pointers()).as(answer.text()).contains(pointer);
		return assertThat(answer);
	}

	/** Same tree, and every double the very same bits (0.0 and −0.0 told apart). */
	private static void assertSameNumbers(JsonNode actual, JsonNode expected, String at) {
		assertThat(actual.getNodeType()).as(at).isEqualTo(expected.getNodeType());
		if (expected.isDouble()) {
			assertThat(actual.isDouble()).as(at + " is a double").isTrue();
			assertThat(Double.doubleToRawLongBits(actual.doubleValue())).as(at)
				.isEqualTo(Double.doubleToRawLongBits(expected.doubleValue()));
		}
		else if (expected.isContainer()) {
			assertThat(actual.size()).as(at).isEqualTo(expected.size());
			if (expected.isArray()) {
				for (int i = 0; i < expected.size(); i++) {
					assertSameNumbers(actual.get(i), expected.get(i), at + "/" + i);
				}
			}
			else {
				for (String name : expected.propertyNames()) {
					assertSameNumbers(actual.get(name), expected.get(name), at + "/" + name);
				}
			}
		}
		else {
			assertThat(actual).as(at).isEqualTo(expected);
		}
	}

	private static byte[] concat(byte[]... parts) {
		int length = 0;
		for (byte[] part : parts) {
			length += part.length;
		}
		byte[] all = new byte[length];
		int at = 0;
		for (byte[] part : parts) {
			System.arraycopy(part, 0, all, at, part.length);
			at += part.length;
		}
		return all;
	}

}
