package lab.backprop.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.statistics.Statistics;

import tools.jackson.databind.JsonNode;

import lab.backprop.Api;

/**
 * What every answer to a fuzzed request must be: never a 5xx; a refusal is problem+json
 * with its status, a title and a detail, and no trace of the code; a 400 lists its
 * errors, each with a JSON Pointer; an answer the contract says must be a refusal is one
 * (a 400 pointing at, into or around a field that was spoilt, or a 413; an unknown key of
 * /check's answers can only be seen once the rest of the body is valid, so its refusal
 * may point elsewhere); a 200 holds only finite numbers.
 */
final class AnswerChecks {

	private AnswerChecks() {
	}

	/** An answer to a JSON request for {@code mutated}. */
	static void json(Api.Answer answer, BodyMutations.Mutated mutated) {
		count(answer, mutated);
		String why = mutated + "\nanswer: " + answer.status() + " " + answer.text();
		assertThat(answer.status()).as(why).isLessThan(500);
		if (answer.status() == 200) {
			assertThat(mutated.mustBeRefused()).as("accepted, but must be refused: " + why).isFalse();
			assertThat(String.valueOf(answer.contentType())).as(why).startsWith("application/json");
			onlyFiniteNumbers(answer.json(), why);
			return;
		}
		refusal(answer, why);
		if (answer.status() == 400) {
			assertThat(answer.json().has("errors")).as("a 400 for a body lists its errors: " + why).isTrue();
		}
		if (mutated.malformed()) {
			assertThat(answer.status()).as("not one JSON object, so a 400: " + why).isEqualTo(400);
		}
		else if (mutated.mustBeRefused()) {
			assertThat(answer.status()).as("refused, but not as invalid or too large: " + why).isIn(400, 413);
		}
		List<String> independent = mutated.breaks()
			.stream()
			.filter(b -> !b.startsWith(BodyContract.STEP_DEPENDENT))
			.toList();
		if (answer.status() == 400 && !mutated.malformed() && !independent.isEmpty()) {
			List<String> breaks = mutated.breaks()
				.stream()
				.map(b -> b.replace(BodyContract.STEP_DEPENDENT, ""))
				.toList();
			assertThat(
					answer.pointers().stream().anyMatch(p -> breaks.stream().anyMatch(b -> BodyContract.related(p, b))))
				.as("no error points at, into or around what was spoilt " + breaks + ": " + why)
				.isTrue();
		}
	}

	/**
	 * An answer to a streamed request ({@code Accept: text/event-stream}): a refusal
	 * before the stream starts, or a stream of progress events ending in one result or
	 * one error event whose problem is not the service's fault.
	 */
	static void stream(Api.Answer answer, BodyMutations.Mutated mutated) {
		String why = mutated + "\nanswer: " + answer.status() + " " + answer.text();
		assertThat(answer.status()).as(why).isLessThan(500);
		if (answer.status() != 200) {
			json(answer, mutated);
			return;
		}
		count(answer, mutated);
		assertThat(mutated.mustBeRefused()).as("streamed, but must be refused: " + why).isFalse();
		assertThat(String.valueOf(answer.contentType())).as(why).startsWith("text/event-stream");
		List<String[]> events = events(answer.text());
		assertThat(events).as(why).isNotEmpty();
		for (int i = 0; i < events.size(); i++) {
			String name = events.get(i)[0];
			JsonNode data = Api.JSON.readTree(events.get(i)[1]);
			onlyFiniteNumbers(data, why);
			if (i < events.size() - 1) {
				assertThat(name).as(why).isEqualTo("progress");
			}
			else if (name.equals("error")) {
				assertThat(data.get("status").asInt()).as(why).isBetween(400, 499);
				assertThat(data.get("detail").asString()).as(why).isNotBlank();
			}
			else {
				assertThat(name).as("the last event: " + why).isEqualTo("result");
			}
		}
	}

	/** How often each kind of body got each status, in the property's report. */
	private static void count(Api.Answer answer, BodyMutations.Mutated mutated) {
		Statistics.label("answers")
			.collect((mutated.malformed() ? "not JSON" : mutated.mustBeRefused() ? "must be refused" : "may pass")
					+ " → " + answer.status());
	}

	/** Any refusal: problem+json that says what is wrong, and nothing of the code. */
	static void refusal(Api.Answer answer, String why) {
		assertThat(answer.status()).as(why).isBetween(400, 499);
		assertThat(String.valueOf(answer.contentType())).as(why).startsWith("application/problem+json");
		JsonNode problem = answer.json();
		assertThat(problem.get("status").asInt()).as(why).isEqualTo(answer.status());
		assertThat(problem.get("title").asString()).as(why).isNotBlank();
		assertThat(problem.get("detail").asString()).as(why).isNotBlank();
		assertThat(answer.text()).as(why)
			.doesNotContain("Exception")
			.doesNotContain("tools.jackson")
			.doesNotContain("lab.backprop.");
		if (answer.status() == 400 && problem.has("errors")) {
			assertThat(problem.get("errors").size()).as(why).isPositive();
			for (JsonNode error : problem.get("errors")) {
				String pointer = error.get("pointer").asString();
				assertThat(pointer.isEmpty() || pointer.startsWith("/")).as("a JSON Pointer: " + why).isTrue();
				assertThat(error.get("message").asString()).as(why).isNotBlank();
			}
		}
	}

	static void onlyFiniteNumbers(JsonNode node, String why) {
		if (node.isNumber()) {
			assertThat(Double.isFinite(node.asDouble())).as(why).isTrue();
		}
		else if (node.isString()) {
			assertThat(node.asString()).as(why).isNotIn("NaN", "Infinity", "-Infinity");
		}
		for (JsonNode child : node) {
			onlyFiniteNumbers(child, why);
		}
	}

	/** The events of a text/event-stream body: name and data. */
	private static List<String[]> events(String text) {
		List<String[]> events = new ArrayList<>();
		for (String block : text.split("\n\n")) {
			String name = "message";
			StringBuilder data = new StringBuilder();
			for (String line : block.split("\n")) {
				if (line.startsWith("event:")) {
					name = line.substring("event:".length()).trim();
				}
				else if (line.startsWith("data:")) {
					data.append(line.substring("data:".length()));
				}
			}
			if (!data.isEmpty()) {
				events.add(new String[] { name, data.toString() });
			}
		}
		return events;
	}

}
