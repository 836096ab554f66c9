package lab.backprop.config;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.http.converter.cbor.JacksonCborHttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import tools.jackson.dataformat.cbor.CBORFactory;
import tools.jackson.dataformat.cbor.CBORMapper;
import tools.jackson.dataformat.cbor.CBORWriteFeature;
import lab.backprop.system.limits.RequestLimits;

/**
 * {@code application/cbor} (RFC 8949) beside JSON for the operations that carry many
 * numbers (each says so in its {@code consumes} and {@code produces}): the same fields,
 * each double as the 8 bytes of its IEEE value (major type 7, additional information 27),
 * so nothing is rendered as digits or parsed back. Read with the same rules and limits as
 * JSON; JSON stays the default, and errors are always {@code application/problem+json}.
 */
@Configuration(proxyBeanMethods = false)
class CborConfiguration implements WebMvcConfigurer {

	private final RequestLimits limits;

	CborConfiguration(RequestLimits limits) {
		this.limits = limits;
	}

	@Override
	public void configureMessageConverters(HttpMessageConverters.ServerBuilder builder) {
		builder.withCborConverter(new JacksonCborHttpMessageConverter(mapper(this.limits)));
	}

	static CBORMapper mapper(RequestLimits limits) {
		CBORMapper.Builder builder = CBORMapper
			.builder(CBORFactory.builder().streamReadConstraints(limits.streamReadConstraints()).build())
			// every double in 8 bytes, even one a float32 would hold exactly: one shape
			// per number
			.disable(CBORWriteFeature.WRITE_MINIMAL_DOUBLES);
		JacksonConfiguration.strictAndExact(builder);
		return builder.build();
	}

}
