package lab.backprop.explain;

import java.util.List;

import lab.backprop.engine.NetworkHealth;
import lab.backprop.engine.NetworkHealth.LayerHealth;
import lab.backprop.explain.Diagnosis.DeadUnits;
import lab.backprop.explain.Diagnosis.Finding;
import lab.backprop.explain.Diagnosis.GradientScale;
import lab.backprop.explain.Diagnosis.UpdateSize;
import lab.backprop.explain.Narration.Elements;

/**
 * The network as a whole: per layer, its gradients against the output layer's, its dead
 * ReLU units and its update against its weights; and the summary of the step. Every
 * number is the engine's ({@link NetworkHealth}).
 */
final class HealthNarrator {

	private final Narration on;

	private final Notation n;

	private final NetworkHealth health;

	HealthNarrator(Narration narration) {
		this.on = narration;
		this.n = narration.notation();
		this.health = NetworkHealth.of(narration.step().result());
	}

	Worked gradientScale(int l) {
		LayerHealth layer = health.layers().get(l);
		String number = Integer.toString(l + 1);
		String output = Integer.toString(on.depth());
		String lhs = n.fill(Sym.NAME_GRADIENT_SCALE, number, output);
		Elements e = single(new Worked.Line(lhs,
				n.equation(lhs,
						n.fill(Sym.EXPR_RATIO, n.number(layer.gradientRms()), n.number(layer.outputGradientRms())),
						layer.gradientRatio()),
				layer.gradientRatio()));
		GradientScale scale = GradientScale.of(layer, l == on.depth() - 1);
		return on.worked(n.fill(Sym.FORMULA_GRADIENT_SCALE, number, output), e,
				List.of(on.text(Msg.MEANING_GRADIENT_SCALE, scale, n.rounded(layer.gradientRatio()),
						n.rounded(layer.gradientRms()), on.depth())));
	}

	/** {@code null} for a layer whose units cannot die (any but ReLU). */
	Worked deadUnits(int l) {
		LayerHealth layer = health.layers().get(l);
		if (!layer.canDie()) {
			return null;
		}
		String number = Integer.toString(l + 1);
		String lhs = n.fill(Sym.NAME_DEAD_SHARE, number);
		Elements e = single(new Worked.Line(lhs,
				n.equation(lhs,
						n.fill(Sym.EXPR_RATIO, Integer.toString(layer.deadUnits()), Integer.toString(layer.units())),
						layer.deadShare()),
				layer.deadShare()));
		return on.worked(n.fill(Sym.FORMULA_DEAD_UNITS, number), e, List.of(on.text(Msg.MEANING_DEAD_UNITS,
				DeadUnits.of(layer), layer.deadUnits(), layer.units(), layer.deadShare())));
	}

	Worked updateRatio(int l) {
		LayerHealth layer = health.layers().get(l);
		String number = Integer.toString(l + 1);
		String lhs = n.fill(Sym.NAME_UPDATE_RATIO, number);
		Elements e = single(new Worked.Line(lhs,
				n.equation(lhs, n.fill(Sym.EXPR_RATIO, n.number(layer.updateNorm()), n.number(layer.weightNorm())),
						layer.updateRatio()),
				layer.updateRatio()));
		return on.worked(n.fill(Sym.FORMULA_UPDATE_RATIO, number), e, List.of(on.text(Msg.MEANING_UPDATE_RATIO,
				UpdateSize.of(layer), n.rounded(layer.updateRatio()), n.rounded(on.step().result().learningRate()))));
	}

	/** The one thing most worth noticing about the step, in a few sentences. */
	String summary() {
		double loss = on.forward().loss();
		double change = on.step().result().lossChange();
		Finding finding = Finding.of(health, loss, change);
		LayerHealth layer = health.layers().get(finding.layer());
		return switch (finding.summary()) {
			case LOSS_ROSE -> on.text(Msg.SUMMARY, finding.summary(), finding.layer() + 1, n.rounded(loss),
					n.rounded(on.after().loss()), n.rounded(layer.updateRatio()));
			case EXPLODING, VANISHING -> on.text(Msg.SUMMARY, finding.summary(), finding.layer() + 1,
					n.rounded(layer.gradientRatio()), on.depth());
			case DEAD_UNITS ->
				on.text(Msg.SUMMARY, finding.summary(), finding.layer() + 1, layer.deadShare(), layer.units());
			case HEALTHY -> on.text(Msg.SUMMARY, finding.summary(), finding.layer() + 1, n.rounded(loss),
					n.rounded(on.after().loss()));
			default -> on.text(Msg.SUMMARY, finding.summary(), finding.layer() + 1, n.rounded(layer.updateRatio()),
					n.rounded(on.step().result().learningRate()));
		};
	}

	private static Elements single(Worked.Line line) {
		return new Elements(List.of(line), null);
	}

}
