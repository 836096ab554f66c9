package lab.backprop.config.openapi;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;

/** Walking and rewriting the schemas of an OpenAPI document. */
final class SchemaTree {

	static final String COMPONENTS = "#/components/schemas/";

	private SchemaTree() {
	}

	/** The JSON Schema types of a schema (OpenAPI 3.1 keeps them in {@code types}). */
	static Set<String> types(Schema<?> schema) {
		if (schema.getTypes() != null) {
			return schema.getTypes();
		}
		return schema.getType() == null ? Set.of() : Set.of(schema.getType());
	}

	static void setTypes(Schema<?> schema, Set<String> types) {
		schema.setTypes(new LinkedHashSet<>(types));
		schema.setType(types.size() == 1 ? types.iterator().next() : null);
	}

	/** The component a {@code $ref} names, or {@code null}. */
	static String referenced(Schema<?> schema) {
		String ref = schema.get$ref();
		return ref != null && ref.startsWith(COMPONENTS) ? ref.substring(COMPONENTS.length()) : null;
	}

	/**
	 * Rewrites {@code schema} and every schema inside it, innermost first: each is
	 * replaced by what {@code rewrite} returns for it.
	 */
	@SuppressWarnings({ "rawtypes", "unchecked" })
	static Schema<?> rewrite(Schema<?> schema, UnaryOperator<Schema<?>> rewrite) {
		if (schema == null) {
			return null;
		}
		if (schema.getProperties() != null) {
			Map<String, Schema> properties = new LinkedHashMap<>();
			schema.getProperties().forEach((name, property) -> properties.put(name, rewrite(property, rewrite)));
			schema.setProperties(properties);
		}
		if (schema.getItems() != null) {
			schema.setItems((Schema) rewrite(schema.getItems(), rewrite));
		}
		if (schema.getAdditionalProperties() instanceof Schema<?> additional) {
			schema.setAdditionalProperties(rewrite(additional, rewrite));
		}
		schema.setAllOf(rewriteAll(schema.getAllOf(), rewrite));
		schema.setAnyOf(rewriteAll(schema.getAnyOf(), rewrite));
		schema.setOneOf(rewriteAll(schema.getOneOf(), rewrite));
		return rewrite.apply(schema);
	}

	@SuppressWarnings("rawtypes")
	private static List<Schema> rewriteAll(List<Schema> schemas, UnaryOperator<Schema<?>> rewrite) {
		if (schemas == null) {
			return null;
		}
		List<Schema> rewritten = new ArrayList<>(schemas.size());
		schemas.forEach(s -> rewritten.add(rewrite(s, rewrite)));
		return rewritten;
	}

	/**
	 * Rewrites every schema of the document: the components and those written inline in
	 * parameters, request bodies, responses and their headers.
	 */
	@SuppressWarnings("rawtypes")
	static void rewriteDocument(OpenAPI openApi, UnaryOperator<Schema<?>> rewrite) {
		if (openApi.getComponents() != null && openApi.getComponents().getSchemas() != null) {
			Map<String, Schema> schemas = openApi.getComponents().getSchemas();
			schemas.replaceAll((name, schema) -> rewrite(schema, rewrite));
		}
		forEachOperation(openApi, operation -> {
			if (operation.getParameters() != null) {
				for (Parameter parameter : operation.getParameters()) {
					parameter.setSchema(rewrite(parameter.getSchema(), rewrite));
				}
			}
			if (operation.getRequestBody() != null) {
				rewriteContent(operation.getRequestBody().getContent(), rewrite);
			}
			if (operation.getResponses() != null) {
				for (ApiResponse response : operation.getResponses().values()) {
					rewriteContent(response.getContent(), rewrite);
					if (response.getHeaders() != null) {
						for (Header header : response.getHeaders().values()) {
							header.setSchema(rewrite(header.getSchema(), rewrite));
						}
					}
				}
			}
		});
	}

	private static void rewriteContent(Content content, UnaryOperator<Schema<?>> rewrite) {
		if (content == null) {
			return;
		}
		for (MediaType media : content.values()) {
			media.setSchema(rewrite(media.getSchema(), rewrite));
		}
	}

	static void forEachOperation(OpenAPI openApi, Consumer<Operation> action) {
		if (openApi.getPaths() == null) {
			return;
		}
		for (PathItem path : openApi.getPaths().values()) {
			path.readOperations().forEach(action);
		}
	}

	/**
	 * The names of the components a request body uses, directly or through other
	 * components.
	 */
	@SuppressWarnings("rawtypes")
	static Set<String> requestComponents(OpenAPI openApi) {
		Set<String> names = new LinkedHashSet<>();
		Map<String, Schema> components = openApi.getComponents() == null || openApi.getComponents().getSchemas() == null
				? Map.of() : openApi.getComponents().getSchemas();
		forEachOperation(openApi, operation -> {
			if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
				return;
			}
			for (MediaType media : operation.getRequestBody().getContent().values()) {
				collect(media.getSchema(), components, names);
			}
		});
		return names;
	}

	@SuppressWarnings("rawtypes")
	private static void collect(Schema<?> schema, Map<String, Schema> components, Set<String> names) {
		visit(schema, s -> {
			String name = referenced(s);
			if (name != null && components.containsKey(name) && names.add(name)) {
				collect(components.get(name), components, names);
			}
		});
	}

	/** Calls {@code visitor} on {@code schema} and every schema inside it. */
	@SuppressWarnings("rawtypes")
	static void visit(Schema<?> schema, Consumer<Schema<?>> visitor) {
		if (schema == null) {
			return;
		}
		visitor.accept(schema);
		if (schema.getProperties() != null) {
			schema.getProperties().values().forEach(property -> visit(property, visitor));
		}
		visit(schema.getItems(), visitor);
		if (schema.getAdditionalProperties() instanceof Schema<?> additional) {
			visit(additional, visitor);
		}
		for (List<Schema> group : Arrays.asList(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf())) {
			if (group != null) {
				group.forEach(s -> visit(s, visitor));
			}
		}
	}

}
