package lab.backprop.examples;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import lab.backprop.engine.Activation;
import lab.backprop.engine.Layer;
import lab.backprop.engine.Network;
import lab.backprop.engine.data.DataSet;
import lab.backprop.engine.data.DataShape;
import lab.backprop.engine.data.Feature;
import lab.backprop.engine.data.Initializer;
import lab.backprop.engine.linalg.Matrices;

/**
 * The examples on a data set, built when the service starts from a recipe in their
 * resource: {@code dataset} (the parameters of GET /datasets/{name}) and {@code network}
 * (those of GET /initial-layers) give the request's {@code inputs}, {@code label} and
 * {@code layers} and the {@code test} points; the resource's {@code request} adds the
 * rest (loss, learning rate, optimizer). Generated rather than stored: the bodies are
 * always exactly what those two endpoints answer, and a change of generator shows in the
 * generators' pin tests, not in thousands of stored numbers.
 */
final class DataExamples {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private DataExamples() {
	}

	/**
	 * What a recipe gives: the full request, the test points and where they came from.
	 */
	record Built(ObjectNode request, ObjectNode test, String dataset, String initialLayers) {
	}

	static Built build(String name, JsonNode recipe) {
		JsonNode data = required(name, recipe, "dataset");
		JsonNode network = required(name, recipe, "network");
		DataShape shape = DataShape.named(required(name, data, "name").asString());
		if (shape == null) {
			throw new IllegalStateException("the example " + name + " names an unknown data set");
		}
		DataSet.Spec spec = new DataSet.Spec(data.get("points").asInt(), data.get("noise").asDouble(),
				data.get("testFraction").asDouble(), data.get("seed").asLong());
		List<Feature> features = strings(data.get("features")).stream().map(Feature::named).toList();
		DataSet set = DataSet.generate(shape, spec);

		int[] sizes = new int[network.get("sizes").size()];
		for (int i = 0; i < sizes.length; i++) {
			sizes[i] = network.get("sizes").get(i).asInt();
		}
		List<String> activationNames = strings(network.get("activations"));
		Initializer init = Initializer.valueOf(network.get("init").asString().toUpperCase(java.util.Locale.ROOT));
		long seed = network.get("seed").asLong();
		if (sizes[0] != features.size()) {
			throw new IllegalStateException(
					"the example " + name + " has " + features.size() + " features but " + sizes[0] + " inputs");
		}
		Network start = init.network(sizes, activations(activationNames), seed);

		Feature[] columns = features.toArray(Feature[]::new);
		ObjectNode request = NODES.objectNode();
		request.set("inputs", matrix(set.train().inputs(columns)));
		request.set("layers", layers(start));
		request.set("label", matrix(set.train().labelColumn()));
		required(name, recipe, "request").properties().forEach(field -> request.set(field.getKey(), field.getValue()));
		ObjectNode test = NODES.objectNode();
		test.set("inputs", matrix(set.test().inputs(columns)));
		test.set("label", matrix(set.test().labelColumn()));

		String featureList = String.join(",", features.stream().map(Feature::wireName).toList());
		String dataset = "/datasets/" + shape.wireName() + "?points=" + spec.points() + "&noise=" + spec.noise()
				+ "&testFraction=" + spec.testFraction() + "&seed=" + spec.seed() + "&features="
				+ featureList.replace("^", "%5E");
		String initialLayers = "/initial-layers?sizes="
				+ Arrays.stream(sizes).mapToObj(Integer::toString).collect(Collectors.joining(",")) + "&activations="
				+ String.join(",", activationNames) + "&init=" + init.wireName() + "&seed=" + seed;
		return new Built(request, test, dataset, initialLayers);
	}

	private static List<Activation> activations(List<String> names) {
		Map<String, Activation> byName = Arrays.stream(Activation.values())
			.collect(Collectors.toMap(Activation::wireName, a -> a));
		List<Activation> activations = new ArrayList<>();
		for (String name : names) {
			activations.add(byName.get(name));
		}
		return activations;
	}

	private static ArrayNode layers(Network network) {
		ArrayNode layers = NODES.arrayNode();
		for (Layer layer : network.layers()) {
			ObjectNode node = layers.addObject();
			node.set("weights", matrix(Matrices.rows(layer.weights())));
			ArrayNode bias = node.putArray("bias");
			for (double b : layer.bias().toArray()) {
				bias.add(b);
			}
			node.put("activation", layer.activation().wireName());
		}
		return layers;
	}

	private static ArrayNode matrix(double[][] rows) {
		ArrayNode matrix = NODES.arrayNode();
		for (double[] row : rows) {
			ArrayNode values = matrix.addArray();
			for (double v : row) {
				values.add(v);
			}
		}
		return matrix;
	}

	private static List<String> strings(JsonNode array) {
		List<String> values = new ArrayList<>();
		array.forEach(v -> values.add(v.asString()));
		return values;
	}

	private static JsonNode required(String example, JsonNode node, String field) {
		JsonNode value = node.get(field);
		if (value == null) {
			throw new IllegalStateException("the example " + example + " has no '" + field + "'");
		}
		return value;
	}

}
