package lab.backprop.request;

import java.util.Arrays;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.dataformat.cbor.CBORReadContext;

/**
 * Streams a number, an array of numbers or an array of arrays of numbers straight into
 * {@code double} arrays: no tree, no boxing. Every number must be finite; a value that
 * overflows a double (1e309) is refused here, where its position is known.
 */
class NumberArrayDeserializer extends ValueDeserializer<NumberArray> {

	private static final int MOST_DECLARED = 1024;

	@Override
	public NumberArray deserialize(JsonParser p, DeserializationContext ctxt) {
		JsonToken token = p.currentToken();
		if (token != null && token.isNumeric()) {
			return NumberArray.ofScalar(readNumber(p));
		}
		if (token != JsonToken.START_ARRAY) {
			throw InvalidValueException.of(p, "must be a number or an array of numbers, not " + describe(token));
		}
		JsonToken first = next(p);
		if (first == JsonToken.END_ARRAY) {
			return NumberArray.ofFlat(new double[0]);
		}
		return first == JsonToken.START_ARRAY ? NumberArray.ofRows(readRows(p)) : NumberArray.ofFlat(readFlat(p, 0));
	}

	/**
	 * Reads from the first element to the END_ARRAY of a flat array; {@code depth} 1 is a
	 * row of a matrix.
	 */
	private static double[] readFlat(JsonParser p, int depth) {
		double[] values = new double[initialCapacity(p.streamReadContext(), 8)];
		int count = 0;
		for (JsonToken token = p.currentToken(); token != JsonToken.END_ARRAY; token = next(p)) {
			if (token == null || !token.isNumeric()) {
				String message = token == JsonToken.START_ARRAY
						? (depth == 0 ? "must be a number: an array mixes numbers and rows"
								: "must be a number: arrays nest at most two deep (rows of numbers)")
						: "must be a number, not " + describe(token);
				throw InvalidValueException.of(p, message).prependPath(null, count);
			}
			if (count == values.length) {
				values = Arrays.copyOf(values, count * 2);
			}
			try {
				values[count] = readNumber(p);
			}
			catch (InvalidValueException e) {
				throw (InvalidValueException) e.prependPath(null, count);
			}
			count++;
		}
		return count == values.length ? values : Arrays.copyOf(values, count);
	}

	private static double[][] readRows(JsonParser p) {
		// the parser stands on the first row's START_ARRAY, in the row's own context
		double[][] rows = new double[initialCapacity(p.streamReadContext().getParent(), 4)][];
		int count = 0;
		for (JsonToken token = p.currentToken(); token != JsonToken.END_ARRAY; token = p.nextToken()) {
			if (token != JsonToken.START_ARRAY) {
				String message = token != null && token.isNumeric()
						? "must be an array of numbers (a row): an array mixes rows and numbers"
						: "must be an array of numbers (a row), not " + describe(token);
				throw InvalidValueException.of(p, message).prependPath(null, count);
			}
			if (count == rows.length) {
				rows = Arrays.copyOf(rows, count * 2);
			}
			try {
				next(p);
				rows[count] = readFlat(p, 1);
			}
			catch (InvalidValueException e) {
				throw (InvalidValueException) e.prependPath(null, count);
			}
			count++;
		}
		return count == rows.length ? rows : Arrays.copyOf(rows, count);
	}

	/**
	 * Room for the array being read: the length a CBOR array declares (up to
	 * {@link #MOST_DECLARED}: a declared length is not yet backed by any values), else
	 * {@code otherwise}.
	 */
	private static int initialCapacity(TokenStreamContext context, int otherwise) {
		if (context instanceof CBORReadContext array && array.inArray() && array.hasExpectedLength()) {
			return Math.max(1, Math.min(array.getExpectedLength(), MOST_DECLARED));
		}
		return otherwise;
	}

	/** The next token; a {@link NumberArrayParser} reads a number quicker. */
	private static JsonToken next(JsonParser p) {
		return p instanceof NumberArrayParser numbers ? numbers.nextInArray() : p.nextToken();
	}

	private static double readNumber(JsonParser p) {
		double value = p.getDoubleValue();
		if (!Double.isFinite(value)) {
			String text = p.getString();
			if (text.equals(Double.toString(value))) {
				// NaN or ±Infinity itself, which a CBOR body can hold (JSON has no such
				// token)
				throw InvalidValueException.of(p, "must be a finite number, not " + text);
			}
			throw InvalidValueException.of(p, "must be a finite number: " + abbreviate(text) + " overflows a double");
		}
		return value;
	}

	static String describe(JsonToken token) {
		if (token == null) {
			return "the end of the input";
		}
		return switch (token) {
			case START_OBJECT -> "an object";
			case START_ARRAY -> "an array";
			case VALUE_STRING -> "a string";
			case VALUE_TRUE, VALUE_FALSE -> "a boolean";
			case VALUE_NULL -> "null";
			case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
			default -> "the token " + token;
		};
	}

	private static String abbreviate(String text) {
		return text.length() <= 24 ? text : text.substring(0, 12) + "…" + text.substring(text.length() - 8);
	}

}
