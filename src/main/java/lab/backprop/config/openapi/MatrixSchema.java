package lab.backprop.config.openapi;

import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.Schema;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * One named type for every matrix of the document, {@code Matrix}: an array of rows of
 * numbers. Each matrix written inline (a {@code double[][]} of a record, a
 * {@code NumberArray} of a request) becomes a reference to it, keeping its own
 * description. Matrices rather than a {@code oneOf} of a number, a flat array and a
 * matrix because that is what every generator turns into a working type (typescript-fetch
 * sends a {@code oneOf} of arrays as {@code {}}, Java's native client does not compile
 * it); the shorter forms a request field also accepts are described in its text.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class MatrixSchema implements OpenApiCustomizer {

	static final String NAME = "Matrix";

	@Override
	public void customise(OpenAPI openApi) {
		SchemaTree.rewriteDocument(openApi, MatrixSchema::referenceMatrices);
		openApi.getComponents().addSchemas(NAME, definition());
	}

	/** The inline form a matrix has before it is replaced by a reference. */
	static Schema<?> inline() {
		return array(array(new JsonSchema().types(Set.of("number")).format("double")));
	}

	private static Schema<?> definition() {
		return inline().description("""
				A matrix: an array of rows, each an array of numbers (IEEE doubles, written with full \
				round-trip precision), all rows the same length. `inputs` and every value of a batch are \
				batch × columns; a layer's `weights` are inputs × outputs. Some request fields also accept \
				a shorter form, which their description names (a flat array for one example, a number \
				for a bias).""");
	}

	private static Schema<?> array(Schema<?> items) {
		return new JsonSchema().types(Set.of("array")).items(items);
	}

	private static Schema<?> referenceMatrices(Schema<?> schema) {
		if (schema.get$ref() != null || !isNumberMatrix(schema)) {
			return schema;
		}
		Schema<?> reference = new JsonSchema().$ref(SchemaTree.COMPONENTS + NAME);
		Schema<?> replacement = reference;
		if (SchemaTree.types(schema).contains("null")) {
			replacement = new JsonSchema().anyOf(List.of(reference, new JsonSchema().types(Set.of("null"))));
		}
		replacement.setDescription(schema.getDescription());
		if (schema.getExample() != null) {
			replacement.setExample(schema.getExample());
		}
		return replacement;
	}

	private static boolean isNumberMatrix(Schema<?> schema) {
		Set<String> types = SchemaTree.types(schema);
		boolean array = types.equals(Set.of("array")) || types.equals(Set.of("array", "null"));
		return array && schema.getItems() != null && isNumberVector(schema.getItems());
	}

	private static boolean isNumberVector(Schema<?> schema) {
		return schema.get$ref() == null && SchemaTree.types(schema).equals(Set.of("array")) && schema.getItems() != null
				&& schema.getItems().get$ref() == null && SchemaTree.types(schema.getItems()).equals(Set.of("number"));
	}

}
