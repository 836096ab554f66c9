package lab.backprop.config;

import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import lab.backprop.request.NumberArray;

/** What the OpenAPI document says about the service as a whole. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	static {
		// NumberArray is read by its own deserializer from a number, a flat array or a
		// matrix; it is documented as a matrix (config.openapi.MatrixSchema names it),
		// and each field says in its text which shorter forms it also takes. Without
		// this, springdoc would describe the record's Java fields (depth, scalar, flat,
		// rows) as an object schema that no request matches.
		SpringDocUtils.getConfig()
			.replaceWithSchema(NumberArray.class,
					new JsonSchema().types(Set.of("array"))
						.items(new JsonSchema().types(Set.of("array"))
							.items(new JsonSchema().types(Set.of("number")).format("double"))));
	}

	/**
	 * springdoc still marks such a field {@code type: object} beside its {@code oneOf},
	 * which no number or array could satisfy: a property that lists its forms in
	 * {@code oneOf} gets no type of its own, and one with a single form simply has that
	 * form.
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
				.license(new License().name("Apache License 2.0").url("https://www.apache.org/licenses/LICENSE-2.0"))
				// semantic versioning, the pom's version (CHANGELOG.md says what changed)
				.version(properties == null ? "0.0.0-dev" : properties.getVersion())
				.description("""
						Backpropagation, number by number. POST a dense network to `/train-step`: the service \
						runs the forward pass, the loss, every factor of the chain rule, one gradient-descent \
						update and the forward pass again, and returns every intermediate value as an IEEE \
						double written with full round-trip precision (nothing is rounded). `optimizer` \
						chooses the update (sgd, momentum, nesterov, adam, rmsprop, with PyTorch's formulas); \
						`/train` runs many steps, `/gradient-check` compares every gradient with a finite \
						difference, and `/examples` has ready bodies to start from. `/datasets` draws the \
						classic two-feature data sets from a seed, `/initial-layers` gives seeded starting \
						weights and `/predict` the forward pass alone.

						Conventions: JSON with camelCase fields; matrices are arrays of rows; `inputs` is \
						batch × features and a layer's `weights` is inputs × outputs, so \
						`z = input · weights + bias`. Enum values are lower snake case, matched \
						ASCII-case-insensitively, and echoed in lower case. A field sent as `null` is the same \
						as a field left out. Gradients are exact derivatives of the reported `loss` (as \
						PyTorch's autograd with the same reduction).

						Numerics: nothing is clamped. Sigmoid and its slope, tanh's slope and softmax are \
						computed so that large |z| gives the correctly rounded value, never NaN; \
						`binary_cross_entropy` after a `sigmoid` output and `cross_entropy` after a `softmax` \
						output are computed from z (softplus, log-sum-exp), so a prediction that rounds to \
						exactly 0 or 1 still gives the finite loss and dL/dZ; 0 · ln 0 = 0. A value whose true \
						size is beyond a double (such as dL/dŷ = −1/ŷ for a ŷ below 1e−308) is a 422.

						Limits (413 beyond, each configurable): body 16 MiB, 1,000,000 parameters, 64 layers, \
						4,096 neurons in a layer, 4,096 examples in a batch, 1,000,000 input numbers, \
						1,000,000 activations (batch × the neurons of all layers), JSON \
						nesting 64 deep, 1,000 digits in a number, 100,000 characters in a string. Requests \
						computing at once share a memory budget (`backprop.admission`, by default half the \
						heap): a large request that does not fit waits its turn, first come first served, for \
						up to 30 s, then gets a 503 problem with `Retry-After`.

						Compression: a client that sends `Accept-Encoding: gzip` gets every JSON answer \
						gzipped (`Content-Encoding: gzip`, zlib's fastest level; a full 784 → 256 → 10 × 64 \
						/train-step answer shrinks from 20 MB to 9.6 MB), the same text once unpacked; \
						without it answers are sent as they are, small ones with their `Content-Length`. \
						Event streams are never compressed.

						Binary numbers: `/train-step`, `/train`, `/predict` and `/gradient-check` also take and \
						answer `application/cbor` (RFC 8949): the same fields as the JSON, every number a CBOR \
						float64 (the 8 bytes of its IEEE double) or an integer, so nothing is written as digits \
						or read back from them. Send `Content-Type: application/cbor` for a CBOR body and \
						`Accept: application/cbor` for a CBOR answer, each independently (a streamed /train \
						takes a CBOR body; its events are JSON). The answer's numbers are the JSON answer's \
						doubles bit for bit, in about half the bytes (a full 784 → 256 → 10 × 64 /train-step: \
						9.3 MB instead of 20 MB) and several times quicker to write and read. JSON stays the \
						default: without `Accept`, with `*/*`, or with JSON ranked first. A CBOR body is read \
						with the JSON rules and limits above (unknown and duplicate keys, types, nesting, \
						number and string lengths); NaN and ±Infinity, which CBOR can hold, are refused like \
						any number that is not finite. CBOR answers are not gzipped (binary doubles hardly \
						shrink). Errors are `application/problem+json` either way.

						Errors are `application/problem+json` (RFC 9457) with `type`, `title`, `status`, \
						`detail` and, for problems in the body, `errors: [{pointer, message}]` with JSON \
						Pointers (RFC 6901). 400: the body is not valid; 413: over a configured limit; \
						415/406: media types; 422: the arithmetic overflowed (`quantity` names the first value \
						that is not finite). The API is open: it needs no authentication."""))
			// relative, so that a client uses the address it fetched the document from
			.servers(List.of(new Server().url("/")
				.description(
						"This service: the address the document was fetched from (set a client's base URL to it).")))
			// no authentication: stated, rather than left out
			.security(List.of());
	}

}
