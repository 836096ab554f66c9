package lab.backprop.explain;

import java.util.List;

import lab.backprop.engine.optim.Optimizer;
import lab.backprop.explain.Cases.Counts;
import lab.backprop.explain.Narration.Elements;

/**
 * The update, per layer: θ − η·dL/dθ spelt out for plain gradient descent; for another
 * optimizer, the change it made.
 */
final class UpdateNarrator {

	private final Narration on;

	private final Notation n;

	UpdateNarrator(Narration narration) {
		this.on = narration;
		this.n = narration.notation();
	}

	Worked weights(int l) {
		double eta = on.step().result().learningRate();
		double[][] w = Narration.rows(on.step().network().layer(l).weights());
		double[][] g = Narration.rows(on.gradients(l).dLdW());
		double[][] updated = Narration.rows(on.step().result().updated().layer(l).weights());
		double[][] change = Narration.rows(on.step().result().weightChange(l));
		boolean single = Narration.single(w);
		if (!plainGradientDescent()) {
			Elements e = on.elements(w.length, w[0].length,
					(m, j) -> on.line(Sym.NAME_WEIGHTS_NEW, n.index(m, j, single),
							n.fill(Sym.EXPR_UPDATE_STEP, n.factor(w[m][j]), n.factor(change[m][j])), updated[m][j]));
			return on.worked(n.fill(Sym.FORMULA_UPDATE_STEP_WEIGHTS), e,
					List.of(stepMeaning(Msg.MEANING_UPDATE_STEP_WEIGHTS, change)));
		}
		Elements e = on.elements(w.length, w[0].length, (m, j) -> on.line(Sym.NAME_WEIGHTS_NEW, n.index(m, j, single),
				n.fill(Sym.EXPR_UPDATE, n.factor(w[m][j]), n.factor(eta), n.factor(g[m][j])), updated[m][j]));
		return on.worked(n.fill(Sym.FORMULA_UPDATE_WEIGHTS), e,
				List.of(updateMeaning(Msg.MEANING_UPDATE_WEIGHTS, change, Counts.of(g), eta)));
	}

	Worked bias(int l) {
		double eta = on.step().result().learningRate();
		double[] b = on.step().network().layer(l).bias().toArray();
		double[] g = on.gradients(l).dLdb().toArray();
		double[] updated = on.step().result().updated().layer(l).bias().toArray();
		double[] change = on.step().result().biasChange(l);
		boolean single = b.length == 1;
		if (!plainGradientDescent()) {
			Elements e = on.elements(1, b.length, (unused, j) -> on.line(Sym.NAME_BIAS_NEW, n.index(j, single),
					n.fill(Sym.EXPR_UPDATE_STEP, n.factor(b[j]), n.factor(change[j])), updated[j]));
			return on.worked(n.fill(Sym.FORMULA_UPDATE_STEP_BIAS), e,
					List.of(stepMeaning(Msg.MEANING_UPDATE_STEP_BIAS, new double[][] { change })));
		}
		Elements e = on.elements(1, b.length, (unused, j) -> on.line(Sym.NAME_BIAS_NEW, n.index(j, single),
				n.fill(Sym.EXPR_UPDATE, n.factor(b[j]), n.factor(eta), n.factor(g[j])), updated[j]));
		return on.worked(n.fill(Sym.FORMULA_UPDATE_BIAS), e,
				List.of(updateMeaning(Msg.MEANING_UPDATE_BIAS, new double[][] { change }, Counts.of(g), eta)));
	}

	/**
	 * The default optimizer, θ ← θ − η·dL/dθ, which the update's formula and numbers
	 * spell out.
	 */
	private boolean plainGradientDescent() {
		return Optimizer.plainSgd().equals(on.step().result().optimizer());
	}

	/** Another optimizer: its name and the largest change it made. */
	private String stepMeaning(Msg key, double[][] change) {
		return on.text(key, on.step().result().optimizer().type(), n.rounded(Counts.of(change).maxAbs()));
	}

	private String updateMeaning(Msg key, double[][] change, Counts gradient, double eta) {
		if (gradient.zero() == gradient.total()) {
			return on.text(Msg.MEANING_UPDATE_NONE);
		}
		return on.text(key, n.rounded(eta), n.rounded(Counts.of(change).maxAbs()));
	}

}
