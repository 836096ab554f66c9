package lab.backprop.config.openapi;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The schemas a request body uses say what the service does with a body, so that a
 * generated client sends what the service accepts and a validator allows what it accepts:
 * <ul>
 * <li>{@code additionalProperties: false}: unknown fields are refused;</li>
 * <li>no {@code default}: a generated client sends a schema's defaults (OpenAPI
 * Generator's Python client does), and an {@code activation} sent unasked selects the
 * single-layer form; the default stays in the text;</li>
 * <li>an optional field may be {@code null} (the same as leaving it out), which also
 * keeps Java's generated models from sending an empty list for a list never set;</li>
 * <li>enum values are matched ASCII-case-insensitively: a pattern says so, and the
 * description lists them.</li>
 * </ul>
 * Query and header parameters get the same enum patterns. Schemas that answers share with
 * requests (a {@code Layer}, an {@code Optimizer}) follow the request's rules.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class RequestSchemas implements OpenApiCustomizer {

	@Override
	@SuppressWarnings("rawtypes")
	public void customise(OpenAPI openApi) {
		Map<String, Schema> components = openApi.getComponents().getSchemas();
		for (String name : SchemaTree.requestComponents(openApi)) {
			Schema<?> schema = components.get(name);
			if (schema.getProperties() == null) {
				continue;
			}
			if (schema.getAdditionalProperties() == null) {
				schema.setAdditionalProperties(false);
			}
			List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
			schema.getProperties().replaceAll((field, property) -> {
				Schema<?> rewritten = caseInsensitive(withoutDefault(property));
				if (rewritten.getItems() != null) {
					caseInsensitive(rewritten.getItems());
				}
				if (Integer.valueOf(Integer.MAX_VALUE).equals(rewritten.getMaxItems())) {
					// springdoc's reading of @Size(min = 1), which sets no maximum
					rewritten.setMaxItems(null);
				}
				return required.contains(field) ? rewritten : nullable(rewritten);
			});
		}
		SchemaTree.forEachOperation(openApi, operation -> {
			if (operation.getParameters() != null) {
				for (Parameter parameter : operation.getParameters()) {
					if (parameter.getSchema() != null) {
						caseInsensitive(parameter.getSchema());
						if (parameter.getSchema().getItems() != null) {
							caseInsensitive(parameter.getSchema().getItems());
						}
					}
				}
			}
		});
	}

	private static Schema<?> withoutDefault(Schema<?> property) {
		Object value = property.getDefault();
		if (value == null) {
			return property;
		}
		property.setDefault(null);
		String description = property.getDescription() == null ? "" : property.getDescription();
		if (!description.contains("Default")) {
			property.setDescription((description + " Default: `" + value + "`.").strip());
		}
		return property;
	}

	/**
	 * An enum of lower snake_case names becomes a pattern that matches them in any ASCII
	 * case, as {@code WireEnum} reads them.
	 */
	@SuppressWarnings({ "rawtypes", "unchecked" })
	static Schema<?> caseInsensitive(Schema<?> schema) {
		List<?> values = schema.getEnum();
		if (values == null || values.isEmpty() || !SchemaTree.types(schema).contains("string")) {
			return schema;
		}
		List<String> names = new ArrayList<>();
		for (Object value : values) {
			if (!(value instanceof String name) || !name.matches("[a-z0-9_]+")) {
				return schema;
			}
			names.add(name);
		}
		((Schema) schema).setEnum(null);
		schema.setPattern(names.stream().map(RequestSchemas::anyCase).collect(Collectors.joining("|", "^(?:", ")$")));
		String listed = names.stream().map(name -> "`" + name + "`").collect(Collectors.joining(", "));
		String description = schema.getDescription() == null ? "" : schema.getDescription() + " ";
		schema.setDescription(description + "One of " + listed + ", in any ASCII case.");
		return schema;
	}

	private static String anyCase(String name) {
		StringBuilder pattern = new StringBuilder();
		for (char c : name.toCharArray()) {
			if (c >= 'a' && c <= 'z') {
				pattern.append('[').append(Character.toUpperCase(c)).append(c).append(']');
			}
			else {
				pattern.append(c);
			}
		}
		return pattern.toString();
	}

	/** The property, also allowing {@code null}. */
	private static Schema<?> nullable(Schema<?> property) {
		if (property.get$ref() != null) {
			Schema<?> wrapper = new JsonSchema()
				.anyOf(List.of(new JsonSchema().$ref(property.get$ref()), new JsonSchema().types(Set.of("null"))));
			wrapper.setDescription(property.getDescription());
			if (property.getExample() != null) {
				wrapper.setExample(property.getExample());
			}
			return wrapper;
		}
		Set<String> types = SchemaTree.types(property);
		if (!types.isEmpty() && !types.contains("null")) {
			Set<String> withNull = new LinkedHashSet<>(types);
			withNull.add("null");
			SchemaTree.setTypes(property, withNull);
		}
		return property;
	}

}
