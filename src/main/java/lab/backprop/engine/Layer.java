package lab.backprop.engine;

import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;

/**
 * One dense layer: {@code z = input · weights + bias}, {@code output = activation(z)}.
 *
 * @param weights inputs × outputs
 * @param bias one value per output neuron
 */
public record Layer(RealMatrix weights, RealVector bias, Activation activation) {

	public Layer {
		if (weights.getColumnDimension() != bias.getDimension()) {
			throw new IllegalArgumentException("weights have " + weights.getColumnDimension() + " columns but bias has "
					+ bias.getDimension() + " values");
		}
	}

	public int inputs() {
		return weights.getRowDimension();
	}

	public int outputs() {
		return weights.getColumnDimension();
	}

	public int parameterCount() {
		return inputs() * outputs() + outputs();
	}
}
