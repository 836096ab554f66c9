package lab.backprop.request;

import java.util.List;

/**
 * The fields of a /train-step body, which /train, /gradient-check and /check take too:
 * each endpoint's own record implements this, so that one reader checks them all and
 * unknown fields are still refused per endpoint.
 */
@OneNetworkForm
public interface StepBody {

	/** The messages of the field rules every such body shares. */
	String INPUTS_REQUIRED = "is required: batch × features, one row per example";

	String LAYER_NOT_NULL = "must be a layer object \\{weights, bias, activation\\}, not null";

	String LAYERS_NOT_EMPTY = "must contain at least one layer";

	String LEARNING_RATE_REQUIRED = "is required: a finite number > 0, such as 0.1";

	String LEARNING_RATE_RANGE = "must be a finite number > 0, not ${validatedValue}";

	NumberArray inputs();

	NumberArray weights();

	NumberArray bias();

	String activation();

	List<TrainStepRequest.LayerSpec> layers();

	NumberArray label();

	String loss();

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

	/** Whether any field of the single-layer form was given. */
	default boolean singleLayerForm() {
		return weights() != null || bias() != null || activation() != null;
	}

}
