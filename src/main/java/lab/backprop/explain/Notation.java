package lab.backprop.explain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

import tools.jackson.core.io.NumberOutput;

/**
 * Numbers and names in one {@link Style}: a number is written in its shortest round-trip
 * form, exactly as the JSON writes it (with the style's minus sign), and in parentheses
 * where it is a negative factor or addend.
 */
final class Notation {

	/** Significant digits of a number rounded for reading. */
	private static final int READABLE_DIGITS = 4;

	private final Texts texts;

	private final Style style;

	private final String neg;

	Notation(Texts texts, Style style) {
		this.texts = texts;
		this.style = style;
		this.neg = texts.notation(style, Sym.SYM_NEG, null);
	}

	Style style() {
		return style;
	}

	/** The shortest text that reads back as {@code v}: what the JSON shows. */
	static String full(double v) {
		return NumberOutput.toString(v, true);
	}

	/** {@code v} rounded to four significant digits, for reading. */
	static String readable(double v) {
		if (v == 0.0 || !Double.isFinite(v)) {
			return full(v);
		}
		BigDecimal rounded = new BigDecimal(v).round(new MathContext(READABLE_DIGITS, RoundingMode.HALF_EVEN))
			.stripTrailingZeros();
		double size = Math.abs(v);
		return size >= 1e-4 && size < 1e7 ? rounded.toPlainString() : rounded.toString();
	}

	/** A result: the full number with this style's minus sign. */
	String number(double v) {
		return signed(full(v));
	}

	/** A rounded result with this style's minus sign. */
	String rounded(double v) {
		return signed(readable(v));
	}

	/** A number inside an expression: in parentheses when negative. */
	String factor(double v) {
		String text = number(v);
		return text.startsWith(neg) ? "(" + text + ")" : text;
	}

	private String signed(String text) {
		return text.startsWith("-") ? neg + text.substring(1) : text;
	}

	String times() {
		return texts.notation(style, Sym.SYM_TIMES, null);
	}

	String plus() {
		return " " + texts.notation(style, Sym.SYM_PLUS, null) + " ";
	}

	String minus() {
		return " " + texts.notation(style, Sym.SYM_MINUS, null) + " ";
	}

	String product(String a, String b) {
		return a + times() + b;
	}

	String fill(Sym key, String... values) {
		return texts.notation(style, key, null, values);
	}

	String fill(Sym key, Enum<?> variant, String... values) {
		return texts.notation(style, key, variant, values);
	}

	/** The index of element (i, j), 1-based, or nothing for a single element. */
	String index(int i, int j, boolean single) {
		return single ? "" : fill(Sym.INDEX_TWO, Integer.toString(i + 1), Integer.toString(j + 1));
	}

	String index(int j, boolean single) {
		return single ? "" : fill(Sym.INDEX_ONE, Integer.toString(j + 1));
	}

	/**
	 * {@code lhs = expression = result}, or {@code lhs = result} where the expression is
	 * empty or already is the result.
	 */
	String equation(String lhs, String expression, double result) {
		String value = number(result);
		if (expression == null || expression.isEmpty() || sameNumber(expression, result)) {
			return lhs + " = " + value;
		}
		return lhs + " = " + expression + " = " + value;
	}

	private boolean sameNumber(String expression, double result) {
		String plain = expression.replace("(", "").replace(")", "").replace(neg, "-").trim();
		try {
			return Double.parseDouble(plain) == result;
		}
		catch (NumberFormatException e) {
			return false;
		}
	}

}
