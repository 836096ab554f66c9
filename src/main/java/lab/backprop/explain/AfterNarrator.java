package lab.backprop.explain;

import java.util.List;

import lab.backprop.engine.ForwardPass;
import lab.backprop.engine.linalg.Matrices;
import lab.backprop.explain.Cases.Change;
import lab.backprop.explain.Cases.Closeness;
import lab.backprop.explain.Narration.Elements;

/** The check after the update: the new prediction, the new loss and the change. */
final class AfterNarrator {

	private final Narration on;

	private final Notation n;

	AfterNarrator(Narration narration) {
		this.on = narration;
		this.n = narration.notation();
	}

	Worked prediction() {
		ForwardPass after = on.after();
		Elements e = on.activationLines(after.outputLayer(), Sym.NAME_PREDICTION_NEW);
		double before = Matrices.distance(on.forward().prediction(), on.step().labels());
		double now = Matrices.distance(after.prediction(), on.step().labels());
		Closeness closeness = now < before ? Closeness.CLOSER : now > before ? Closeness.FURTHER : Closeness.SAME;
		return on.worked(n.fill(Sym.FORMULA_AFTER_PREDICTION), e,
				List.of(on.text(Msg.MEANING_AFTER_PREDICTION, closeness)));
	}

	Worked loss() {
		List<String> meaning = List
			.of(on.text(Msg.MEANING_AFTER_LOSS, n.rounded(on.after().loss()), n.rounded(on.forward().loss())));
		if (!on.regularized()) {
			return on.worked(n.fill(Sym.FORMULA_AFTER_LOSS), on.lossLine(on.after(), Sym.NAME_LOSS_NEW), meaning);
		}
		ForwardPass after = on.after();
		List<Worked.Line> lines = List.of(on.dataLossLine(after, Sym.NAME_LOSS_DATA_NEW),
				new PenaltyLines(on).penalty(on.step().result().updated(), after.penalty(), Sym.NAME_PENALTY_NEW),
				new PenaltyLines(on).objective(after, Sym.NAME_LOSS_NEW));
		return on.worked(n.fill(Sym.FORMULA_AFTER_LOSS), new Elements(lines, null), meaning);
	}

	/** The data loss with the new parameters; only with a regularization. */
	Worked dataLoss() {
		return on.worked(n.fill(Sym.FORMULA_LOSS, on.step().loss()),
				new Elements(List.of(on.dataLossLine(on.after(), Sym.NAME_LOSS_DATA_NEW)), null),
				List.of(on.text(Msg.MEANING_LOSS, on.step().loss())));
	}

	/** The penalty on the new weights; only with a regularization. */
	Worked penalty() {
		var r = on.step().regularization();
		Worked.Line line = new PenaltyLines(on).penalty(on.step().result().updated(), on.after().penalty(),
				Sym.NAME_PENALTY_NEW);
		return on.worked(n.fill(Sym.FORMULA_PENALTY, r.type()), new Elements(List.of(line), null),
				List.of(on.text(Msg.MEANING_PENALTY, r.type(), n.rounded(r.rate()))));
	}

	Worked lossChange() {
		double change = on.step().result().lossChange();
		double eta = on.step().result().learningRate();
		String lhs = n.fill(Sym.NAME_LOSS_CHANGE);
		Elements e = new Elements(List.of(new Worked.Line(lhs, n.equation(lhs,
				n.fill(Sym.EXPR_DIFFERENCE, n.factor(on.after().loss()), n.factor(on.forward().loss())), change),
				change)), null);
		String meaning;
		if (change < 0) {
			meaning = on.text(Msg.MEANING_LOSS_CHANGE, Change.LOWERED, n.rounded(-change), n.rounded(eta));
		}
		else if (change > 0) {
			meaning = on.text(Msg.MEANING_LOSS_CHANGE, Change.RAISED, n.rounded(change), n.rounded(eta));
		}
		else {
			meaning = on.text(Msg.MEANING_LOSS_CHANGE, Change.UNCHANGED, n.rounded(0.0), n.rounded(eta));
		}
		return on.worked(n.fill(Sym.FORMULA_LOSS_CHANGE), e, List.of(meaning));
	}

}
