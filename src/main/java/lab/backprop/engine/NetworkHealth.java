package lab.backprop.engine;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.math3.linear.RealMatrix;

import lab.backprop.engine.linalg.Matrices;

/**
 * What one step says about the network as a whole, layer by layer: how large each layer's
 * weight gradients are against the output layer's (vanishing or exploding with depth),
 * how many ReLU units are dead for the whole batch, and how large the update is against
 * the weights (about 1e-3 is the usual healthy size). The explanations read these
 * numbers; they compute none of their own.
 */
public record NetworkHealth(List<LayerHealth> layers) {

	/**
	 * One layer's measures.
	 *
	 * @param gradientRms the root mean square of the layer's dL/dW elements
	 * @param outputGradientRms the same for the output layer
	 * @param gradientRatio gradientRms / outputGradientRms: far below 1 is a vanishing
	 * gradient, far above an exploding one; NaN when the output layer's gradient is 0
	 * @param units the layer's neurons
	 * @param deadUnits for a ReLU layer, the units whose z is at most 0 for every example
	 * of the batch (they pass no gradient back and will not learn); 0 otherwise
	 * @param deadShare deadUnits / units
	 * @param weightNorm ‖W‖, the Frobenius norm of the weights before the step
	 * @param updateNorm ‖ΔW‖, the Frobenius norm of what the step added to them
	 * @param updateRatio updateNorm / weightNorm (infinite for all-zero weights that
	 * moved, NaN when neither moved)
	 */
	public record LayerHealth(double gradientRms, double outputGradientRms, double gradientRatio, int units,
			int deadUnits, double deadShare, double weightNorm, double updateNorm, double updateRatio,
			Activation activation) {

		/** Whether dead units are possible here: a ReLU layer. */
		public boolean canDie() {
			return activation == Activation.RELU;
		}
	}

	public static NetworkHealth of(TrainingStep.Result step) {
		int depth = step.network().depth();
		double outputRms = rms(step.backward().layers().get(depth - 1).dLdW());
		List<LayerHealth> layers = new ArrayList<>(depth);
		for (int l = 0; l < depth; l++) {
			Layer layer = step.network().layer(l);
			double gradientRms = rms(step.backward().layers().get(l).dLdW());
			double ratio = outputRms == 0.0 ? Double.NaN : gradientRms / outputRms;
			int dead = layer.activation() == Activation.RELU ? deadUnits(step.forward().layers().get(l).z()) : 0;
			double weightNorm = layer.weights().getFrobeniusNorm();
			double updateNorm = step.weightChange(l).getFrobeniusNorm();
			layers.add(new LayerHealth(gradientRms, outputRms, ratio, layer.outputs(), dead,
					(double) dead / layer.outputs(), weightNorm, updateNorm, updateNorm / weightNorm,
					layer.activation()));
		}
		return new NetworkHealth(List.copyOf(layers));
	}

	/**
	 * The first layer is where a gradient that shrinks or grows with depth is most
	 * extreme.
	 */
	public LayerHealth first() {
		return layers.get(0);
	}

	private static double rms(RealMatrix m) {
		double sum = 0.0;
		double[] values = Matrices.data(m);
		for (double v : values) {
			sum += v * v;
		}
		return Math.sqrt(sum / values.length);
	}

	/** The columns of z (batch × units) at most 0 in every row. */
	private static int deadUnits(RealMatrix z) {
		int dead = 0;
		for (int j = 0; j < z.getColumnDimension(); j++) {
			boolean off = true;
			for (int i = 0; i < z.getRowDimension() && off; i++) {
				off = z.getEntry(i, j) <= 0.0;
			}
			dead += off ? 1 : 0;
		}
		return dead;
	}

}
