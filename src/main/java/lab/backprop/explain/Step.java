package lab.backprop.explain;

import org.apache.commons.math3.linear.RealMatrix;

import lab.backprop.engine.Loss;
import lab.backprop.engine.Network;
import lab.backprop.engine.Regularization;
import lab.backprop.engine.TrainingStep;

/**
 * What an explanation is made of: the request, in the engine's terms, and what the step
 * computed.
 */
public record Step(Network network, RealMatrix inputs, RealMatrix labels, Loss loss, Regularization regularization,
		TrainingStep.Result result) {

	/** A step without a penalty on the weights. */
	public Step(Network network, RealMatrix inputs, RealMatrix labels, Loss loss, TrainingStep.Result result) {
		this(network, inputs, labels, loss, Regularization.NONE, result);
	}
}
