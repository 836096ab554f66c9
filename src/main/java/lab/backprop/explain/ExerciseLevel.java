package lab.backprop.explain;

/** The three levels of an exercise, each with its title and instructions. */
public enum ExerciseLevel {

	/** Level 1: a single neuron's forward pass and loss. */
	FORWARD,
	/** Level 2: a single neuron's whole step. */
	STEP,
	/** Level 3: backpropagation through a hidden layer. */
	HIDDEN_LAYER;

	/** The level's number, from 1. */
	public int number() {
		return ordinal() + 1;
	}

	/** The level numbered {@code number} (1 to 3). */
	public static ExerciseLevel of(int number) {
		return values()[number - 1];
	}

	/**
	 * What the instructions of an exercise say about its network.
	 *
	 * @param activation the activation of the neuron, or of the hidden layer
	 * @param inputs the number of input features
	 * @param hiddenUnits the hidden layer's width (level 3), else 0
	 */
	public record Facts(String activation, int inputs, String loss, double learningRate, int hiddenUnits) {
	}

}
