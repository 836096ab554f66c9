package lab.backprop.step;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import lab.backprop.engine.linalg.Matrices;
import lab.backprop.engine.optim.Adam;
import lab.backprop.engine.optim.Optimizer;
import lab.backprop.engine.optim.OptimizerState;
import lab.backprop.engine.optim.RmsProp;
import lab.backprop.engine.optim.Sgd;
import lab.backprop.request.OptimizerSpec;
import lab.backprop.request.OptimizerStateBody;

/**
 * Writes the engine's optimizer and its state in the request's own form, so that an
 * answer's {@code update.optimizer} and {@code optimizerState} can be sent back as they
 * are.
 */
public final class OptimizerBodies {

	private OptimizerBodies() {
	}

	/** The optimizer as run, every hyper-parameter filled in. */
	public static OptimizerSpec describe(Optimizer optimizer) {
		if (optimizer instanceof Sgd sgd) {
			return new OptimizerSpec(sgd.type(), sgd.momentum(), sgd.nesterov() ? null : sgd.dampening(),
					sgd.nesterov(), null, null, null, null, sgd.weightDecay());
		}
		if (optimizer instanceof Adam adam) {
			return new OptimizerSpec(adam.type(), null, null, null, new double[] { adam.beta1(), adam.beta2() }, null,
					adam.eps(), null, adam.weightDecay());
		}
		if (optimizer instanceof RmsProp rms) {
			return new OptimizerSpec(rms.type(), rms.momentum(), null, null, null, rms.alpha(), rms.eps(),
					rms.centered(), rms.weightDecay());
		}
		return new OptimizerSpec(optimizer.type(), null, null, null, null, null, null, null, null);
	}

	/** The state, buffers in the optimizer's order. */
	public static OptimizerStateBody state(Optimizer optimizer, OptimizerState state) {
		List<OptimizerStateBody.LayerStateBody> layers = null;
		if (!state.layers().isEmpty()) {
			layers = new ArrayList<>();
			for (OptimizerState.LayerState layer : state.layers()) {
				Map<String, double[][]> weights = new LinkedHashMap<>();
				Map<String, double[]> bias = new LinkedHashMap<>();
				for (String name : optimizer.bufferNames()) {
					weights.put(name, Matrices.rows(layer.weights().get(name)));
					bias.put(name, layer.bias().get(name));
				}
				layers.add(new OptimizerStateBody.LayerStateBody(weights, bias));
			}
		}
		return new OptimizerStateBody(optimizer.type(), state.step(), layers);
	}

}
