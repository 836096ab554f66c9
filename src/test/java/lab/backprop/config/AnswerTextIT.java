package lab.backprop.config;

import org.junit.jupiter.api.Test;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import lab.backprop.Api;
import lab.backprop.Api.Answer;
import lab.backprop.HttpTestSupport;
import lab.backprop.SeedValues;
import lab.backprop.TrainBodies;
import lab.backprop.bench.BenchmarkCase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The answers' text is what plain Jackson with its fast double writer writes for the same
 * values (the text before the number writing was taken over): field names, order, digits,
 * for a full MNIST-size /train-step answer, the seed's and the playground's /train with
 * every neuron's picture. The values are read back from the answer (exactly: the shortest
 * text reads back to the same double) and written again by a plain mapper.
 */
class AnswerTextIT extends HttpTestSupport {

	private static final JsonMapper PLAIN = JsonMapper.builder()
		.enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
		.build();

	@Test
	void theFullMnistSizeStepIsWrittenAsPlainJacksonWritesIt() {
		Answer answer = api().post("/train-step", BenchmarkCase.MNIST.json());
		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.text().length()).as("every intermediate of 784 → 256 → 10 × 64").isGreaterThan(10_000_000);
		assertWrittenAsPlainJacksonWouldWriteIt(answer.text());
	}

	@Test
	void theSeedStepIsWrittenAsPlainJacksonWritesIt() {
		Answer answer = api().post("/train-step", SeedValues.REQUEST);
		assertThat(answer.status()).isEqualTo(200);
		assertWrittenAsPlainJacksonWouldWriteIt(answer.text());
	}

	@Test
	void thePlaygroundsRunIsWrittenAsPlainJacksonWritesIt() {
		ObjectNode body = TrainBodies.circle(200, 8, 10).put("recordEvery", 10);
		body.set("grid", Api
			.object("""
					{"x": {"min": -3, "max": 3, "points": 50}, "y": {"min": -3, "max": 3, "points": 50}, "neurons": true}"""));
		Answer answer = api().post("/train", body);
		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.json().at("/grid/layers/0/neurons").size()).isEqualTo(8);
		assertWrittenAsPlainJacksonWouldWriteIt(answer.text());
	}

	private static void assertWrittenAsPlainJacksonWouldWriteIt(String text) {
		JsonNode values = PLAIN.readTree(text);
		String plain = PLAIN.writeValueAsString(values);
		int first = firstDifference(text, plain);
		assertThat(first)
			.as("the first character that differs: ours %s, plain Jackson's %s", excerpt(text, first),
					excerpt(plain, first))
			.isEqualTo(-1);
	}

	private static int firstDifference(String a, String b) {
		int common = Math.min(a.length(), b.length());
		for (int i = 0; i < common; i++) {
			if (a.charAt(i) != b.charAt(i)) {
				return i;
			}
		}
		return a.length() == b.length() ? -1 : common;
	}

	private static String excerpt(String text, int at) {
		return at < 0 ? "" : text.substring(Math.max(0, at - 40), Math.min(text.length(), at + 40));
	}

}
