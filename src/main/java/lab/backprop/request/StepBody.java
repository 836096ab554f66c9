package lab.backprop.request;

/**
 * The fields of a /train-step body, which /train, /gradient-check and /check take too:
 * the network's ({@link NetworkBody}) and the training step's. Each endpoint's own record
 * implements this, so that one reader checks them all and unknown fields are still
 * refused per endpoint.
 */
public interface StepBody extends NetworkBody {

	/**
	 * The messages of the training fields' rules (the network's are
	 * {@link NetworkBody}'s).
	 */
	String LEARNING_RATE_REQUIRED = "is required: a finite number > 0, such as 0.1";

	String LEARNING_RATE_RANGE = "must be a finite number > 0, not ${validatedValue}";

	Double learningRate();

	OptimizerSpec optimizer();

	OptimizerStateBody optimizerState();

	/**
	 * The penalty on the weights, or {@code null} for none; a body whose record has no
	 * such field takes none.
	 */
	default RegularizationSpec regularization() {
		return null;
	}

}
