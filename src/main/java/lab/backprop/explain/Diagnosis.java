package lab.backprop.explain;

import java.util.List;

import lab.backprop.engine.NetworkHealth;
import lab.backprop.engine.NetworkHealth.LayerHealth;

/**
 * The cases of the whole-network explanations, read from the engine's
 * {@link NetworkHealth}: each constant names the last segment of a message key, and the
 * limits that choose it are here, with their reasons.
 */
final class Diagnosis {

	/**
	 * A layer's weight gradients at most this fraction of the output layer's: vanishing.
	 * The first layer of the deep tanh example is at about 5e-4; two sigmoid layers
	 * alone, at about 1e-2, sit on the edge.
	 */
	static final double VANISHING_RATIO = 1e-2;

	/** At least this multiple of the output layer's: exploding. */
	static final double EXPLODING_RATIO = 1e2;

	/** Between these, a layer's gradients count as about the output layer's size. */
	static final double SIMILAR_LOW = 0.5;

	static final double SIMILAR_HIGH = 2.0;

	/**
	 * ‖ΔW‖ / ‖W‖: about 1e-3 is the usual healthy size; far below, the weights hardly
	 * move (the learning rate is too small); far above, the step may overshoot.
	 */
	static final double UPDATE_TINY = 1e-5;

	static final double UPDATE_SMALL = 1e-4;

	static final double UPDATE_HEALTHY = 1e-2;

	static final double UPDATE_LARGE = 1e-1;

	/** At least this share of a layer's ReLU units dead: the layer has mostly stopped. */
	static final double MOSTLY_DEAD = 0.5;

	private Diagnosis() {
	}

	/** A layer's gradients against the output layer's. */
	enum GradientScale {

		OUTPUT, UNDEFINED, VANISHING, SMALLER, SIMILAR, LARGER, EXPLODING;

		static GradientScale of(LayerHealth layer, boolean output) {
			double ratio = layer.gradientRatio();
			if (output) {
				return OUTPUT;
			}
			if (Double.isNaN(ratio)) {
				return UNDEFINED;
			}
			if (ratio < VANISHING_RATIO) {
				return VANISHING;
			}
			if (ratio > EXPLODING_RATIO) {
				return EXPLODING;
			}
			return ratio < SIMILAR_LOW ? SMALLER : ratio > SIMILAR_HIGH ? LARGER : SIMILAR;
		}

	}

	/** How many of a ReLU layer's units are dead for the whole batch. */
	enum DeadUnits {

		NONE, SOME, MOST, ALL;

		static DeadUnits of(LayerHealth layer) {
			if (layer.deadUnits() == 0) {
				return NONE;
			}
			if (layer.deadUnits() == layer.units()) {
				return ALL;
			}
			return layer.deadShare() >= MOSTLY_DEAD ? MOST : SOME;
		}

	}

	/** The size of a layer's update against its weights. */
	enum UpdateSize {

		NONE, ZERO_WEIGHTS, TINY, SMALL, HEALTHY, LARGE, HUGE;

		static UpdateSize of(LayerHealth layer) {
			if (layer.updateNorm() == 0.0) {
				return NONE;
			}
			if (layer.weightNorm() == 0.0) {
				return ZERO_WEIGHTS;
			}
			double ratio = layer.updateRatio();
			if (ratio < UPDATE_TINY) {
				return TINY;
			}
			if (ratio < UPDATE_SMALL) {
				return SMALL;
			}
			if (ratio <= UPDATE_HEALTHY) {
				return HEALTHY;
			}
			return ratio <= UPDATE_LARGE ? LARGE : HUGE;
		}

	}

	/**
	 * The one thing most worth noticing about a step, in this order of precedence: a loss
	 * of 0 leaves nothing to learn; a loss that rose says the step failed, whatever else
	 * is true; then what stops layers from learning (exploding, vanishing, dead units);
	 * then a learning rate far off; else nothing alarming.
	 */
	enum Summary {

		LOSS_ZERO, LOSS_ROSE, EXPLODING, VANISHING, DEAD_UNITS, LEARNING_RATE_HIGH, LEARNING_RATE_LOW, HEALTHY

	}

	/** The layer a summary is about (its index), with the case. */
	record Finding(Summary summary, int layer) {

		static Finding of(NetworkHealth health, double loss, double lossChange) {
			List<LayerHealth> layers = health.layers();
			if (loss == 0.0) {
				return new Finding(Summary.LOSS_ZERO, layers.size() - 1);
			}
			if (lossChange > 0.0) {
				return new Finding(Summary.LOSS_ROSE, largestUpdate(layers));
			}
			int extreme = -1;
			for (int l = 0; l < layers.size() - 1; l++) {
				if (GradientScale.of(layers.get(l), false) == GradientScale.EXPLODING
						&& (extreme < 0 || layers.get(l).gradientRatio() > layers.get(extreme).gradientRatio())) {
					extreme = l;
				}
			}
			if (extreme >= 0) {
				return new Finding(Summary.EXPLODING, extreme);
			}
			for (int l = 0; l < layers.size() - 1; l++) {
				if (GradientScale.of(layers.get(l), false) == GradientScale.VANISHING
						&& (extreme < 0 || layers.get(l).gradientRatio() < layers.get(extreme).gradientRatio())) {
					extreme = l;
				}
			}
			if (extreme >= 0) {
				return new Finding(Summary.VANISHING, extreme);
			}
			for (int l = 0; l < layers.size(); l++) {
				if (layers.get(l).canDie() && layers.get(l).deadShare() >= MOSTLY_DEAD
						&& (extreme < 0 || layers.get(l).deadShare() > layers.get(extreme).deadShare())) {
					extreme = l;
				}
			}
			if (extreme >= 0) {
				return new Finding(Summary.DEAD_UNITS, extreme);
			}
			int largest = largestUpdate(layers);
			UpdateSize size = UpdateSize.of(layers.get(largest));
			if (size == UpdateSize.HUGE || size == UpdateSize.ZERO_WEIGHTS) {
				return new Finding(Summary.LEARNING_RATE_HIGH, largest);
			}
			if (size == UpdateSize.TINY) {
				return new Finding(Summary.LEARNING_RATE_LOW, largest);
			}
			return new Finding(Summary.HEALTHY, largest);
		}

		/**
		 * The layer whose update is largest against its weights (a moved zero layer
		 * first).
		 */
		private static int largestUpdate(List<LayerHealth> layers) {
			int largest = 0;
			for (int l = 1; l < layers.size(); l++) {
				if (rank(layers.get(l)) > rank(layers.get(largest))) {
					largest = l;
				}
			}
			return largest;
		}

		private static double rank(LayerHealth layer) {
			return Double.isNaN(layer.updateRatio()) ? 0.0 : layer.updateRatio();
		}

	}

}
