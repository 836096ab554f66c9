package lab.backprop.explain;

import lab.backprop.engine.Layer;

/**
 * What /check says about one answer: the hint (the rule and, where the explanations show
 * it, the element worked out with this request's numbers) and the explanation of a
 * recognised slip.
 */
final class CheckNarrator {

	private final Narration on;

	private final Notation n;

	CheckNarrator(Narration narration) {
		this.on = narration;
		this.n = narration.notation();
	}

	/**
	 * @param value {@code null} for a value without a worked rule
	 * @param position the element, counted row after row, or −1 for no one element
	 */
	String hint(StepValue value, int layer, int position) {
		if (value == null) {
			return on.text(Msg.HINT_UNEXPLAINED);
		}
		Worked worked = worked(value, layer);
		// a regularized loss is worked in three lines (data loss, penalty, their sum):
		// the
		// loss is the last
		int line = position >= 0 && (value == StepValue.LOSS || value == StepValue.NEW_LOSS) ? worked.lines().size() - 1
				: position;
		if (line >= 0 && line < worked.lines().size()) {
			return on.text(Msg.HINT, worked.formula(), worked.lines().get(line).equation());
		}
		return on.text(Msg.HINT_RULE, worked.formula());
	}

	/**
	 * The slip told with this request's numbers: {3} and {4} are what each slip names
	 * (the learning rate, the count of the mean, the rule of dL/dŷ, the layer and its
	 * activation, the shapes).
	 */
	String mistake(Mistake mistake) {
		String layer = Integer.toString(mistake.slipLayer() + 1);
		String detail = switch (mistake.slip()) {
			case WRONG_UPDATE_DIRECTION, LEARNING_RATE_MISSING -> n.number(on.step().result().learningRate());
			case MISSING_FACTOR_2 -> n.fill(Sym.FORMULA_DLDPREDICTION, on.step().loss());
			case NOT_AVERAGED -> on.lossDivisor();
			case TRANSPOSED -> mistake.rightShape();
			case PENALTY_FORGOTTEN -> n.number(on.step().regularization().rate());
			case SIGN -> "";
			default -> layer;
		};
		String more = switch (mistake.slip()) {
			case SLOPE_AT_OUTPUT, SLOPE_MISSING -> activation(mistake.slipLayer());
			case TRANSPOSED -> mistake.givenShape();
			case PENALTY_FORGOTTEN -> n.fill(Sym.FORMULA_DLDW_PENALTY, on.step().regularization().type());
			default -> "";
		};
		return on.text(Msg.MISTAKE, mistake.slip(), mistake.element(), mistake.given(), n.number(mistake.right()),
				detail, more);
	}

	private String activation(int l) {
		Layer layer = on.step().network().layer(l);
		return layer.activation().wireName();
	}

	Worked worked(StepValue value, int l) {
		ForwardNarrator forward = new ForwardNarrator(on);
		BackwardNarrator backward = new BackwardNarrator(on);
		UpdateNarrator update = new UpdateNarrator(on);
		AfterNarrator after = new AfterNarrator(on);
		return switch (value) {
			case Z -> forward.z(l);
			case OUTPUT -> forward.output(l);
			case PREDICTION -> forward.output(on.depth() - 1);
			case LOSS -> forward.loss();
			case DL_DPREDICTION -> backward.dLdPrediction();
			case DL_DOUTPUT -> backward.dLdOutput(l);
			case DOUTPUT_DZ -> backward.dOutputdZ(l);
			case DL_DZ -> backward.dLdZ(l);
			case DL_DW -> backward.dLdW(l);
			case DL_DB -> backward.dLdb(l);
			case DL_DINPUT -> backward.dLdInput(l);
			case NEW_WEIGHTS -> update.weights(l);
			case NEW_BIAS -> update.bias(l);
			case NEW_PREDICTION -> after.prediction();
			case NEW_LOSS -> after.loss();
			case LOSS_CHANGE -> after.lossChange();
			case DATA_LOSS -> forward.dataLoss();
			case PENALTY -> forward.penalty();
			case NEW_DATA_LOSS -> after.dataLoss();
			case NEW_PENALTY -> after.penalty();
		};
	}

}
