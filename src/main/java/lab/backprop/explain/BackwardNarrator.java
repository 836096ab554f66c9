package lab.backprop.explain;

import java.util.ArrayList;
import java.util.List;

import lab.backprop.engine.Activation;
import lab.backprop.engine.BackwardPass;
import lab.backprop.engine.ForwardPass;
import lab.backprop.engine.Regularization;
import lab.backprop.engine.linalg.Matrices;
import lab.backprop.explain.Cases.Counts;
import lab.backprop.explain.Cases.Sign;
import lab.backprop.explain.Cases.Size;
import lab.backprop.explain.Cases.Thresholds;
import lab.backprop.explain.Narration.Elements;

/**
 * The backward pass told factor by factor: dL/dŷ, then per layer every factor of the
 * chain rule.
 */
final class BackwardNarrator {

	private final Narration on;

	private final Notation n;

	BackwardNarrator(Narration narration) {
		this.on = narration;
		this.n = narration.notation();
	}

	Worked dLdPrediction() {
		double[][] g = Narration.rows(on.backward().dLdPrediction());
		double[][] p = Narration.rows(on.forward().prediction());
		double[][] labels = on.labels();
		boolean single = Narration.single(g);
		String divisor = on.lossDivisor();
		Elements e = on.elements(g.length, g[0].length, (i, j) -> {
			String lhs = n.fill(Sym.NAME_DLDPREDICTION, n.index(i, j, single));
			return new Worked.Line(lhs, n.equation(lhs, n.fill(Sym.EXPR_DLDPREDICTION, on.step().loss(),
					n.factor(p[i][j]), n.factor(labels[i][j]), divisor), g[i][j]), g[i][j]);
		});
		Counts counts = Counts.of(g);
		Sign sign = Sign.of(g);
		List<String> meaning = new ArrayList<>();
		meaning.add(on.text(Msg.MEANING_DLDPREDICTION, sign, counts.positive(), counts.negative(), counts.zero()));
		if (sign != Sign.ZERO) {
			meaning.add(on.text(Msg.MEANING_MAGNITUDE, Size.of(counts.maxAbs()), n.rounded(counts.maxAbs())));
		}
		meaning.add(saturated(g));
		return on.worked(n.fill(Sym.FORMULA_DLDPREDICTION, on.step().loss()), e, meaning);
	}

	Worked dLdOutput(int l) {
		double[][] g = Narration.rows(on.gradients(l).dLdOutput());
		boolean single = Narration.single(g);
		boolean last = l == on.depth() - 1;
		Elements e = on.elements(g.length, g[0].length, (i, j) -> {
			String lhs = n.fill(Sym.NAME_DLDOUTPUT, n.index(i, j, single));
			String source = last ? n.fill(Sym.NAME_DLDPREDICTION, n.index(i, j, single))
					: n.fill(Sym.NAME_DLDINPUT_OF, n.index(i, j, single), Integer.toString(l + 2));
			return new Worked.Line(lhs, lhs + " = " + source + " = " + n.number(g[i][j]), g[i][j]);
		});
		Counts counts = Counts.of(g);
		List<String> meaning = new ArrayList<>();
		meaning.add(last ? on.text(Msg.MEANING_DLDOUTPUT_LAST) : on.text(Msg.MEANING_DLDOUTPUT_HIDDEN, l + 2));
		meaning.add(on.text(Msg.MEANING_DLDOUTPUT, Sign.of(g), counts.positive(), counts.negative(), counts.zero()));
		return on.worked(n.fill(last ? Sym.FORMULA_DLDOUTPUT_LAST : Sym.FORMULA_DLDOUTPUT_HIDDEN), e, meaning);
	}

	Worked dOutputdZ(int l) {
		ForwardPass.LayerValues v = on.forward().layers().get(l);
		Activation activation = v.activation();
		double[][] z = Narration.rows(v.z());
		double[][] a = Narration.rows(v.output());
		List<String> meaning = new ArrayList<>();
		meaning.add(on.text(Msg.MEANING_SLOPE));
		String formula = n.fill(Sym.FORMULA_DOUTPUTDZ, activation);
		if (on.gradients(l).dOutputdZ() == null) {
			// softmax: the Jacobian of the first example, entry by entry
			double[] out = a[0];
			double[][] jacobian = Activation.softmaxJacobian(out);
			Elements e = on.elements(out.length, out.length, (j, k) -> {
				String lhs = n.fill(Sym.NAME_JACOBIAN, n.index(j, k, false));
				return new Worked.Line(lhs, n.equation(lhs,
						n.fill(Sym.EXPR_SLOPE, activation, n.factor(out[j]), j == k ? "1" : "0", n.factor(out[k])),
						jacobian[j][k]), jacobian[j][k]);
			});
			meaning.add(on.text(Msg.MEANING_SLOPE_SOFTMAX));
			return on.worked(formula, e, meaning);
		}
		double[][] s = Narration.rows(on.gradients(l).dOutputdZ());
		boolean single = Narration.single(s);
		Elements e = on.elements(s.length, s[0].length, (i, j) -> {
			String lhs = n.fill(Sym.NAME_DOUTPUTDZ, n.index(i, j, single));
			return new Worked.Line(lhs,
					n.equation(lhs, n.fill(Sym.EXPR_SLOPE, activation, n.factor(z[i][j]), n.factor(a[i][j])), s[i][j]),
					s[i][j]);
		});
		meaning.add(slopeMeaning(activation, z, s));
		return on.worked(formula, e, meaning);
	}

	private String slopeMeaning(Activation activation, double[][] z, double[][] s) {
		int total = s.length * s[0].length;
		switch (activation) {
			case RELU -> {
				int dead = Narration.count(s, value -> value == 0.0);
				return dead > 0 ? on.text(Msg.MEANING_SLOPE_DEAD, dead, total) : on.text(Msg.MEANING_SLOPE_ONE);
			}
			case LEAKY_RELU -> {
				int leaking = Narration.count(z, value -> value <= 0.0);
				return leaking > 0 ? on.text(Msg.MEANING_SLOPE_LEAKY, leaking, total) : on.text(Msg.MEANING_SLOPE_ONE);
			}
			case LINEAR -> {
				return on.text(Msg.MEANING_SLOPE_ONE);
			}
			default -> {
				int saturated = Narration.count(s, value -> value < Thresholds.SATURATED_SLOPE);
				if (saturated > 0) {
					return on.text(Msg.MEANING_SLOPE_SATURATED, saturated, total, n.rounded(Narration.min(s)));
				}
				return on.text(activation == Activation.SIGMOID ? Msg.MEANING_SLOPE_SIGMOID : Msg.MEANING_SLOPE_TANH,
						n.rounded(Counts.of(s).maxAbs()));
			}
		}
	}

	Worked dLdZ(int l) {
		ForwardPass.LayerValues v = on.forward().layers().get(l);
		BackwardPass.LayerGradients grad = on.gradients(l);
		double[][] gz = Narration.rows(grad.dLdZ());
		double[][] ga = Narration.rows(grad.dLdOutput());
		double[][] a = Narration.rows(v.output());
		double[][] labels = on.labels();
		boolean single = Narration.single(gz);
		boolean fused = l == on.depth() - 1 && on.step().loss().fusesWith(v.activation());
		Sym formula;
		Elements e;
		if (fused && v.activation() == Activation.SIGMOID) {
			formula = Sym.FORMULA_DLDZ_FUSED_BCE;
			String divisor = on.lossDivisor();
			e = on.elements(gz.length, gz[0].length, (i, j) -> on.line(Sym.NAME_DLDZ, n.index(i, j, single),
					n.fill(Sym.EXPR_DLDZ_FUSED_BCE, n.factor(a[i][j]), n.factor(labels[i][j]), divisor), gz[i][j]));
		}
		else if (fused) {
			formula = Sym.FORMULA_DLDZ_FUSED_CE;
			String divisor = on.lossDivisor();
			double[] labelSums = Matrices.rowSums(on.step().labels());
			e = on
				.elements(
						gz.length, gz[0].length, (i,
								j) -> on.line(Sym.NAME_DLDZ, n.index(i, j, single), n.fill(Sym.EXPR_DLDZ_FUSED_CE,
										n.factor(a[i][j]), n.factor(labelSums[i]), n.factor(labels[i][j]), divisor),
										gz[i][j]));
		}
		else if (grad.dOutputdZ() == null) {
			formula = Sym.FORMULA_DLDZ_SOFTMAX;
			e = on.elements(gz.length, gz[0].length,
					(i, j) -> on.line(Sym.NAME_DLDZ, n.index(i, j, single),
							n.fill(Sym.EXPR_DLDZ_SOFTMAX, n.factor(a[i][j]), n.factor(ga[i][j]),
									on.sum(a[i].length, k -> n.product(n.factor(a[i][k]), n.factor(ga[i][k])))),
							gz[i][j]));
		}
		else {
			formula = Sym.FORMULA_DLDZ;
			double[][] s = Narration.rows(grad.dOutputdZ());
			e = on.elements(gz.length, gz[0].length, (i, j) -> on.line(Sym.NAME_DLDZ, n.index(i, j, single),
					n.fill(Sym.EXPR_DLDZ, n.factor(ga[i][j]), n.factor(s[i][j])), gz[i][j]));
		}
		Counts counts = Counts.of(gz);
		double incoming = Counts.of(ga).maxAbs();
		List<String> meaning = new ArrayList<>();
		meaning.add(on.text(Msg.MEANING_DLDZ));
		if (counts.zero() == counts.total()) {
			meaning.add(on.text(Msg.MEANING_DLDZ_ZERO));
		}
		else if (!fused && counts.maxAbs() < Thresholds.VANISHED_RATIO * incoming) {
			meaning.add(on.text(Msg.MEANING_DLDZ_VANISHED, n.rounded(counts.maxAbs()), n.rounded(incoming)));
		}
		if (counts.maxAbs() >= Thresholds.LARGE_GRADIENT) {
			meaning.add(on.text(Msg.MEANING_GRADIENT_LARGE, n.rounded(counts.maxAbs())));
		}
		if (l == on.depth() - 1) {
			meaning.add(saturated(gz));
		}
		return on.worked(n.fill(formula), e, meaning);
	}

	/**
	 * "1.8e-18, not 0": the sentence for an output-layer gradient with tiny elements of
	 * saturated units, or nothing.
	 */
	private String saturated(double[][] gradient) {
		Saturation s = Saturation.of(on.forward().outputLayer(), gradient);
		return s.count() == 0 ? ""
				: on.text(Msg.MEANING_GRADIENT_SATURATED, n.rounded(s.smallest()), s.count(), s.total());
	}

	Worked dLdW(int l) {
		double[][] x = Narration.rows(on.forward().layers().get(l).input());
		double[][] gz = Narration.rows(on.gradients(l).dLdZ());
		double[][] dw = Narration.rows(on.gradients(l).dLdW());
		double[][] w = Narration.rows(on.step().network().layer(l).weights());
		Regularization r = on.step().regularization();
		boolean single = Narration.single(dw);
		Elements e = on.elements(dw.length, dw[0].length, (m, j) -> {
			String data = on.sum(x.length, i -> n.product(n.factor(x[i][m]), n.factor(gz[i][j])));
			String expression = r.isNone() ? data : data + n.plus() + n.fill(Sym.EXPR_PENALTY_SLOPE, r.type(),
					n.factor(r.rate()), new PenaltyLines(on).argument(w[m][j]));
			return on.line(Sym.NAME_DLDW, n.index(m, j, single), expression, dw[m][j]);
		});
		Counts counts = Counts.of(dw);
		List<String> meaning = new ArrayList<>();
		meaning.add(on.text(Msg.MEANING_DLDW));
		if (!r.isNone()) {
			meaning.add(on.text(Msg.MEANING_DLDW_PENALTY, r.type(), n.rounded(r.rate())));
		}
		meaning.add(on.text(Msg.MEANING_DLDW_DIRECTION, counts.negative(), counts.positive(), counts.zero()));
		if (counts.maxAbs() >= Thresholds.LARGE_GRADIENT) {
			meaning.add(on.text(Msg.MEANING_GRADIENT_LARGE, n.rounded(counts.maxAbs())));
		}
		return on.worked(r.isNone() ? n.fill(Sym.FORMULA_DLDW) : n.fill(Sym.FORMULA_DLDW_PENALTY, r.type()), e,
				meaning);
	}

	Worked dLdb(int l) {
		double[][] gz = Narration.rows(on.gradients(l).dLdZ());
		double[] db = on.gradients(l).dLdb().toArray();
		boolean single = db.length == 1;
		boolean singleZ = Narration.single(gz);
		Elements e = on.elements(1, db.length,
				(unused, j) -> on.line(Sym.NAME_DLDB, n.index(j, single), gz.length == 1
						? n.fill(Sym.NAME_DLDZ, n.index(0, j, singleZ)) : on.sum(gz.length, i -> n.factor(gz[i][j])),
						db[j]));
		Counts counts = Counts.of(db);
		List<String> meaning = new ArrayList<>();
		meaning.add(on.text(Msg.MEANING_DLDB));
		meaning.add(on.text(Msg.MEANING_DLDB_DIRECTION, counts.negative(), counts.positive(), counts.zero()));
		return on.worked(n.fill(Sym.FORMULA_DLDB), e, meaning);
	}

	Worked dLdInput(int l) {
		double[][] gz = Narration.rows(on.gradients(l).dLdZ());
		double[][] w = Narration.rows(on.step().network().layer(l).weights());
		double[][] gx = Narration.rows(on.gradients(l).dLdInput());
		boolean single = Narration.single(gx);
		Elements e = on.elements(gx.length, gx[0].length, (i, m) -> on.line(Sym.NAME_DLDINPUT, n.index(i, m, single),
				on.sum(gz[i].length, j -> n.product(n.factor(gz[i][j]), n.factor(w[m][j]))), gx[i][m]));
		String meaning = l == 0 ? on.text(Msg.MEANING_DLDINPUT_FIRST) : on.text(Msg.MEANING_DLDINPUT_HIDDEN, l);
		return on.worked(n.fill(Sym.FORMULA_DLDINPUT), e, List.of(meaning));
	}

}
