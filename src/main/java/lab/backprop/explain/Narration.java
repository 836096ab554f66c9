package lab.backprop.explain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoublePredicate;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.commons.math3.linear.RealMatrix;

import lab.backprop.engine.Activation;
import lab.backprop.engine.BackwardPass;
import lab.backprop.engine.ForwardPass;
import lab.backprop.engine.linalg.Matrices;

/**
 * What the narrators of one step share: the step, its language and style, and the ways a
 * value is written out (element lines, long sums, the meaning's sentences). The numbers
 * in the substitutions are the engine's own results, never recomputed, so they are
 * exactly the JSON's.
 */
final class Narration {

	/** Elements shown per quantity; the rest are counted. */
	static final int MAX_ELEMENTS = 6;

	/** Terms shown in full per sum; a longer sum shows its first and last terms. */
	static final int MAX_TERMS = 6;

	private static final int HEAD_TERMS = 3;

	private static final int TAIL_TERMS = 1;

	private final Texts texts;

	private final Locale locale;

	private final Notation n;

	private final Step step;

	private final double[][] labels;

	Narration(Texts texts, Step step, Locale locale, Style style) {
		this.texts = texts;
		this.locale = locale;
		this.n = new Notation(texts, style);
		this.step = step;
		this.labels = rows(step.labels());
	}

	Step step() {
		return step;
	}

	Notation notation() {
		return n;
	}

	int depth() {
		return step.network().depth();
	}

	ForwardPass forward() {
		return step.result().forward();
	}

	BackwardPass backward() {
		return step.result().backward();
	}

	ForwardPass after() {
		return step.result().after();
	}

	double[][] labels() {
		return labels;
	}

	BackwardPass.LayerGradients gradients(int l) {
		return backward().layers().get(l);
	}

	/** The N the loss divides by, as the engine says. */
	String lossDivisor() {
		return Integer.toString(step.loss().divisor(step.labels()));
	}

	/**
	 * a = f(z) element by element, named {@code name}; softmax shows each row's
	 * normalisation.
	 */
	Elements activationLines(ForwardPass.LayerValues v, Sym name) {
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

	/** The data loss of {@code pass} written out term by term. */
	Elements lossLine(ForwardPass pass, Sym name) {
		return new Elements(List.of(dataLossLine(pass, name)), null);
	}

	Worked.Line dataLossLine(ForwardPass pass, Sym name) {
		double[][] p = rows(pass.prediction());
		int k = p[0].length;
		String terms = sum(p.length * k, t -> n.fill(Sym.EXPR_LOSS_TERM, step.loss(), n.factor(p[t / k][t % k]),
				n.factor(labels[t / k][t % k])));
		String expression = n.fill(Sym.EXPR_LOSS, step.loss(), lossDivisor(), terms);
		String lhs = n.fill(name);
		return new Worked.Line(lhs, n.equation(lhs, expression, pass.dataLoss()), pass.dataLoss());
	}

	boolean regularized() {
		return !step.regularization().isNone();
	}

	Worked.Line line(Sym name, String index, String expression, double value) {
		String lhs = n.fill(name, index);
		return new Worked.Line(lhs, n.equation(lhs, expression, value), value);
	}

	Worked worked(String formula, Elements e, List<String> meaning) {
		return new Worked(formula, e.lines(), e.elision(),
				meaning.stream().filter(s -> !s.isEmpty()).collect(Collectors.joining(" ")));
	}

	String text(Msg key, Object... args) {
		return texts.text(locale, key, args);
	}

	String text(Msg key, Enum<?> variant, Object... args) {
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
	Elements elements(int rows, int columns, ElementLine line) {
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

	static boolean single(double[][] m) {
		return m.length == 1 && m[0].length == 1;
	}

	static int count(double[][] m, DoublePredicate test) {
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

	static double min(double[][] m) {
		double min = Double.POSITIVE_INFINITY;
		for (double[] row : m) {
			for (double v : row) {
				min = Math.min(min, v);
			}
		}
		return min;
	}

	static double[][] rows(RealMatrix m) {
		return Matrices.rows(m);
	}

}
