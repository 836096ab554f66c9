package lab.backprop;

import java.util.Random;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * /train bodies whose steps cost enough that a run's length is set by its step count, not
 * by how fast this machine happens to be today: 2 → width → width → 1 tanh networks on
 * points of a circle (Gaussian points, label 1 inside the unit circle).
 */
public final class TrainBodies {

	private TrainBodies() {
	}

	/** 2 → 32 → 32 → 1 on 200 points (about 0.7 million multiply-adds a step). */
	public static ObjectNode wide(int steps, int recordEvery) {
		return circle(200, 32, steps).put("recordEvery", recordEvery);
	}

	/** 2 → width → width → 1 on {@code points} points, {@code steps} steps. */
	public static ObjectNode circle(int points, int width, int steps) {
		Random random = new Random(4);
		ObjectNode body = Api.JSON.createObjectNode();
		ArrayNode inputs = body.putArray("inputs");
		ArrayNode labels = body.putArray("label");
		for (int i = 0; i < points; i++) {
			double x = random.nextGaussian();
			double y = random.nextGaussian();
			inputs.addArray().add(x).add(y);
			labels.addArray().add(x * x + y * y < 1 ? 1 : 0);
		}
		ArrayNode layers = body.putArray("layers");
		int[] sizes = { 2, width, width, 1 };
		for (int l = 1; l < sizes.length; l++) {
			ObjectNode layer = layers.addObject();
			ArrayNode weights = layer.putArray("weights");
			for (int r = 0; r < sizes[l - 1]; r++) {
				ArrayNode row = weights.addArray();
				for (int c = 0; c < sizes[l]; c++) {
					row.add(random.nextGaussian() / Math.sqrt(sizes[l - 1]));
				}
			}
			layer.put("bias", 0);
			layer.put("activation", l == sizes.length - 1 ? "sigmoid" : "tanh");
		}
		body.put("loss", "binary_cross_entropy");
		body.put("learningRate", 0.1);
		body.put("steps", steps);
		return body;
	}

}
