package lab.backprop.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.JsonNode;

import lab.backprop.engine.linalg.Matrices;
import lab.backprop.engine.slips.Slip;
import lab.backprop.engine.slips.SlippedStep;
import lab.backprop.explain.Explainer;
import lab.backprop.explain.Step;
import lab.backprop.request.Suggestions;
import lab.backprop.request.WrittenNumbers;
import lab.backprop.system.problem.FieldError;

/**
 * Judges each answer against the /train-step answer and, where it is wrong, looks for the
 * slip that gives its numbers: the slips of the computation in {@link Slip}'s order (each
 * one made in the answer's own layer first), then the written answer transposed or
 * negated.
 */
final class Checker {

	/** Slips of one layer are tried in every layer of networks this deep or less. */
	static final int EVERY_LAYER_UP_TO = 4;

	private final AnswerSheet sheet;

	private final Judge judge;

	private final Explainer explainer;

	private final Step step;

	private final Locale locale;

	Checker(AnswerSheet sheet, Judge judge, Explainer explainer, Step step, Locale locale) {
		this.sheet = sheet;
		this.judge = judge;
		this.explainer = explainer;
		this.step = step;
		this.locale = locale;
	}

	/**
	 * Every answer judged, or the errors of those that cannot be (added to
	 * {@code errors}).
	 */
	CheckResponse check(Map<String, WrittenNumbers> answers, List<FieldError> errors) {
		List<CheckResponse.Verdict> verdicts = new ArrayList<>();
		for (Map.Entry<String, WrittenNumbers> answer : answers.entrySet()) {
			String at = "/answers/" + Target.escape(answer.getKey());
			CheckResponse.Verdict verdict = verdict(answer.getKey(), answer.getValue(), at, errors);
			if (verdict != null) {
				verdicts.add(verdict);
			}
		}
		return new CheckResponse(verdicts.stream().allMatch(CheckResponse.Verdict::correct), verdicts);
	}

	private CheckResponse.Verdict verdict(String pointer, WrittenNumbers given, String at, List<FieldError> errors) {
		if (given == null) {
			errors.add(new FieldError(at, "must be a number or an array of numbers, not null"));
			return null;
		}
		Target target;
		try {
			target = Target.find(sheet.right(), pointer);
		}
		catch (Target.NotNumbers e) {
			errors.add(new FieldError(at, e.getMessage() + didYouMean(pointer)));
			return null;
		}
		List<List<String>> written = given.rows();
		if (!Written.rectangular(written, at, errors)) {
			return null;
		}
		Numbers expected = target.expected();
		int rows = written.size();
		int columns = written.get(0).size();
		JsonNode echo = Written.echo(given);
		JsonNode right = Target.at(sheet.right(), pointer);
		if (rows != expected.rowCount() || columns != expected.columnCount()) {
			if (rows != expected.columnCount() || columns != expected.rowCount()) {
				errors.add(new FieldError(at,
						"is " + rows + " × " + columns + " but " + pointer + " is " + expected.shape()
								+ ": write it as the /train-step answer has it (rows × columns; a bare "
								+ "number for 1 × 1, a flat array for one row)"));
				return null;
			}
			return transposed(target, written, echo, right);
		}
		List<List<Integer>> wrong = new ArrayList<>();
		int first = -1;
		double maxAbsolute = 0.0;
		Double maxRelative = null;
		for (int i = 0; i < rows; i++) {
			for (int j = 0; j < columns; j++) {
				String text = written.get(i).get(j);
				double e = expected.rows()[i][j];
				// a given number near ±1e308 is farther off than a double holds: the
				// answer says MAX_VALUE
				double error = Math.min(Math.abs(Double.parseDouble(text) - e), Double.MAX_VALUE);
				maxAbsolute = Math.max(maxAbsolute, error);
				if (e != 0.0) {
					maxRelative = Math.max(maxRelative == null ? 0.0 : maxRelative,
							Math.min(error / Math.abs(e), Double.MAX_VALUE));
				}
				if (!judge.passes(text, e)) {
					wrong.add(expected.index(i, j));
					first = first < 0 ? i * columns + j : first;
				}
			}
		}
		if (wrong.isEmpty()) {
			return new CheckResponse.Verdict(pointer, true, echo, right, maxAbsolute, maxRelative, wrong, null, null);
		}
		CheckResponse.Mistake mistake = mistake(target, written);
		String hint = explainer.hint(step, target.value(), target.layer(),
				target.position(first / columns, first % columns), locale);
		return new CheckResponse.Verdict(pointer, false, echo, right, maxAbsolute, maxRelative, wrong, mistake, hint);
	}

	/**
	 * A value written transposed: right only if its numbers are the right ones,
	 * transposed.
	 */
	private CheckResponse.Verdict transposed(Target target, List<List<String>> written, JsonNode echo, JsonNode right) {
		double[][] candidate = Matrices.rows(SlippedStep.transposed(Matrices.of(target.expected().rows())));
		CheckResponse.Mistake mistake = null;
		if (fits(written, candidate)) {
			mistake = explain(Slip.TRANSPOSED, -1, target, written, -1);
		}
		return new CheckResponse.Verdict(target.pointer(), false, echo, right, null, null, null, mistake,
				explainer.hint(step, target.value(), target.layer(), -1, locale));
	}

	private CheckResponse.Mistake mistake(Target target, List<List<String>> written) {
		double[][] expected = target.expected().rows();
		boolean square = expected.length == expected[0].length;
		for (Slip slip : Slip.values()) {
			if (slip.scope() == Slip.Scope.VALUE) {
				if (slip == Slip.TRANSPOSED && !square) {
					continue;
				}
				double[][] candidate = Matrices.rows(slip == Slip.SIGN ? SlippedStep.negated(Matrices.of(expected))
						: SlippedStep.transposed(Matrices.of(expected)));
				int element = firstFit(written, expected, candidate);
				if (element >= 0) {
					return explain(slip, -1, target, written, element);
				}
				continue;
			}
			for (int layer : layers(slip, target)) {
				Optional<JsonNode> answer = sheet.slipped(slip, layer);
				Numbers candidate = answer.map(tree -> Numbers.of(Target.at(tree, target.pointer()))).orElse(null);
				if (candidate == null || candidate.rowCount() != expected.length
						|| candidate.columnCount() != expected[0].length) {
					continue;
				}
				int element = firstFit(written, expected, candidate.rows());
				if (element >= 0) {
					return explain(slip, layer, target, written, element);
				}
			}
		}
		return null;
	}

	/** The layers to try a slip in: none for a slip of the whole step (−1 once). */
	private List<Integer> layers(Slip slip, Target target) {
		if (slip.scope() == Slip.Scope.STEP) {
			return List.of(-1);
		}
		int own = target.layer() >= 0 ? target.layer() : sheet.depth() - 1;
		List<Integer> layers = new ArrayList<>(List.of(own));
		if (sheet.depth() <= EVERY_LAYER_UP_TO) {
			for (int l = sheet.depth() - 1; l >= 0; l--) {
				if (l != own) {
					layers.add(l);
				}
			}
		}
		return layers;
	}

	/**
	 * The first wrong element (row after row) when every wrong number passes as the
	 * slip's (the right ones may pass as either), or −1 when the slip does not fit.
	 */
	private int firstFit(List<List<String>> written, double[][] expected, double[][] candidate) {
		int first = -1;
		for (int i = 0; i < expected.length; i++) {
			for (int j = 0; j < expected[0].length; j++) {
				String text = written.get(i).get(j);
				boolean right = judge.passes(text, expected[i][j]);
				if (!right && !judge.passes(text, candidate[i][j])) {
					return -1;
				}
				if (!right && first < 0) {
					first = i * expected[0].length + j;
				}
			}
		}
		return first;
	}

	/** For a transposed shape: whether every number is the transposed value's. */
	private boolean fits(List<List<String>> written, double[][] candidate) {
		for (int i = 0; i < candidate.length; i++) {
			for (int j = 0; j < candidate[0].length; j++) {
				if (!judge.passes(written.get(i).get(j), candidate[i][j])) {
					return false;
				}
			}
		}
		return true;
	}

	private CheckResponse.Mistake explain(Slip slip, int layer, Target target, List<List<String>> written,
			int element) {
		Numbers expected = target.expected();
		String writtenShape = written.size() + " × " + written.get(0).size();
		lab.backprop.explain.Mistake facts;
		if (element < 0) {
			facts = new lab.backprop.explain.Mistake(slip, layer, target.pointer(), "", 0.0, expected.shape(),
					writtenShape);
		}
		else {
			int i = element / expected.columnCount();
			int j = element % expected.columnCount();
			facts = new lab.backprop.explain.Mistake(slip, layer, target.elementPointer(i, j), written.get(i).get(j),
					expected.rows()[i][j], expected.shape(), writtenShape);
		}
		return new CheckResponse.Mistake(slip.code(), explainer.mistake(step, facts, locale));
	}

	private String didYouMean(String pointer) {
		return Suggestions.closest(pointer, Target.quantities(sheet.right()))
			.map(p -> " (did you mean " + p + "?)")
			.orElse("");
	}

}
