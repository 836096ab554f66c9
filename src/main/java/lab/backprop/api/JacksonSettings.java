package lab.backprop.api;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;

/**
 * Strict reading (duplicate keys, unknown fields, trailing tokens, no string-to-number coercion) and
 * exact number handling: doubles are parsed correctly rounded and written with the shortest text
 * that reads back to the same double.
 */
@Configuration(proxyBeanMethods = false)
class JacksonSettings {

	@Bean
	JsonMapperBuilderCustomizer strictExactJson() {
		return builder -> builder
			.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION, StreamReadFeature.USE_FAST_DOUBLE_PARSER)
			.enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
			.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
					DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
			.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS, MapperFeature.SORT_PROPERTIES_ALPHABETICALLY);
	}
}
