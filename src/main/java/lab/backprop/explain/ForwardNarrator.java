package lab.backprop.explain;

import java.util.ArrayList;
import java.util.List;

import lab.backprop.engine.Activation;
import lab.backprop.engine.ForwardPass;
import lab.backprop.engine.Layer;
import lab.backprop.engine.Regularization;
import lab.backprop.explain.Cases.Thresholds;
import lab.backprop.explain.Narration.Elements;

/** The forward pass told value by value: each layer's z and output, then the loss. */
final class ForwardNarrator {

	private final Narration on;

	private final Notation n;

	ForwardNarrator(Narration narration) {
		this.on = narration;
		this.n = narration.notation();
	}

	Worked z(int l) {
		ForwardPass.LayerValues v = on.forward().layers().get(l);
		Layer layer = on.step().network().layer(l);
		double[][] x = Narration.rows(v.input());
		double[][] w = Narration.rows(layer.weights());
		double[] b = layer.bias().toArray();
		double[][] z = Narration.rows(v.z());
		boolean single = Narration.single(z);
		Elements e = on
			.elements(z.length, z[0].length, (i, j) -> new Worked.Line(n.fill(Sym.NAME_Z, n.index(i, j, single)),
					n.equation(n.fill(Sym.NAME_Z, n.index(i, j, single)), on.sum(x[i].length + 1,
							m -> m < x[i].length ? n.product(n.factor(x[i][m]), n.factor(w[m][j])) : n.factor(b[j])),
							z[i][j]),
					z[i][j]));
		List<String> meaning = new ArrayList<>();
		meaning.add(on.text(Msg.MEANING_Z));
		Activation activation = v.activation();
		int total = z.length * z[0].length;
		if (activation == Activation.RELU) {
			int off = Narration.count(z, value -> value <= 0.0);
			if (off > 0) {
				meaning.add(on.text(Msg.MEANING_Z_OFF, off, total));
			}
		}
		if (activation == Activation.SIGMOID || activation == Activation.TANH) {
			int far = Narration.count(z, value -> Math.abs(value) > Thresholds.FAR_Z);
			if (far > 0) {
				meaning.add(on.text(Msg.MEANING_Z_FAR, far, total));
			}
		}
		return on.worked(n.fill(Sym.FORMULA_Z), e, meaning);
	}

	Worked output(int l) {
		ForwardPass.LayerValues v = on.forward().layers().get(l);
		Elements e = on.activationLines(v, Sym.NAME_A);
		List<String> meaning = new ArrayList<>();
		meaning.add(on.text(Msg.MEANING_OUTPUT, v.activation()));
		if (l == on.depth() - 1) {
			meaning.add(on.text(Msg.MEANING_OUTPUT_PREDICTION));
		}
		return on.worked(n.fill(Sym.FORMULA_OUTPUT, v.activation()), e, meaning);
	}

	/**
	 * The loss; with a regularization, the objective: the data loss plus the penalty,
	 * each written out.
	 */
	Worked loss() {
		if (!on.regularized()) {
			return dataLoss(Sym.NAME_LOSS);
		}
		ForwardPass pass = on.forward();
		List<Worked.Line> lines = List.of(on.dataLossLine(pass, Sym.NAME_LOSS_DATA),
				new PenaltyLines(on).penalty(on.step().network(), pass.penalty(), Sym.NAME_PENALTY),
				new PenaltyLines(on).objective(pass, Sym.NAME_LOSS));
		List<String> meaning = List.of(
				on.text(Msg.MEANING_LOSS_OBJECTIVE, n.rounded(pass.dataLoss()), n.rounded(pass.penalty())),
				on.text(Msg.MEANING_LOSS_VALUE, n.rounded(pass.loss())));
		return on.worked(n.fill(Sym.FORMULA_LOSS_OBJECTIVE), new Narration.Elements(lines, null), meaning);
	}

	/** The data loss: the prediction against the labels. */
	Worked dataLoss() {
		return dataLoss(Sym.NAME_LOSS_DATA);
	}

	private Worked dataLoss(Sym name) {
		List<String> meaning = new ArrayList<>();
		meaning.add(on.text(Msg.MEANING_LOSS, on.step().loss()));
		double loss = on.forward().dataLoss();
		meaning.add(loss == 0.0 ? on.text(Msg.MEANING_LOSS_ZERO) : on.text(Msg.MEANING_LOSS_VALUE, n.rounded(loss)));
		return on.worked(n.fill(Sym.FORMULA_LOSS, on.step().loss()), on.lossLine(on.forward(), name), meaning);
	}

	/** The penalty on the weights sent; only with a regularization. */
	Worked penalty() {
		Regularization r = on.step().regularization();
		Worked.Line line = new PenaltyLines(on).penalty(on.step().network(), on.forward().penalty(), Sym.NAME_PENALTY);
		return on.worked(n.fill(Sym.FORMULA_PENALTY, r.type()), new Narration.Elements(List.of(line), null),
				List.of(on.text(Msg.MEANING_PENALTY, r.type(), n.rounded(r.rate()))));
	}

}
