package lab.backprop.config;

import java.util.List;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Schema;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import lab.backprop.api.NumberArray;

/** What the OpenAPI document says about the service as a whole. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	static {
		// NumberArray is read by its own deserializer from a number, a flat array or a matrix; each field
		// says which of those it takes (its oneOf). Without this, springdoc would also describe the
		// record's Java fields (depth, scalar, flat, rows) as an object schema that no request matches.
		SpringDocUtils.getConfig().replaceWithSchema(NumberArray.class, new Schema<>());
	}

	/**
	 * springdoc still marks such a field {@code type: object} beside its {@code oneOf}, which no number or
	 * array could satisfy: a property that lists its forms in {@code oneOf} gets no type of its own, and
	 * one with a single form simply has that form.
	 */
	@Bean
	@SuppressWarnings("rawtypes")
	OpenApiCustomizer oneOfPropertiesHaveNoOwnType() {
		return openApi -> {
			if (openApi.getComponents() == null || openApi.getComponents().getSchemas() == null) {
				return;
			}
			for (Schema<?> schema : openApi.getComponents().getSchemas().values()) {
				if (schema.getProperties() == null) {
					continue;
				}
				for (Schema<?> property : schema.getProperties().values()) {
					List<Schema> oneOf = property.getOneOf();
					if (oneOf == null || oneOf.isEmpty()) {
						continue;
					}
					property.setType(null);
					property.setTypes(null);
					if (oneOf.size() == 1) {
						// a "one of" a single form is that form
						Schema<?> only = oneOf.get(0);
						property.setOneOf(null);
						property.setTypes(only.getTypes());
						property.setType(only.getType());
						property.setItems(only.getItems());
						property.setFormat(only.getFormat());
					}
				}
			}
		};
	}

	@Bean
	OpenAPI backpropLabOpenApi(ObjectProvider<BuildProperties> build) {
		BuildProperties properties = build.getIfAvailable();
		return new OpenAPI()
			.info(new Info().title("Backprop Lab")
				.version(properties == null ? "dev" : properties.getVersion())
				.description("""
						Backpropagation shown number by number: one forward pass, the loss, every factor \
						of the chain rule, one gradient-descent step and the forward pass again, at full \
						double precision. Every error is `application/problem+json` (RFC 9457). The API \
						is open: it needs no authentication."""))
			// no authentication: stated, rather than left out
			.security(List.of());
	}
}
