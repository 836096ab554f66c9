package lab.backprop.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.servlet.client.RestTestClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import lab.backprop.Api;
import lab.backprop.BackpropLabApplication;
import lab.backprop.SeedValues;

/**
 * Valid requests, mutated in their types, shapes, values, structure and syntax, and sent
 * over HTTP: the service never answers 5xx, every refusal is problem+json, a 400 lists at
 * least one JSON Pointer, and every 200 carries only finite numbers.
 */
class MalformedRequestsPropertyIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private static final List<String> VALID = List.of(SeedValues.REQUEST, """
			{"inputs": [[0.05, 0.10]], "layers": [
			  {"weights": [[0.15, 0.25], [0.20, 0.30]], "bias": [0.35, 0.35], "activation": "sigmoid"},
			  {"weights": [[0.40, 0.50], [0.45, 0.55]], "bias": [0.60, 0.60], "activation": "softmax"}],
			 "label": [[0.01, 0.99]], "loss": "cross_entropy", "learningRate": 0.5}""", """
			{"inputs": [[1, 2], [3, 4], [5, 6]], "layers": [
			  {"weights": [[0.1, -0.2, 0.3], [0.4, 0.5, -0.6]], "bias": 0.1, "activation": "relu"},
			  {"weights": [[0.7], [-0.8], [0.9]], "bias": [[0]], "activation": "linear"}],
			 "label": [1, 0, 2], "loss": "sse", "learningRate": 0.01}""");

	private static ConfigurableApplicationContext context;

	private static Api api;

	@BeforeContainer
	static void start() {
		context = SpringApplication.run(BackpropLabApplication.class, "--server.port=0", "--logging.level.root=WARN");
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		api = new Api(RestTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build());
	}

	@AfterContainer
	static void stop() {
		context.close();
	}

	@Property(tries = 800)
	void noMutationBreaksTheService(@ForAll @IntRange(min = 0, max = 2) int base,
			@ForAll @IntRange(min = 0, max = 11) int mutation, @ForAll long seed) throws Exception {
		Random random = new Random(seed);
		String body = mutate(VALID.get(base), mutation, random);

		Api.Answer response = api.post("/train-step", body);

		String why = "body: " + body + "\nanswer: " + response.text();
		assertThat(response.status()).as(why).isLessThan(500);
		String type = String.valueOf(response.contentType());
		if (response.status() == 200) {
			assertThat(type).as(why).startsWith("application/json");
			assertOnlyFiniteNumbers(JSON.readTree(response.text()), why);
			return;
		}
		assertThat(type).as(why).startsWith("application/problem+json");
		JsonNode problem = JSON.readTree(response.text());
		assertThat(problem.get("status").asInt()).as(why).isEqualTo(response.status());
		assertThat(problem.get("title").asString()).as(why).isNotBlank();
		assertThat(problem.get("detail").asString()).as(why).isNotBlank();
		assertThat(response.text()).as(why).doesNotContain("Exception").doesNotContain("tools.jackson");
		if (response.status() == 400) {
			assertThat(problem.get("errors").isArray()).as(why).isTrue();
			assertThat(problem.get("errors").size()).as(why).isPositive();
			for (JsonNode error : problem.get("errors")) {
				assertThat(error.get("pointer").isString()).as(why).isTrue();
				assertThat(error.get("message").asString()).as(why).isNotBlank();
			}
		}
	}

	private static String mutate(String json, int mutation, Random random) {
		if (mutation >= 9) {
			return mutateText(json, mutation, random);
		}
		ObjectNode root = (ObjectNode) JSON.readTree(json);
		List<Slot> slots = new ArrayList<>();
		collect(root, slots);
		Slot slot = slots.get(random.nextInt(slots.size()));
		switch (mutation) {
			case 0 -> slot.set(randomValue(random));
			case 1 -> slot.remove();
			case 2 -> slot.rename(typo(slot.name(), random));
			case 3 ->
				root.set(typo(List.of("learningRate", "inputs", "label", "layers", "weights").get(random.nextInt(5)),
						random), randomValue(random));
			case 4 -> slot.set(wrap(slot.value()));
			case 5 ->
				slot.set(slot.value().isArray() && !slot.value().isEmpty() ? slot.value().get(0) : NODES.arrayNode());
			case 6 -> resize(slot.value(), random);
			case 7 -> slot.set(NODES.numberNode(extremeNumber(random)));
			case 8 -> slot.set(NODES
				.stringNode(List.of("NaN", "Infinity", "-Infinity", "1e999", "SIGMOID", "sigmoud", "ſigmoid", "")
					.get(random.nextInt(8))));
			default -> throw new IllegalStateException();
		}
		return JSON.writeValueAsString(root);
	}

	private static String mutateText(String json, int mutation, Random random) {
		int at = random.nextInt(json.length());
		String junk = String.valueOf("{}[],:\"0-e.9 \\nNaI".charAt(random.nextInt(18)));
		return switch (mutation) {
			case 9 -> json.substring(0, at);
			case 10 -> json.substring(0, at) + junk + json.substring(at);
			default -> json.replace("\"learningRate\"", "\"inputs\": [[1]], \"learningRate\"").replace("1e999", "1e999")
					+ (random.nextBoolean() ? "" : " {}");
		};
	}

	private static JsonNode randomValue(Random random) {
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
		double[] values = { 1e308, -1e308, 1e300, 1e-320, -0.0, 1e20, 4096, -4097, 1e154 };
		return values[random.nextInt(values.length)];
	}

	private static JsonNode wrap(JsonNode value) {
		return NODES.arrayNode().add(value);
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

	private static String typo(String name, Random random) {
		return switch (random.nextInt(5)) {
			case 0 -> name.substring(0, name.length() - 1);
			case 1 -> name + "s";
			case 2 -> name.toUpperCase();
			case 3 -> name.replaceAll("([A-Z])", "_$1").toLowerCase();
			default -> " " + name;
		};
	}

	private static void assertOnlyFiniteNumbers(JsonNode node, String why) {
		if (node.isNumber()) {
			assertThat(Double.isFinite(node.asDouble())).as(why).isTrue();
		}
		else if (node.isString()) {
			assertThat(node.asString()).as(why).isNotIn("NaN", "Infinity", "-Infinity");
		}
		for (JsonNode child : node) {
			assertOnlyFiniteNumbers(child, why);
		}
	}

	/** A place in the tree: a field of an object or an element of an array. */
	private record Slot(JsonNode parent, String name, int index) {

		JsonNode value() {
			return parent instanceof ObjectNode o ? o.get(name) : parent.get(index);
		}

		void set(JsonNode value) {
			if (parent instanceof ObjectNode o) {
				o.set(name, value);
			}
			else {
				((ArrayNode) parent).set(index, value);
			}
		}

		void remove() {
			if (parent instanceof ObjectNode o) {
				o.remove(name);
			}
			else {
				((ArrayNode) parent).remove(index);
			}
		}

		void rename(String newName) {
			if (parent instanceof ObjectNode o) {
				JsonNode value = o.remove(name);
				o.set(newName, value);
			}
		}

		@Override
		public String name() {
			return name == null ? "value" : name;
		}
	}

	private static void collect(JsonNode node, List<Slot> slots) {
		if (node instanceof ObjectNode object) {
			for (Map.Entry<String, JsonNode> field : object.properties()) {
				slots.add(new Slot(object, field.getKey(), -1));
				collect(field.getValue(), slots);
			}
		}
		else if (node instanceof ArrayNode array) {
			for (int i = 0; i < array.size(); i++) {
				slots.add(new Slot(array, null, i));
				collect(array.get(i), slots);
			}
		}
	}

}
