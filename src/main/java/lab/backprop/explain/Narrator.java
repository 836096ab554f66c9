package lab.backprop.explain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.commons.math3.linear.RealMatrix;

import lab.backprop.engine.Activation;
import lab.backprop.engine.BackwardPass;
import lab.backprop.engine.ForwardPass;
import lab.backprop.engine.Layer;
import lab.backprop.engine.Loss;
import lab.backprop.engine.Matrices;
import lab.backprop.engine.optim.Optimizer;
import lab.backprop.explain.Cases.Change;
import lab.backprop.explain.Cases.Closeness;
import lab.backprop.explain.Cases.Counts;
import lab.backprop.explain.Cases.Sign;
import lab.backprop.explain.Cases.Size;
import lab.backprop.explain.Cases.Thresholds;

/**
 * Tells one step quantity by quantity, in one style and language: the rule, the rule with
 * this step's numbers element by element, and what the value means here. The numbers in
 * the substitutions are the engine's own results, never recomputed, so they are exactly
 * the JSON's.
 */
final class Narrator {

	/** Elements shown per quantity; the rest are counted. */
	static final int MAX_ELEMENTS = 6;

	/**
	 * Terms shown in full per sum; a longer sum shows its first and last terms around an
	 * elision.
	 */
	static final int MAX_TERMS = 6;

	private static final int HEAD_TERMS = 3;

	private static final int TAIL_TERMS = 1;

	private final Texts texts;

	private final Locale locale;

	private final Notation n;

	private final Step step;

	private final ForwardPass forward;

	private final BackwardPass backward;

	private final ForwardPass after;

	private final double[][] labels;

	Narrator(Texts texts, Step step, Locale locale, Style style) {
		this.texts = texts;
		this.locale = locale;
		this.n = new Notation(texts, style);
		this.step = step;
		this.forward = step.result().forward();
		this.backward = step.result().backward();
		this.after = step.result().after();
		this.labels = rows(step.labels());
	}

	int depth() {
		return step.network().depth();
	}

	Notation notation() {
		return n;
	}

	// ---- forward

	Worked z(int l) {
		ForwardPass.LayerValues v = forward.layers().get(l);
		Layer layer = step.network().layer(l);
		double[][] x = rows(v.input());
		double[][] w = rows(layer.weights());
		double[] b = layer.bias().toArray();
		double[][] z = rows(v.z());
		boolean single = single(z);
		Elements e = elements(z.length, z[0].length, (i, j) -> new Worked.Line(
				n.fill(Sym.NAME_Z, n.index(i, j, single)),
				n.equation(n.fill(Sym.NAME_Z, n.index(i, j, single)), sum(x[i].length + 1,
						m -> m < x[i].length ? n.product(n.factor(x[i][m]), n.factor(w[m][j])) : n.factor(b[j])),
						z[i][j]),
				z[i][j]));
		List<String> meaning = new ArrayList<>();
		meaning.add(text(Msg.MEANING_Z));
		Activation activation = v.activation();
		int total = z.length * z[0].length;
		if (activation == Activation.RELU) {
			int off = count(z, value -> value <= 0.0);
			if (off > 0) {
				meaning.add(text(Msg.MEANING_Z_OFF, off, total));
			}
		}
		if (activation == Activation.SIGMOID || activation == Activation.TANH) {
			int far = count(z, value -> Math.abs(value) > Thresholds.FAR_Z);
			if (far > 0) {
				meaning.add(text(Msg.MEANING_Z_FAR, far, total));
			}
		}
		return worked(n.fill(Sym.FORMULA_Z), e, meaning);
	}

	Worked output(int l) {
		ForwardPass.LayerValues v = forward.layers().get(l);
		Elements e = activationLines(v, Sym.NAME_A);
		List<String> meaning = new ArrayList<>();
		meaning.add(text(Msg.MEANING_OUTPUT, v.activation()));
		if (l == depth() - 1) {
			meaning.add(text(Msg.MEANING_OUTPUT_PREDICTION));
		}
		return worked(n.fill(Sym.FORMULA_OUTPUT, v.activation()), e, meaning);
	}

	/**
	 * a = f(z) element by element, named {@code name}; softmax shows each row's
	 * normalisation.
	 */
	private Elements activationLines(ForwardPass.LayerValues v, Sym name) {
		double[][] z = rows(v.z());
		double[][] a = rows(v.output());
		boolean single = single(a);
		Activation activation = v.activation();
		return elements(a.length, a[0].length, (i, j) -> {
			String expression;
			if (activation == Activation.SOFTMAX) {
				String numerator = n.fill(Sym.EXPR_EXP, n.factor(z[i][j]));
				String denominator = sum(z[i].length, k -> n.fill(Sym.EXPR_EXP, n.factor(z[i][k])));
				expression = n.fill(Sym.EXPR_OUTPUT, activation, numerator, denominator);
			}
			else {
				expression = n.fill(Sym.EXPR_OUTPUT, activation, n.factor(z[i][j]),
						n.fill(Sym.NAME_Z, n.index(i, j, single)));
			}
			String lhs = n.fill(name, n.index(i, j, single));
			return new Worked.Line(lhs, n.equation(lhs, expression, a[i][j]), a[i][j]);
		});
	}

	Worked loss() {
		List<String> meaning = new ArrayList<>();
		meaning.add(text(Msg.MEANING_LOSS, step.loss()));
		meaning.add(forward.loss() == 0.0 ? text(Msg.MEANING_LOSS_ZERO)
				: text(Msg.MEANING_LOSS_VALUE, n.rounded(forward.loss())));
		return worked(n.fill(Sym.FORMULA_LOSS, step.loss()), lossLine(forward, Sym.NAME_LOSS), meaning);
	}

	private Elements lossLine(ForwardPass pass, Sym name) {
		double[][] p = rows(pass.prediction());
		int k = p[0].length;
		String terms = sum(p.length * k, t -> n.fill(Sym.EXPR_LOSS_TERM, step.loss(), n.factor(p[t / k][t % k]),
				n.factor(labels[t / k][t % k])));
		String expression = n.fill(Sym.EXPR_LOSS, step.loss(), Integer.toString(lossDivisor()), terms);
		String lhs = n.fill(name);
		return new Elements(List.of(new Worked.Line(lhs, n.equation(lhs, expression, pass.loss()), pass.loss())), null);
	}

	/**
	 * The N a loss divides by: all elements for the element-wise means, the batch for the
	 * others.
	 */
	private int lossDivisor() {
		int batch = labels.length;
		return switch (step.loss()) {
			case MSE, BINARY_CROSS_ENTROPY -> batch * labels[0].length;
			case QUADRATIC, CROSS_ENTROPY -> batch;
			case SSE -> 1;
		};
	}

	// ---- backward

	Worked dLdPrediction() {
		double[][] g = rows(backward.dLdPrediction());
		double[][] p = rows(forward.prediction());
		boolean single = single(g);
		String divisor = Integer.toString(lossDivisor());
		Elements e = elements(g.length, g[0].length, (i, j) -> {
			String lhs = n.fill(Sym.NAME_DLDPREDICTION, n.index(i, j, single));
			return new Worked.Line(lhs, n.equation(lhs,
					n.fill(Sym.EXPR_DLDPREDICTION, step.loss(), n.factor(p[i][j]), n.factor(labels[i][j]), divisor),
					g[i][j]), g[i][j]);
		});
		Counts counts = Counts.of(g);
		Sign sign = Sign.of(g);
		List<String> meaning = new ArrayList<>();
		meaning.add(text(Msg.MEANING_DLDPREDICTION, sign, counts.positive(), counts.negative(), counts.zero()));
		if (sign != Sign.ZERO) {
			meaning.add(text(Msg.MEANING_MAGNITUDE, Size.of(counts.maxAbs()), n.rounded(counts.maxAbs())));
		}
		return worked(n.fill(Sym.FORMULA_DLDPREDICTION, step.loss()), e, meaning);
	}

	Worked dLdOutput(int l) {
		double[][] g = rows(gradients(l).dLdOutput());
		boolean single = single(g);
		boolean last = l == depth() - 1;
		Elements e = elements(g.length, g[0].length, (i, j) -> {
			String lhs = n.fill(Sym.NAME_DLDOUTPUT, n.index(i, j, single));
			String source = last ? n.fill(Sym.NAME_DLDPREDICTION, n.index(i, j, single))
					: n.fill(Sym.NAME_DLDINPUT_OF, n.index(i, j, single), Integer.toString(l + 2));
			return new Worked.Line(lhs, lhs + " = " + source + " = " + n.number(g[i][j]), g[i][j]);
		});
		Counts counts = Counts.of(g);
		List<String> meaning = new ArrayList<>();
		meaning.add(last ? text(Msg.MEANING_DLDOUTPUT_LAST) : text(Msg.MEANING_DLDOUTPUT_HIDDEN, l + 2));
		meaning.add(text(Msg.MEANING_DLDOUTPUT, Sign.of(g), counts.positive(), counts.negative(), counts.zero()));
		return worked(n.fill(last ? Sym.FORMULA_DLDOUTPUT_LAST : Sym.FORMULA_DLDOUTPUT_HIDDEN), e, meaning);
	}

	Worked dOutputdZ(int l) {
		ForwardPass.LayerValues v = forward.layers().get(l);
		Activation activation = v.activation();
		double[][] z = rows(v.z());
		double[][] a = rows(v.output());
		List<String> meaning = new ArrayList<>();
		meaning.add(text(Msg.MEANING_SLOPE));
		String formula = n.fill(Sym.FORMULA_DOUTPUTDZ, activation);
		if (gradients(l).dOutputdZ() == null) {
			// softmax: the Jacobian of the first example, entry by entry
			double[] out = a[0];
			Elements e = elements(out.length, out.length, (j, k) -> {
				double delta = j == k ? 1.0 : 0.0;
				double entry = out[j] * (delta - out[k]);
				String lhs = n.fill(Sym.NAME_JACOBIAN, n.index(j, k, false));
				return new Worked.Line(lhs, n.equation(lhs,
						n.fill(Sym.EXPR_SLOPE, activation, n.factor(out[j]), j == k ? "1" : "0", n.factor(out[k])),
						entry), entry);
			});
			meaning.add(text(Msg.MEANING_SLOPE_SOFTMAX));
			return worked(formula, e, meaning);
		}
		double[][] s = rows(gradients(l).dOutputdZ());
		boolean single = single(s);
		Elements e = elements(s.length, s[0].length, (i, j) -> {
			String lhs = n.fill(Sym.NAME_DOUTPUTDZ, n.index(i, j, single));
			return new Worked.Line(lhs,
					n.equation(lhs, n.fill(Sym.EXPR_SLOPE, activation, n.factor(z[i][j]), n.factor(a[i][j])), s[i][j]),
					s[i][j]);
		});
		int total = s.length * s[0].length;
		switch (activation) {
			case RELU -> {
				int dead = count(s, value -> value == 0.0);
				meaning.add(dead > 0 ? text(Msg.MEANING_SLOPE_DEAD, dead, total) : text(Msg.MEANING_SLOPE_ONE));
			}
			case LEAKY_RELU -> {
				int leaking = count(z, value -> value <= 0.0);
				meaning.add(leaking > 0 ? text(Msg.MEANING_SLOPE_LEAKY, leaking, total) : text(Msg.MEANING_SLOPE_ONE));
			}
			case LINEAR -> meaning.add(text(Msg.MEANING_SLOPE_ONE));
			default -> {
				int saturated = count(s, value -> value < Thresholds.SATURATED_SLOPE);
				if (saturated > 0) {
					meaning.add(text(Msg.MEANING_SLOPE_SATURATED, saturated, total, n.rounded(min(s))));
				}
				else {
					meaning
						.add(text(activation == Activation.SIGMOID ? Msg.MEANING_SLOPE_SIGMOID : Msg.MEANING_SLOPE_TANH,
								n.rounded(Counts.of(s).maxAbs())));
				}
			}
		}
		return worked(formula, e, meaning);
	}

	Worked dLdZ(int l) {
		ForwardPass.LayerValues v = forward.layers().get(l);
		BackwardPass.LayerGradients grad = gradients(l);
		double[][] gz = rows(grad.dLdZ());
		double[][] ga = rows(grad.dLdOutput());
		double[][] a = rows(v.output());
		boolean single = single(gz);
		boolean fused = l == depth() - 1 && step.loss()
			.outputGradient(new Loss.OutputLayer(v.z(), v.activation(), v.output()), step.labels()) != null;
		Sym formula;
		Elements e;
		if (fused && step.loss() == Loss.BINARY_CROSS_ENTROPY) {
			formula = Sym.FORMULA_DLDZ_FUSED_BCE;
			String divisor = Integer.toString(lossDivisor());
			e = elements(gz.length, gz[0].length, (i, j) -> line(Sym.NAME_DLDZ, n.index(i, j, single),
					n.fill(Sym.EXPR_DLDZ_FUSED_BCE, n.factor(a[i][j]), n.factor(labels[i][j]), divisor), gz[i][j]));
		}
		else if (fused) {
			formula = Sym.FORMULA_DLDZ_FUSED_CE;
			String divisor = Integer.toString(lossDivisor());
			e = elements(gz.length, gz[0].length,
					(i, j) -> line(Sym.NAME_DLDZ, n.index(i, j, single), n.fill(Sym.EXPR_DLDZ_FUSED_CE,
							n.factor(a[i][j]), n.factor(rowSum(labels[i])), n.factor(labels[i][j]), divisor),
							gz[i][j]));
		}
		else if (grad.dOutputdZ() == null) {
			formula = Sym.FORMULA_DLDZ_SOFTMAX;
			e = elements(gz.length, gz[0].length,
					(i, j) -> line(Sym.NAME_DLDZ, n.index(i, j, single),
							n.fill(Sym.EXPR_DLDZ_SOFTMAX, n.factor(a[i][j]), n.factor(ga[i][j]),
									sum(a[i].length, k -> n.product(n.factor(a[i][k]), n.factor(ga[i][k])))),
							gz[i][j]));
		}
		else {
			formula = Sym.FORMULA_DLDZ;
			double[][] s = rows(grad.dOutputdZ());
			e = elements(gz.length, gz[0].length, (i, j) -> line(Sym.NAME_DLDZ, n.index(i, j, single),
					n.fill(Sym.EXPR_DLDZ, n.factor(ga[i][j]), n.factor(s[i][j])), gz[i][j]));
		}
		Counts counts = Counts.of(gz);
		double incoming = Counts.of(ga).maxAbs();
		List<String> meaning = new ArrayList<>();
		meaning.add(text(Msg.MEANING_DLDZ));
		if (counts.zero() == counts.total()) {
			meaning.add(text(Msg.MEANING_DLDZ_ZERO));
		}
		else if (!fused && counts.maxAbs() < Thresholds.VANISHED_RATIO * incoming) {
			meaning.add(text(Msg.MEANING_DLDZ_VANISHED, n.rounded(counts.maxAbs()), n.rounded(incoming)));
		}
		if (counts.maxAbs() >= Thresholds.LARGE_GRADIENT) {
			meaning.add(text(Msg.MEANING_GRADIENT_LARGE, n.rounded(counts.maxAbs())));
		}
		return worked(n.fill(formula), e, meaning);
	}

	Worked dLdW(int l) {
		double[][] x = rows(forward.layers().get(l).input());
		double[][] gz = rows(gradients(l).dLdZ());
		double[][] dw = rows(gradients(l).dLdW());
		boolean single = single(dw);
		Elements e = elements(dw.length, dw[0].length, (m, j) -> line(Sym.NAME_DLDW, n.index(m, j, single),
				sum(x.length, i -> n.product(n.factor(x[i][m]), n.factor(gz[i][j]))), dw[m][j]));
		Counts counts = Counts.of(dw);
		List<String> meaning = new ArrayList<>();
		meaning.add(text(Msg.MEANING_DLDW));
		meaning.add(text(Msg.MEANING_DLDW_DIRECTION, counts.negative(), counts.positive(), counts.zero()));
		if (counts.maxAbs() >= Thresholds.LARGE_GRADIENT) {
			meaning.add(text(Msg.MEANING_GRADIENT_LARGE, n.rounded(counts.maxAbs())));
		}
		return worked(n.fill(Sym.FORMULA_DLDW), e, meaning);
	}

	Worked dLdb(int l) {
		double[][] gz = rows(gradients(l).dLdZ());
		double[] db = gradients(l).dLdb().toArray();
		boolean single = db.length == 1;
		boolean singleZ = single(gz);
		Elements e = elements(1, db.length,
				(unused, j) -> line(Sym.NAME_DLDB, n.index(j, single), gz.length == 1
						? n.fill(Sym.NAME_DLDZ, n.index(0, j, singleZ)) : sum(gz.length, i -> n.factor(gz[i][j])),
						db[j]));
		Counts counts = Counts.of(db);
		List<String> meaning = new ArrayList<>();
		meaning.add(text(Msg.MEANING_DLDB));
		meaning.add(text(Msg.MEANING_DLDB_DIRECTION, counts.negative(), counts.positive(), counts.zero()));
		return worked(n.fill(Sym.FORMULA_DLDB), e, meaning);
	}

	Worked dLdInput(int l) {
		double[][] gz = rows(gradients(l).dLdZ());
		double[][] w = rows(step.network().layer(l).weights());
		double[][] gx = rows(gradients(l).dLdInput());
		boolean single = single(gx);
		Elements e = elements(gx.length, gx[0].length, (i, m) -> line(Sym.NAME_DLDINPUT, n.index(i, m, single),
				sum(gz[i].length, j -> n.product(n.factor(gz[i][j]), n.factor(w[m][j]))), gx[i][m]));
		String meaning = l == 0 ? text(Msg.MEANING_DLDINPUT_FIRST) : text(Msg.MEANING_DLDINPUT_HIDDEN, l);
		return worked(n.fill(Sym.FORMULA_DLDINPUT), e, List.of(meaning));
	}

	// ---- update

	Worked updateWeights(int l) {
		double eta = step.result().learningRate();
		double[][] w = rows(step.network().layer(l).weights());
		double[][] g = rows(gradients(l).dLdW());
		double[][] updated = rows(step.result().updated().layer(l).weights());
		boolean single = single(w);
		if (!plainGradientDescent()) {
			Elements e = elements(w.length, w[0].length, (m, j) -> line(Sym.NAME_WEIGHTS_NEW, n.index(m, j, single),
					n.fill(Sym.EXPR_UPDATE_STEP, n.factor(w[m][j]), n.factor(updated[m][j] - w[m][j])), updated[m][j]));
			return worked(n.fill(Sym.FORMULA_UPDATE_STEP_WEIGHTS), e,
					List.of(stepMeaning(Msg.MEANING_UPDATE_STEP_WEIGHTS, w, updated)));
		}
		Elements e = elements(w.length, w[0].length, (m, j) -> line(Sym.NAME_WEIGHTS_NEW, n.index(m, j, single),
				n.fill(Sym.EXPR_UPDATE, n.factor(w[m][j]), n.factor(eta), n.factor(g[m][j])), updated[m][j]));
		return worked(n.fill(Sym.FORMULA_UPDATE_WEIGHTS), e,
				List.of(updateMeaning(Msg.MEANING_UPDATE_WEIGHTS, w, updated, Counts.of(g), eta)));
	}

	Worked updateBias(int l) {
		double eta = step.result().learningRate();
		double[] b = step.network().layer(l).bias().toArray();
		double[] g = gradients(l).dLdb().toArray();
		double[] updated = step.result().updated().layer(l).bias().toArray();
		boolean single = b.length == 1;
		if (!plainGradientDescent()) {
			Elements e = elements(1, b.length, (unused, j) -> line(Sym.NAME_BIAS_NEW, n.index(j, single),
					n.fill(Sym.EXPR_UPDATE_STEP, n.factor(b[j]), n.factor(updated[j] - b[j])), updated[j]));
			return worked(n.fill(Sym.FORMULA_UPDATE_STEP_BIAS), e, List
				.of(stepMeaning(Msg.MEANING_UPDATE_STEP_BIAS, new double[][] { b }, new double[][] { updated })));
		}
		Elements e = elements(1, b.length, (unused, j) -> line(Sym.NAME_BIAS_NEW, n.index(j, single),
				n.fill(Sym.EXPR_UPDATE, n.factor(b[j]), n.factor(eta), n.factor(g[j])), updated[j]));
		return worked(n.fill(Sym.FORMULA_UPDATE_BIAS), e, List.of(updateMeaning(Msg.MEANING_UPDATE_BIAS,
				new double[][] { b }, new double[][] { updated }, Counts.of(g), eta)));
	}

	/**
	 * The default optimizer, θ ← θ − η·dL/dθ, which the update's formula and numbers
	 * spell out.
	 */
	private boolean plainGradientDescent() {
		return Optimizer.plainSgd().equals(step.result().optimizer());
	}

	/** Another optimizer: its name and the largest change it made. */
	private String stepMeaning(Msg key, double[][] before, double[][] updated) {
		double largest = 0.0;
		for (int i = 0; i < before.length; i++) {
			for (int j = 0; j < before[i].length; j++) {
				largest = Math.max(largest, Math.abs(updated[i][j] - before[i][j]));
			}
		}
		return text(key, step.result().optimizer().type(), n.rounded(largest));
	}

	private String updateMeaning(Msg key, double[][] before, double[][] updated, Counts gradient, double eta) {
		if (gradient.zero() == gradient.total()) {
			return text(Msg.MEANING_UPDATE_NONE);
		}
		double largest = 0.0;
		for (int i = 0; i < before.length; i++) {
			for (int j = 0; j < before[i].length; j++) {
				largest = Math.max(largest, Math.abs(updated[i][j] - before[i][j]));
			}
		}
		return text(key, n.rounded(eta), n.rounded(largest));
	}

	// ---- after

	Worked afterPrediction() {
		Elements e = activationLines(after.outputLayer(), Sym.NAME_PREDICTION_NEW);
		double before = distance(rows(forward.prediction()));
		double now = distance(rows(after.prediction()));
		Closeness closeness = now < before ? Closeness.CLOSER : now > before ? Closeness.FURTHER : Closeness.SAME;
		return worked(n.fill(Sym.FORMULA_AFTER_PREDICTION), e, List.of(text(Msg.MEANING_AFTER_PREDICTION, closeness)));
	}

	Worked afterLoss() {
		return worked(n.fill(Sym.FORMULA_AFTER_LOSS), lossLine(after, Sym.NAME_LOSS_NEW),
				List.of(text(Msg.MEANING_AFTER_LOSS, n.rounded(after.loss()), n.rounded(forward.loss()))));
	}

	Worked lossChange() {
		double change = step.result().lossChange();
		String lhs = n.fill(Sym.NAME_LOSS_CHANGE);
		Elements e = new Elements(List.of(new Worked.Line(lhs,
				n.equation(lhs, n.fill(Sym.EXPR_DIFFERENCE, n.factor(after.loss()), n.factor(forward.loss())), change),
				change)), null);
		String meaning;
		if (change < 0) {
			meaning = text(Msg.MEANING_LOSS_CHANGE, Change.LOWERED, n.rounded(-change),
					n.rounded(step.result().learningRate()));
		}
		else if (change > 0) {
			meaning = text(Msg.MEANING_LOSS_CHANGE, Change.RAISED, n.rounded(change),
					n.rounded(step.result().learningRate()));
		}
		else {
			meaning = text(Msg.MEANING_LOSS_CHANGE, Change.UNCHANGED, n.rounded(0.0),
					n.rounded(step.result().learningRate()));
		}
		return worked(n.fill(Sym.FORMULA_LOSS_CHANGE), e, List.of(meaning));
	}

	// ---- helpers

	/** Σ|ŷ − y| over all elements. */
	private double distance(double[][] prediction) {
		double total = 0.0;
		for (int i = 0; i < prediction.length; i++) {
			for (int j = 0; j < prediction[i].length; j++) {
				total += Math.abs(prediction[i][j] - labels[i][j]);
			}
		}
		return total;
	}

	private BackwardPass.LayerGradients gradients(int l) {
		return backward.layers().get(l);
	}

	private Worked.Line line(Sym name, String index, String expression, double value) {
		String lhs = n.fill(name, index);
		return new Worked.Line(lhs, n.equation(lhs, expression, value), value);
	}

	private Worked worked(String formula, Elements e, List<String> meaning) {
		return new Worked(formula, e.lines(), e.elision(),
				meaning.stream().filter(s -> !s.isEmpty()).collect(Collectors.joining(" ")));
	}

	private String text(Msg key, Object... args) {
		return texts.text(locale, key, args);
	}

	private String text(Msg key, Enum<?> variant, Object... args) {
		return texts.text(locale, key, variant, args);
	}

	/**
	 * The terms joined by plus signs; a long sum keeps its first and last terms and
	 * counts them all.
	 */
	String sum(int count, IntFunction<String> term) {
		if (count <= MAX_TERMS) {
			return Stream.iterate(0, t -> t + 1).limit(count).map(term::apply).collect(Collectors.joining(n.plus()));
		}
		List<String> shown = new ArrayList<>();
		for (int t = 0; t < HEAD_TERMS; t++) {
			shown.add(term.apply(t));
		}
		shown.add(n.fill(Sym.EXPR_ELIDE_TERMS, text(Msg.ELISION_TERMS, count)));
		for (int t = count - TAIL_TERMS; t < count; t++) {
			shown.add(term.apply(t));
		}
		return String.join(n.plus(), shown);
	}

	interface ElementLine {

		Worked.Line at(int i, int j);

	}

	record Elements(List<Worked.Line> lines, String elision) {
	}

	/**
	 * The first elements of a rows × columns quantity in row order, and how many were
	 * left out.
	 */
	private Elements elements(int rows, int columns, ElementLine line) {
		long total = (long) rows * columns;
		List<Worked.Line> lines = new ArrayList<>();
		for (int i = 0; i < rows && lines.size() < MAX_ELEMENTS; i++) {
			for (int j = 0; j < columns && lines.size() < MAX_ELEMENTS; j++) {
				lines.add(line.at(i, j));
			}
		}
		String elision = total > lines.size() ? text(Msg.ELISION_ELEMENTS, total - lines.size(), total) : null;
		return new Elements(lines, elision);
	}

	private static boolean single(double[][] m) {
		return m.length == 1 && m[0].length == 1;
	}

	private static int count(double[][] m, java.util.function.DoublePredicate test) {
		int count = 0;
		for (double[] row : m) {
			for (double v : row) {
				if (test.test(v)) {
					count++;
				}
			}
		}
		return count;
	}

	private static double min(double[][] m) {
		double min = Double.POSITIVE_INFINITY;
		for (double[] row : m) {
			for (double v : row) {
				min = Math.min(min, v);
			}
		}
		return min;
	}

	private static double rowSum(double[] row) {
		double sum = 0.0;
		for (double v : row) {
			sum += v;
		}
		return sum;
	}

	private static double[][] rows(RealMatrix m) {
		return Matrices.rows(m);
	}

}
