package lab.backprop.train;

import java.util.Random;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import lab.backprop.Api;

/**
 * /train bodies whose steps cost enough (2 → 32 → 32 → 1 tanh on 200 points, about 0.7
 * million multiply-adds each) that a run's length is set by its step count, not by how
 * fast this machine happens to be today.
 */
final class TrainBodies {

	private TrainBodies() {
	}

	static ObjectNode wide(int steps, int recordEvery) {
		Random random = new Random(11);
		ObjectNode body = Api.JSON.createObjectNode();
		ArrayNode inputs = body.putArray("inputs");
		ArrayNode label = body.putArray("label");
		for (int i = 0; i < 200; i++) {
			double x = random.nextDouble() * 2 - 1;
			double y = random.nextDouble() * 2 - 1;
			inputs.addArray().add(x).add(y);
			label.addArray().add(x * x + y * y < 0.5 ? 1.0 : 0.0);
		}
		ArrayNode layers = body.putArray("layers");
		int[] sizes = { 2, 32, 32, 1 };
		for (int l = 1; l < sizes.length; l++) {
			ObjectNode layer = layers.addObject();
			ArrayNode weights = layer.putArray("weights");
			for (int r = 0; r < sizes[l - 1]; r++) {
				ArrayNode row = weights.addArray();
				for (int c = 0; c < sizes[l]; c++) {
					row.add(random.nextGaussian() / Math.sqrt(sizes[l - 1]));
				}
			}
			layer.put("bias", 0.0);
			layer.put("activation", l == sizes.length - 1 ? "sigmoid" : "tanh");
		}
		body.put("loss", "binary_cross_entropy");
		body.put("learningRate", 0.01);
		body.put("steps", steps);
		body.put("recordEvery", recordEvery);
		return body;
	}

}
