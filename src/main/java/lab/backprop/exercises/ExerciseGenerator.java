package lab.backprop.exercises;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import lab.backprop.explain.ExerciseLevel;
import lab.backprop.explain.StepValue;

/**
 * Draws an exercise from a seed: every number a multiple of 0.1 (easy to work by hand),
 * drawn with {@link SplittableRandom}, whose sequence for a seed is fixed by its
 * specification, and turned into a double by one division of small integers, which is
 * correctly rounded everywhere: the same seed gives the same exercise on every machine
 * and every JDK.
 */
final class ExerciseGenerator {

	/** Learning rates to draw from (never 1, where θ − g and θ − η·g would agree). */
	private static final double[] LEARNING_RATES = { 0.1, 0.2, 0.5 };

	private ExerciseGenerator() {
	}

	/** One layer as drawn: weights inputs × outputs, one bias per output. */
	record LayerDraw(double[][] weights, double[] bias, String activation) {
	}

	/** A value to compute: its pointer into the /train-step answer, and its shape. */
	record Question(String pointer, StepValue value, int layer, int rows, int columns) {
	}

	/** The network of an exercise and what to compute. */
	record Exercise(ExerciseLevel level, long seed, double[][] inputs, List<LayerDraw> layers, double[][] label,
			String loss, double learningRate, List<Question> questions) {

		ExerciseLevel.Facts facts() {
			LayerDraw first = layers.get(0);
			return new ExerciseLevel.Facts(first.activation(), inputs[0].length, loss, learningRate,
					layers.size() > 1 ? first.bias().length : 0);
		}

	}

	static Exercise draw(ExerciseLevel level, long seed) {
		SplittableRandom random = new SplittableRandom(seed);
		int features = level == ExerciseLevel.HIDDEN_LAYER ? 2 : 2 + random.nextInt(2);
		double[][] inputs = { tenths(random, features, 1, 9) };
		String loss = "mse";
		double learningRate = LEARNING_RATES[random.nextInt(LEARNING_RATES.length)];
		List<LayerDraw> layers = new ArrayList<>();
		double[][] label;
		List<Question> questions = new ArrayList<>();
		if (level == ExerciseLevel.HIDDEN_LAYER) {
			String hidden = random.nextBoolean() ? "sigmoid" : "tanh";
			layers.add(layer(random, features, 2, hidden));
			layers.add(layer(random, 2, 1, "sigmoid"));
			label = new double[][] { { tenth(random, 1, 9) } };
			questions.add(new Question("/forward/layers/0/output", StepValue.OUTPUT, 0, 1, 2));
			questions.add(new Question("/forward/prediction", StepValue.PREDICTION, -1, 1, 1));
			questions.add(new Question("/forward/loss", StepValue.LOSS, -1, 1, 1));
			questions.add(new Question("/backward/layers/1/dL_dZ", StepValue.DL_DZ, 1, 1, 1));
			questions.add(new Question("/backward/layers/1/dL_dW", StepValue.DL_DW, 1, 2, 1));
			questions.add(new Question("/backward/layers/0/dL_dOutput", StepValue.DL_DOUTPUT, 0, 1, 2));
			questions.add(new Question("/backward/layers/0/dL_dZ", StepValue.DL_DZ, 0, 1, 2));
			questions.add(new Question("/backward/layers/0/dL_dW", StepValue.DL_DW, 0, features, 2));
			questions.add(new Question("/backward/layers/0/dL_db", StepValue.DL_DB, 0, 1, 2));
			questions.add(new Question("/update/layers/0/weights", StepValue.NEW_WEIGHTS, 0, features, 2));
		}
		else {
			String activation = random.nextBoolean() ? "sigmoid" : "tanh";
			layers.add(layer(random, features, 1, activation));
			// a label the activation can reach: (0, 1) for sigmoid, (−1, 1) for tanh
			label = new double[][] { { activation.equals("sigmoid") ? tenth(random, 1, 9) : tenth(random, -9, 9) } };
			questions.add(new Question("/forward/layers/0/z", StepValue.Z, 0, 1, 1));
			questions.add(new Question("/forward/prediction", StepValue.PREDICTION, -1, 1, 1));
			questions.add(new Question("/forward/loss", StepValue.LOSS, -1, 1, 1));
			if (level == ExerciseLevel.STEP) {
				questions.add(new Question("/backward/dL_dPrediction", StepValue.DL_DPREDICTION, -1, 1, 1));
				questions.add(new Question("/backward/layers/0/dOutput_dZ", StepValue.DOUTPUT_DZ, 0, 1, 1));
				questions.add(new Question("/backward/layers/0/dL_dZ", StepValue.DL_DZ, 0, 1, 1));
				questions.add(new Question("/backward/layers/0/dL_dW", StepValue.DL_DW, 0, features, 1));
				questions.add(new Question("/backward/layers/0/dL_db", StepValue.DL_DB, 0, 1, 1));
				questions.add(new Question("/update/layers/0/weights", StepValue.NEW_WEIGHTS, 0, features, 1));
				questions.add(new Question("/update/layers/0/bias", StepValue.NEW_BIAS, 0, 1, 1));
			}
		}
		return new Exercise(level, seed, inputs, List.copyOf(layers), label, loss, learningRate,
				List.copyOf(questions));
	}

	private static LayerDraw layer(SplittableRandom random, int inputs, int outputs, String activation) {
		double[][] weights = new double[inputs][];
		for (int m = 0; m < inputs; m++) {
			weights[m] = tenths(random, outputs, 1, 9);
		}
		double[] bias = new double[outputs];
		for (int j = 0; j < outputs; j++) {
			bias[j] = tenth(random, -5, 5);
		}
		return new LayerDraw(weights, bias, activation);
	}

	/**
	 * {@code count} values ±k/10 with k from {@code low} to {@code high}, signs drawn
	 * too.
	 */
	private static double[] tenths(SplittableRandom random, int count, int low, int high) {
		double[] values = new double[count];
		for (int i = 0; i < count; i++) {
			int size = low + random.nextInt(high - low + 1);
			values[i] = (random.nextBoolean() ? size : -size) / 10.0;
		}
		return values;
	}

	/** k/10 with k from {@code low} to {@code high}. */
	private static double tenth(SplittableRandom random, int low, int high) {
		return (low + random.nextInt(high - low + 1)) / 10.0;
	}

}
