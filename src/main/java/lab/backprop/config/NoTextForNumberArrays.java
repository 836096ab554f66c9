package lab.backprop.config;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.ArrayType;

/**
 * A string where a {@code double[]} is expected (the optimizer's {@code betas}, a row of
 * an optimizer state's buffers) is refused as "must be an array". Jackson 3 reads such a
 * string as a base64 "binary vector": {@code "AAAAAAAAAAA="} was taken for {@code [0.0]}
 * and any other string failed as if the JSON ended early (a malformed-JSON 400 at the
 * wrong place). Found while fuzzing.
 */
final class NoTextForNumberArrays extends DelegatingDeserializer {

	private NoTextForNumberArrays(ValueDeserializer<?> delegate) {
		super(delegate);
	}

	static SimpleModule module() {
		SimpleModule module = new SimpleModule("no-text-for-number-arrays");
		module.setDeserializerModifier(new ValueDeserializerModifier() {
			@Override
			public ValueDeserializer<?> modifyArrayDeserializer(DeserializationConfig config, ArrayType type,
					BeanDescription.Supplier description, ValueDeserializer<?> deserializer) {
				Class<?> element = type.getContentType().getRawClass();
				return (element == double.class || element == float.class) ? new NoTextForNumberArrays(deserializer)
						: deserializer;
			}
		});
		return module;
	}

	@Override
	protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
		return new NoTextForNumberArrays(delegate);
	}

	@Override
	public Object deserialize(JsonParser parser, DeserializationContext context) {
		if (parser.hasToken(JsonToken.VALUE_STRING)) {
			return context.handleUnexpectedToken(handledType(), parser);
		}
		return super.deserialize(parser, context);
	}

}
