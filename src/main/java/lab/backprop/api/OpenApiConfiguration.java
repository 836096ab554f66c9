package lab.backprop.api;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Schema;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document's header, and how the flexible number fields are described. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	static {
		// A NumberArray is written as a number, an array or an array of rows; each field's own
		// @Schema(oneOf = ...) says which of those it accepts.
		SpringDocUtils.getConfig().replaceWithSchema(NumberArray.class, new Schema<>());
	}

	/** A property that is one of several forms has no single type of its own. */
	@Bean
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
					if (property.getOneOf() != null && !property.getOneOf().isEmpty()) {
						property.setType(null);
						property.setTypes(null);
					}
				}
			}
		};
	}

	@Bean
	OpenAPI backpropLabOpenApi() {
		return new OpenAPI().info(new Info()
			.title("Backprop Lab")
			.version("1")
			.description("""
					Backpropagation, number by number. POST a dense network to `/train-step`: the service \
					runs the forward pass, the loss, every factor of the chain rule, one gradient-descent \
					update and the forward pass again, and returns every intermediate value as an IEEE \
					double written with full round-trip precision (nothing is rounded). `optimizer` \
					chooses the update (sgd, momentum, nesterov, adam, rmsprop, with PyTorch's formulas); \
					`/train` runs many steps, `/gradient-check` compares every gradient with a finite \
					difference, and `/examples` has ready bodies to start from.

					Conventions: JSON with camelCase fields; matrices are arrays of rows; `inputs` is \
					batch × features and a layer's `weights` is inputs × outputs, so \
					`z = input · weights + bias`. Enum values are lower snake case, matched \
					ASCII-case-insensitively, and echoed in lower case. A field sent as `null` is the same \
					as a field left out. Gradients are exact derivatives of the reported `loss` (as \
					PyTorch's autograd with the same reduction).

					Numerics: nothing is clamped. Sigmoid and its slope, tanh's slope and softmax are 					computed so that large |z| gives the correctly rounded value, never NaN; 					`binary_cross_entropy` after a `sigmoid` output and `cross_entropy` after a `softmax` 					output are computed from z (softplus, log-sum-exp), so a prediction that rounds to 					exactly 0 or 1 still gives the finite loss and dL/dZ; 0 · ln 0 = 0. A value whose true 					size is beyond a double (such as dL/dŷ = −1/ŷ for a ŷ below 1e−308) is a 422.

					Limits (413 beyond, each configurable): body 16 MiB, 1,000,000 parameters, 64 layers, 					4,096 neurons in a layer, 4,096 examples in a batch, 1,000,000 input numbers, JSON 					nesting 64 deep, 1,000 digits in a number, 100,000 characters in a string.

					Errors are `application/problem+json` (RFC 9457) with `type`, `title`, `status`, \
					`detail` and, for problems in the body, `errors: [{pointer, message}]` with JSON \
					Pointers (RFC 6901). 400: the body is not valid; 413: over a configured limit; \
					415/406: media types; 422: the arithmetic overflowed (`quantity` names the first value \
					that is not finite)."""));
	}
}
