package lab.backprop.explain;

import java.util.ArrayList;
import java.util.List;

import lab.backprop.engine.ForwardPass;
import lab.backprop.engine.Layer;
import lab.backprop.engine.Network;
import lab.backprop.engine.Regularization;
import lab.backprop.engine.linalg.Matrices;

/**
 * The regularization's terms written out: the penalty weight by weight, the objective as
 * data loss plus penalty, and a weight as the penalty's notation shows it.
 */
final class PenaltyLines {

	private final Narration on;

	private final Notation n;

	PenaltyLines(Narration narration) {
		this.on = narration;
		this.n = narration.notation();
	}

	/**
	 * The penalty of {@code network}'s weights, {@code value} as the engine computed it,
	 * written out weight by weight.
	 */
	Worked.Line penalty(Network network, double value, Sym name) {
		Regularization r = on.step().regularization();
		List<Double> weights = new ArrayList<>();
		for (Layer layer : network.layers()) {
			for (double w : Matrices.data(layer.weights())) {
				weights.add(w);
			}
		}
		String terms = on.sum(weights.size(), t -> n.fill(Sym.EXPR_PENALTY_TERM, r.type(), argument(weights.get(t))));
		return on.line(name, "", n.fill(Sym.EXPR_PENALTY, r.type(), n.factor(r.rate()), terms), value);
	}

	/**
	 * A weight inside the penalty's notation: bare inside |w| and sign(w), in parentheses
	 * when negative where it is squared or multiplied.
	 */
	String argument(double w) {
		return on.step().regularization().type() == Regularization.Type.L1 ? n.number(w) : n.factor(w);
	}

	/** The objective L = data loss + penalty of {@code pass}. */
	Worked.Line objective(ForwardPass pass, Sym name) {
		return on.line(name, "", n.fill(Sym.EXPR_OBJECTIVE, n.factor(pass.dataLoss()), n.factor(pass.penalty())),
				pass.loss());
	}

}
