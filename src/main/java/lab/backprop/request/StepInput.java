package lab.backprop.request;

import org.apache.commons.math3.linear.RealMatrix;

import lab.backprop.engine.Loss;
import lab.backprop.engine.Network;
import lab.backprop.engine.Regularization;
import lab.backprop.engine.optim.Optimizer;
import lab.backprop.engine.optim.OptimizerState;

/** A checked request, in the engine's terms. */
public record StepInput(Network network, RealMatrix inputs, RealMatrix labels, Loss loss, double learningRate,
		Optimizer optimizer, OptimizerState optimizerState, Regularization regularization) {

	/** A request without a penalty on the weights. */
	public StepInput(Network network, RealMatrix inputs, RealMatrix labels, Loss loss, double learningRate,
			Optimizer optimizer, OptimizerState optimizerState) {
		this(network, inputs, labels, loss, learningRate, optimizer, optimizerState, Regularization.NONE);
	}
}
