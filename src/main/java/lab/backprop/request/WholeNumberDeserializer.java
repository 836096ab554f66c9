package lab.backprop.request;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;

/**
 * Reads a count (steps, a step number) as written: a JSON integer, never a fraction
 * silently cut to one (Jackson would read 1.5 as 1).
 */
public class WholeNumberDeserializer extends ValueDeserializer<Long> {

	@Override
	public Long deserialize(JsonParser p, DeserializationContext ctxt) {
		if (p.currentToken() != JsonToken.VALUE_NUMBER_INT) {
			throw InvalidValueException.of(p,
					"must be a whole number, not " + (p.currentToken() == JsonToken.VALUE_NUMBER_FLOAT ? p.getString()
							: NumberArrayDeserializer.describe(p.currentToken())));
		}
		if (p.getNumberType() != JsonParser.NumberType.INT && p.getNumberType() != JsonParser.NumberType.LONG) {
			throw InvalidValueException.of(p, "is too large: " + p.getString());
		}
		return p.getLongValue();
	}

	/** The same for an {@code Integer} field. */
	public static class Int extends ValueDeserializer<Integer> {

		@Override
		public Integer deserialize(JsonParser p, DeserializationContext ctxt) {
			long value = new WholeNumberDeserializer().deserialize(p, ctxt);
			if (value != (int) value) {
				throw InvalidValueException.of(p, "is too large: " + value);
			}
			return (int) value;
		}

	}

}
