package lab.backprop.datasets;

import java.util.Map;

import lab.backprop.engine.data.DataShape;

/** What each data set is, for people: a title and a sentence. */
final class DatasetDescriptions {

	record Text(String title, String description) {
	}

	private static final Map<DataShape, Text> TEXTS = Map.of(DataShape.CIRCLE,
			new Text("Circle",
					"Label 1 inside radius 2.5, label 0 in a ring from 3.5 to 5 around it: no straight line separates "
							+ "them, one hidden layer does (or the features x1^2 and x2^2 with no hidden layer)."),
			DataShape.XOR,
			new Text("XOR quadrants",
					"Points in the square from -5 to 5, label 1 where exactly one coordinate is positive: the XOR "
							+ "problem with many points; x1*x2 alone separates it."),
			DataShape.GAUSS,
			new Text("Two Gaussian clouds",
					"Label 1 around (2, 2), label 0 around (-2, -2); a single neuron separates them, and the "
							+ "noise makes the clouds overlap."),
			DataShape.SPIRAL,
			new Text("Two spirals",
					"Two interleaved arms of 1.75 turns each: the hardest of the set, for two or three hidden "
							+ "layers (or the sin features)."),
			DataShape.MOONS,
			new Text("Two moons",
					"Two interleaved half circles (scikit-learn's make_moons, scaled to radius 3), with Gaussian "
							+ "noise: a curved boundary."),
			DataShape.PLANE,
			new Text("Plane (regression)",
					"A real label (x1 + x2) / 10 on the square from -6 to 6: a linear neuron fits it exactly "
							+ "without noise."),
			DataShape.GAUSSIANS, new Text("Six bumps (regression)",
					"A real label from six cone-shaped bumps, alternately +1 and -1, on the square from -6 to 6."));

	private DatasetDescriptions() {
	}

	static Text of(DataShape shape) {
		return TEXTS.get(shape);
	}

}
