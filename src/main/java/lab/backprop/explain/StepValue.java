package lab.backprop.explain;

/**
 * The values of a step that have a worked rule, as the answer of /train-step names them:
 * a hint or an exercise question about one of them can show its rule and its numbers.
 */
public enum StepValue {

	Z(true), OUTPUT(true), PREDICTION(false), LOSS(false), DL_DPREDICTION(false), DL_DOUTPUT(true), DOUTPUT_DZ(true),
	DL_DZ(true), DL_DW(true), DL_DB(true), DL_DINPUT(true), NEW_WEIGHTS(true), NEW_BIAS(true), NEW_PREDICTION(false),
	NEW_LOSS(false), LOSS_CHANGE(false),
	/**
	 * With a regularization: the loss's data part and the penalty, before and after the
	 * step.
	 */
	DATA_LOSS(false), PENALTY(false), NEW_DATA_LOSS(false), NEW_PENALTY(false);

	private final boolean ofLayer;

	StepValue(boolean ofLayer) {
		this.ofLayer = ofLayer;
	}

	/** Whether the value belongs to one layer (and so needs its index). */
	public boolean ofLayer() {
		return ofLayer;
	}

}
