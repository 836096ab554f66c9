package lab.backprop.config.openapi;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * Whether a JSON value has the shape a schema of the served OpenAPI document gives it:
 * the JSON Schema keywords the document uses ({@code $ref}, {@code type}, {@code anyOf},
 * {@code properties}, {@code required}, {@code additionalProperties}, {@code items},
 * {@code pattern}). Stricter than JSON Schema in one way: a property the schema does not
 * list is reported unless {@code additionalProperties} allows it, so that an answer
 * cannot carry an undocumented field. CI checks every answer with Prism as well; this
 * catches the same drift in {@code ./mvnw verify}.
 */
final class DocumentedShape {

	private final JsonNode document;

	private final List<String> violations = new ArrayList<>();

	private DocumentedShape(JsonNode document) {
		this.document = document;
	}

	/** Where {@code value} does not fit {@code schema}; empty when it fits. */
	static List<String> violations(JsonNode document, JsonNode schema, JsonNode value) {
		DocumentedShape shape = new DocumentedShape(document);
		shape.check(schema, value, "");
		return shape.violations;
	}

	private boolean check(JsonNode schema, JsonNode value, String at) {
		int before = violations.size();
		if (schema.has("$ref")) {
			String ref = schema.get("$ref").asString();
			check(document.at(ref.substring(1)), value, at);
		}
		if (schema.has("anyOf")) {
			boolean any = false;
			for (JsonNode option : schema.get("anyOf")) {
				DocumentedShape trial = new DocumentedShape(document);
				if (trial.check(option, value, at)) {
					any = true;
					break;
				}
			}
			if (!any) {
				violations.add(at + ": fits none of anyOf");
			}
		}
		if (schema.has("type") && !typeFits(schema.get("type"), value)) {
			violations.add(at + ": " + value.getNodeType() + " where the type is " + schema.get("type"));
			return false;
		}
		if (value.isString() && schema.has("pattern")
				&& !Pattern.compile(schema.get("pattern").asString()).matcher(value.asString()).find()) {
			violations.add(at + ": '" + value.asString() + "' does not match " + schema.get("pattern").asString());
		}
		if (value.isObject()) {
			checkObject(schema, value, at);
		}
		if (value.isArray() && schema.has("items")) {
			for (int i = 0; i < value.size(); i++) {
				check(schema.get("items"), value.get(i), at + "/" + i);
			}
		}
		return violations.size() == before;
	}

	private void checkObject(JsonNode schema, JsonNode value, String at) {
		JsonNode properties = schema.get("properties");
		JsonNode additional = schema.get("additionalProperties");
		if (properties == null && additional == null) {
			return;
		}
		if (schema.has("required")) {
			for (JsonNode name : schema.get("required")) {
				if (!value.has(name.asString())) {
					violations.add(at + ": the required " + name.asString() + " is missing");
				}
			}
		}
		Set<String> listed = new HashSet<>();
		if (properties != null) {
			properties.properties().forEach(p -> listed.add(p.getKey()));
		}
		for (Map.Entry<String, JsonNode> field : value.properties()) {
			String path = at + "/" + field.getKey();
			if (listed.contains(field.getKey())) {
				check(properties.get(field.getKey()), field.getValue(), path);
			}
			else if (additional != null && additional.isObject()) {
				check(additional, field.getValue(), path);
			}
			else if (additional == null || !additional.asBoolean()) {
				violations.add(path + ": not in the schema");
			}
		}
	}

	private static boolean typeFits(JsonNode type, JsonNode value) {
		if (type.isArray()) {
			for (JsonNode one : type) {
				if (typeFits(one, value)) {
					return true;
				}
			}
			return false;
		}
		return switch (type.asString()) {
			case "object" -> value.isObject();
			case "array" -> value.isArray();
			case "string" -> value.isString();
			case "number" -> value.isNumber();
			case "integer" -> value.isIntegralNumber();
			case "boolean" -> value.isBoolean();
			case "null" -> value.isNull();
			default -> false;
		};
	}

}
