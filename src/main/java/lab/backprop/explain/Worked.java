package lab.backprop.explain;

import java.util.List;

/**
 * One quantity explained in one style and language: its rule, its elements with this
 * step's numbers (an excerpt for large layers, {@code elision} then says how many were
 * left out) and what it means.
 */
record Worked(String formula, List<Line> lines, String elision, String meaning) {

	/**
	 * One element: {@code equation} ends in {@code value}; {@code lhs} names the element.
	 */
	record Line(String lhs, String equation, double value) {
	}
}
