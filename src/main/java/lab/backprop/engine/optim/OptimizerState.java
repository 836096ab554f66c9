package lab.backprop.engine.optim;

import java.util.List;
import java.util.Map;

import org.apache.commons.math3.linear.RealMatrix;

/**
 * What an optimizer remembers between steps: the number of steps taken and, per layer,
 * its buffers.
 *
 * @param step the number of steps taken so far (0 before the first)
 * @param layers first to last; empty before the first step (every buffer then starts as
 * PyTorch starts it)
 */
public record OptimizerState(long step, List<LayerState> layers) {

	public OptimizerState {
		layers = List.copyOf(layers);
	}

	public static OptimizerState initial() {
		return new OptimizerState(0, List.of());
	}

	/**
	 * One layer's buffers by name: each weights buffer is shaped like the weights (inputs
	 * × outputs), each bias buffer like the bias.
	 */
	public record LayerState(Map<String, RealMatrix> weights, Map<String, double[]> bias) {

		public LayerState {
			weights = Map.copyOf(weights);
			bias = Map.copyOf(bias);
		}
	}
}
