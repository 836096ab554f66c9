package lab.backprop.explain;

/**
 * How formulas are written: plain Unicode text (the JSON) or LaTeX (the worked solution
 * in Markdown).
 */
public enum Style {

	PLAIN, LATEX

}
