package lab.backprop.engine.slips;

import java.util.Locale;

/**
 * A slip that turns a right number into a wrong one, in the order they are tried: when
 * two slips give the same numbers, the first one here is named. The slips of the
 * computation come first (each names a cause: a dropped factor, a forgotten term), then
 * those of the written answer ({@link #TRANSPOSED}, {@link #SIGN}), which fit a wrong
 * number whatever caused it.
 */
public enum Slip {

	/** θ + η·g instead of θ − η·g: the step taken up the gradient. */
	WRONG_UPDATE_DIRECTION(Scope.STEP),

	/** θ − g: the learning rate left out of the update. */
	LEARNING_RATE_MISSING(Scope.STEP),

	/**
	 * dL/dŷ of a squared error without its 2 (half the right gradient, and everything
	 * after it).
	 */
	MISSING_FACTOR_2(Scope.STEP),

	/**
	 * The loss's mean not divided by its count N: the loss and every gradient N times too
	 * large.
	 */
	NOT_AVERAGED(Scope.STEP),

	/**
	 * dL/dW without the regularization's term λ·sign(w) or λ·w: the gradient of the data
	 * loss alone, and the update made with it (the loss itself keeps its penalty).
	 */
	PENALTY_FORGOTTEN(Scope.STEP),

	/** z = x·W without + b, in one layer (and so everything computed from it). */
	BIAS_FORGOTTEN(Scope.LAYER),

	/**
	 * The activation's slope taken at its output a instead of at z: σ'(a) instead of
	 * σ'(z).
	 */
	SLOPE_AT_OUTPUT(Scope.LAYER),

	/** dL/dZ = dL/dA: the activation's slope left out of the chain rule. */
	SLOPE_MISSING(Scope.LAYER),

	/** dL/dW without the input: dL/dZ summed over the batch where xᵀ·dL/dZ belongs. */
	INPUT_MISSING(Scope.LAYER),

	/** The right matrix, transposed. */
	TRANSPOSED(Scope.VALUE),

	/** The right value with the opposite sign. */
	SIGN(Scope.VALUE);

	/** Where a slip is made. */
	public enum Scope {

		/** Once in the step: the step is run again with it. */
		STEP,
		/** In one layer: the step is run again with it made in that layer. */
		LAYER,
		/** In the written answer itself: applied to the right value. */
		VALUE

	}

	private final Scope scope;

	Slip(Scope scope) {
		this.scope = scope;
	}

	public Scope scope() {
		return scope;
	}

	/** The name used on the wire: lower snake case. */
	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

}
