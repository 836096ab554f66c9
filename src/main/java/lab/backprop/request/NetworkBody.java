package lab.backprop.request;

import java.util.List;

/**
 * The fields of a body that describe a network, its inputs and, optionally, labels and a
 * loss: what every computing endpoint takes. {@link StepBody} adds the training fields;
 * POST /predict takes these alone. Each endpoint's own record implements one of them, so
 * that one reader checks them all and unknown fields are still refused per endpoint.
 */
@OneNetworkForm
public interface NetworkBody {

	/** The messages of the field rules every such body shares. */
	String INPUTS_REQUIRED = "is required: batch × features, one row per example";

	String LAYER_NOT_NULL = "must be a layer object \\{weights, bias, activation\\}, not null";

	String LAYERS_NOT_EMPTY = "must contain at least one layer";

	NumberArray inputs();

	NumberArray weights();

	NumberArray bias();

	String activation();

	List<TrainStepRequest.LayerSpec> layers();

	NumberArray label();

	String loss();

	/** Whether any field of the single-layer form was given. */
	default boolean singleLayerForm() {
		return weights() != null || bias() != null || activation() != null;
	}

}
