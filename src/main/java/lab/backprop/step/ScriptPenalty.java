package lab.backprop.step;

import java.util.ArrayList;
import java.util.List;

import lab.backprop.engine.Regularization;
import lab.backprop.step.ScriptWriter.Request;

/**
 * A regularized step in a script: λ among the given values, the penalty on the weights
 * added to the data loss (before and after the update), and its gradient in dL/dW, as
 * numpy computes it or as torch's autograd adds it to {@code .grad}. A request without a
 * penalty writes none of it: its loss is the data loss, as before.
 */
final class ScriptPenalty {

	private final Request request;

	private final ScriptWriter w;

	ScriptPenalty(Request request, ScriptWriter w) {
		this.request = request;
		this.w = w;
	}

	private Regularization regularization() {
		return request.regularization();
	}

	boolean none() {
		return regularization().isNone();
	}

	/** P over every weight: λ·Σ|w| or (λ/2)·Σw². */
	private String formula() {
		return regularization().type() == Regularization.Type.L1 ? "λ·Σ|w|" : "(λ/2)·Σw²";
	}

	/** The penalty's gradient for a weight matrix W: λ·sign(W) or λ·W. */
	String slope() {
		return regularization().type() == Regularization.Type.L1 ? "λ·sign(W)" : "λ·W";
	}

	/**
	 * {@code penalty_of(weights)}, and in numpy {@code penalty_slope(W)}; sign(0) is 0 in
	 * numpy and torch alike, as in the engine.
	 */
	void functions(boolean torch) {
		if (none()) {
			return;
		}
		boolean l1 = regularization().type() == Regularization.Type.L1;
		if (torch) {
			PythonFunctions.def(w, ScriptText.FUNCTION_PENALTY_TORCH, "penalty_of(weights)",
					l1 ? "return penalty_rate * sum(W.abs().sum() for W in weights)"
							: "return penalty_rate / 2 * sum((W * W).sum() for W in weights)");
			return;
		}
		PythonFunctions.def(w, ScriptText.FUNCTION_PENALTY, "penalty_of(weights)",
				l1 ? "return penalty_rate * sum(float(np.abs(W).sum()) for W in weights)"
						: "return penalty_rate / 2 * sum(float((W * W).sum()) for W in weights)");
		PythonFunctions.def(w, "penalty_slope(W)", l1 ? "return penalty_rate * np.sign(W)" : "return penalty_rate * W");
	}

	/** λ, with the learning rate. */
	void given() {
		if (none()) {
			return;
		}
		w.code("penalty_rate = " + ScriptWriter.number(regularization().rate()), ScriptText.COMMENT_PENALTY_RATE,
				regularization().type().wireName(), "P = " + formula());
	}

	void showGiven() {
		if (!none()) {
			w.show(ScriptText.LABEL_PENALTY_RATE, "penalty_rate");
		}
	}

	/**
	 * The loss of a forward pass ({@code suffix} "" or "_new"): {@code dataLoss} (a
	 * Python expression) alone, or as the data loss beside the penalty of the weights
	 * {@code weights} (W1, ... with their suffix) and their sum.
	 */
	void loss(String suffix, String dataLoss, String weightsSuffix) {
		if (none()) {
			w.code("loss" + suffix + " = " + dataLoss, ScriptText.COMMENT_LOSS, request.loss().wireName());
			return;
		}
		List<String> weights = new ArrayList<>();
		for (int l = 1; l <= request.depth(); l++) {
			weights.add("W" + l + weightsSuffix);
		}
		w.code("data_loss" + suffix + " = " + dataLoss, ScriptText.COMMENT_DATA_LOSS, request.loss().wireName());
		w.code("penalty" + suffix + " = penalty_of([" + String.join(", ", weights) + "])", ScriptText.COMMENT_PENALTY,
				"P = " + formula());
		w.code("loss" + suffix + " = data_loss" + suffix + " + penalty" + suffix, ScriptText.COMMENT_OBJECTIVE);
	}

	/** The data loss and the penalty of a pass printed, before its loss. */
	void show(String suffix) {
		if (none()) {
			return;
		}
		boolean first = suffix.isEmpty();
		w.show(first ? ScriptText.LABEL_DATA_LOSS : ScriptText.LABEL_DATA_LOSS_NEW, "data_loss" + suffix);
		w.show(first ? ScriptText.LABEL_PENALTY : ScriptText.LABEL_PENALTY_NEW, "penalty" + suffix);
	}

	/**
	 * The JSON of a pass's data loss and penalty, before {@code "loss"}: nothing without
	 * a penalty, as the service shows them only with one.
	 */
	String json(String suffix) {
		return none() ? "" : "\"dataLoss\": data_loss" + suffix + ", \"penalty\": penalty" + suffix + ", ";
	}

}
