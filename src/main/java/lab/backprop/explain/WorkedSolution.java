package lab.backprop.explain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import lab.backprop.engine.Layer;
import lab.backprop.engine.linalg.Matrices;

/**
 * The whole step as a Markdown document a teacher could hand out: given values, forward
 * pass, loss, backward pass, update, check. Formulas are LaTeX between {@code $...$} (as
 * GitHub renders them), numbers at full precision with each value rounded for reading
 * beside it.
 */
final class WorkedSolution {

	private final Texts texts;

	private final Locale locale;

	private final Step step;

	private final Narration narration;

	private final ForwardNarrator forward;

	private final BackwardNarrator backward;

	private final UpdateNarrator update;

	private final AfterNarrator after;

	private final Notation n;

	private final StringBuilder out = new StringBuilder();

	/** Quantities are level-4 headings inside a layer's section, level 3 elsewhere. */
	private int quantityLevel = 3;

	private WorkedSolution(Texts texts, Step step, Locale locale) {
		this.texts = texts;
		this.locale = locale;
		this.step = step;
		this.narration = new Narration(texts, step, locale, Style.LATEX);
		this.n = narration.notation();
		this.forward = new ForwardNarrator(narration);
		this.backward = new BackwardNarrator(narration);
		this.update = new UpdateNarrator(narration);
		this.after = new AfterNarrator(narration);
	}

	static String write(Texts texts, Step step, Locale locale) {
		return new WorkedSolution(texts, step, locale).document();
	}

	private String document() {
		heading(1, text(Msg.MD_TITLE));
		paragraph(text(Msg.MD_INTRO));

		heading(2, text(Msg.MD_GIVEN));
		given();

		section(Msg.MD_FORWARD);
		for (int l = 0; l < narration.depth(); l++) {
			layer(l);
			quantity(Quantity.Z, forward.z(l));
			quantity(Quantity.OUTPUT, forward.output(l));
		}

		section(Msg.MD_LOSS);
		if (narration.regularized()) {
			quantity(Quantity.DATA_LOSS, forward.dataLoss());
			quantity(Quantity.PENALTY, forward.penalty());
		}
		quantity(Quantity.LOSS, forward.loss());

		section(Msg.MD_BACKWARD);
		quantity(Quantity.DLDPREDICTION, backward.dLdPrediction());
		for (int l = narration.depth() - 1; l >= 0; l--) {
			layer(l);
			quantity(Quantity.DLDOUTPUT, backward.dLdOutput(l));
			quantity(Quantity.DOUTPUTDZ, backward.dOutputdZ(l));
			quantity(Quantity.DLDZ, backward.dLdZ(l));
			quantity(Quantity.DLDW, backward.dLdW(l));
			quantity(Quantity.DLDB, backward.dLdb(l));
			quantity(Quantity.DLDINPUT, backward.dLdInput(l));
		}

		section(Msg.MD_UPDATE);
		for (int l = 0; l < narration.depth(); l++) {
			layer(l);
			quantity(Quantity.WEIGHTS, update.weights(l));
			quantity(Quantity.BIAS, update.bias(l));
		}

		section(Msg.MD_CHECK);
		quantity(Quantity.PREDICTION, after.prediction());
		quantity(Quantity.LOSS_NEW, after.loss());
		quantity(Quantity.LOSS_CHANGE, after.lossChange());
		return out.toString();
	}

	private void given() {
		List<String> items = new ArrayList<>();
		items.add(text(Msg.MD_INPUTS) + ": " + values(Matrices.rows(step.inputs())));
		for (int l = 0; l < step.network().depth(); l++) {
			Layer layer = step.network().layer(l);
			items.add(text(Msg.MD_WEIGHTS, l + 1) + ": " + values(Matrices.rows(layer.weights())));
			items.add(text(Msg.MD_BIAS, l + 1) + ": " + values(new double[][] { layer.bias().toArray() }));
			items.add(text(Msg.MD_ACTIVATION, l + 1, layer.activation().wireName()));
		}
		items.add(text(Msg.MD_LABEL) + ": " + values(Matrices.rows(step.labels())));
		items.add(text(Msg.MD_LOSS_FUNCTION, step.loss().wireName()));
		if (narration.regularized()) {
			items.add(text(Msg.MD_REGULARIZATION, step.regularization().type().wireName(),
					math(n.number(step.regularization().rate()))));
		}
		items.add(text(Msg.MD_LEARNING_RATE) + ": " + math(n.number(step.result().learningRate())));
		for (String item : items) {
			out.append("- ").append(item).append('\n');
		}
		out.append('\n');
	}

	/**
	 * Up to {@link Narration#MAX_ELEMENTS} values as inline math, then how many more
	 * there are.
	 */
	private String values(double[][] m) {
		List<String> shown = new ArrayList<>();
		long total = (long) m.length * m[0].length;
		for (int i = 0; i < m.length && shown.size() < Narration.MAX_ELEMENTS; i++) {
			for (int j = 0; j < m[i].length && shown.size() < Narration.MAX_ELEMENTS; j++) {
				shown.add(math(n.number(m[i][j])));
			}
		}
		String list = String.join(", ", shown);
		if (total > shown.size()) {
			list += ", " + text(Msg.ELISION_ELEMENTS, total - shown.size(), total);
		}
		return list;
	}

	private void section(Msg title) {
		heading(2, text(title));
		quantityLevel = 3;
	}

	private void layer(int l) {
		heading(3, text(Msg.MD_LAYER, l + 1, step.network().layer(l).activation().wireName()));
		quantityLevel = 4;
	}

	private void quantity(Quantity quantity, Worked worked) {
		heading(quantityLevel, text(Msg.MD_QUANTITY, quantity));
		paragraph(text(Msg.MD_FORMULA) + ": " + math(worked.formula()));
		paragraph(text(Msg.MD_NUMBERS) + ":");
		for (Worked.Line line : worked.lines()) {
			out.append("- ")
				.append(math(line.equation()))
				.append(" (")
				.append(text(Msg.MD_ROUNDED))
				.append(": ")
				.append(math(n.fill(Sym.EXPR_APPROX, line.lhs(), n.rounded(line.value()))))
				.append(")\n");
		}
		if (worked.elision() != null) {
			out.append("- ").append(worked.elision()).append('\n');
		}
		out.append('\n');
		paragraph(worked.meaning());
	}

	private static String math(String latex) {
		return "$" + latex + "$";
	}

	private void heading(int level, String title) {
		out.append("#".repeat(level)).append(' ').append(title).append("\n\n");
	}

	private void paragraph(String text) {
		out.append(text).append("\n\n");
	}

	private String text(Msg key, Object... args) {
		return texts.text(locale, key, args);
	}

	private String text(Msg key, Enum<?> variant, Object... args) {
		return texts.text(locale, key, variant, args);
	}

}
