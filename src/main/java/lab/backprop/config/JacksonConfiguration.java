package lab.backprop.config;

import java.util.List;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Scope;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.MapperBuilder;
import tools.jackson.databind.type.LogicalType;
import tools.jackson.databind.json.JsonMapper;
import lab.backprop.request.NumberArrayJsonFactory;
import lab.backprop.system.limits.RequestLimits;

/**
 * Strict reading (duplicate keys, unknown fields, trailing tokens, no string-to-number
 * coercion) and exact number handling: doubles are parsed correctly rounded and written
 * with the shortest text that reads back to the same double.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RequestLimits.class)
class JacksonConfiguration {

	/**
	 * Boot's own mapper builder, on a JSON factory that enforces the nesting, number and
	 * string limits (Boot 4.0 has no properties for Jackson's stream read constraints),
	 * whose parser reads the numbers of arrays straight from its bytes
	 * ({@link NumberArrayJsonFactory}).
	 */
	@Bean
	@Scope(BeanDefinition.SCOPE_PROTOTYPE)
	JsonMapper.Builder jsonMapperBuilder(List<JsonMapperBuilderCustomizer> customizers, RequestLimits limits) {
		JsonFactory factory = new NumberArrayJsonFactory(
				JsonFactory.builder().streamReadConstraints(limits.streamReadConstraints()));
		JsonMapper.Builder builder = JsonMapper.builder(factory);
		customizers.forEach(customizer -> customizer.customize(builder));
		return builder;
	}

	@Bean
	JsonMapperBuilderCustomizer strictExactJson() {
		return JacksonConfiguration::strictAndExact;
	}

	/**
	 * The reading and writing rules every representation of a body shares (JSON and CBOR:
	 * {@link CborConfiguration}).
	 */
	static void strictAndExact(MapperBuilder<?, ?> builder) {
		builder.addModule(NoTextForNumberArrays.module())
			.addModule(NumberArrayWriter.module())
			.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION, StreamReadFeature.USE_FAST_DOUBLE_PARSER)
			.enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
			.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
					DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
			.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS, MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
			.withCoercionConfig(LogicalType.Textual,
					text -> text.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
	}

}
