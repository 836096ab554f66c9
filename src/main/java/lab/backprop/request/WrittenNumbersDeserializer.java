package lab.backprop.request;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;

/**
 * Reads a {@link WrittenNumbers}: each number's own text, as the parser saw it. Every
 * number must be finite (1e999 is refused here, where its position is known).
 */
class WrittenNumbersDeserializer extends ValueDeserializer<WrittenNumbers> {

	@Override
	public WrittenNumbers deserialize(JsonParser p, DeserializationContext ctxt) {
		JsonToken token = p.currentToken();
		if (token != null && token.isNumeric()) {
			return new WrittenNumbers(0, List.of(List.of(text(p))));
		}
		if (token != JsonToken.START_ARRAY) {
			throw InvalidValueException.of(p,
					"must be a number or an array of numbers, not " + NumberArrayDeserializer.describe(token));
		}
		JsonToken first = p.nextToken();
		if (first == JsonToken.END_ARRAY) {
			return new WrittenNumbers(1, List.of(List.of()));
		}
		if (first != JsonToken.START_ARRAY) {
			return new WrittenNumbers(1, List.of(row(p, 0)));
		}
		List<List<String>> rows = new ArrayList<>();
		for (JsonToken t = p.currentToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
			if (t != JsonToken.START_ARRAY) {
				throw (InvalidValueException) InvalidValueException
					.of(p, "must be an array of numbers (a row): an array mixes rows and numbers")
					.prependPath(null, rows.size());
			}
			p.nextToken();
			try {
				rows.add(row(p, 1));
			}
			catch (InvalidValueException e) {
				throw (InvalidValueException) e.prependPath(null, rows.size());
			}
		}
		return new WrittenNumbers(2, rows);
	}

	/** From the first element to the END_ARRAY of a flat array. */
	private static List<String> row(JsonParser p, int depth) {
		List<String> row = new ArrayList<>();
		for (JsonToken t = p.currentToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
			if (t == null || !t.isNumeric()) {
				String message = t == JsonToken.START_ARRAY
						? (depth == 0 ? "must be a number: an array mixes numbers and rows"
								: "must be a number: arrays nest at most two deep (rows of numbers)")
						: "must be a number, not " + NumberArrayDeserializer.describe(t);
				throw (InvalidValueException) InvalidValueException.of(p, message).prependPath(null, row.size());
			}
			try {
				row.add(text(p));
			}
			catch (InvalidValueException e) {
				throw (InvalidValueException) e.prependPath(null, row.size());
			}
		}
		return row;
	}

	private static String text(JsonParser p) {
		String text = p.getString();
		if (!Double.isFinite(p.getDoubleValue())) {
			throw InvalidValueException.of(p, "must be a finite number: " + text + " overflows a double");
		}
		return text;
	}

}
