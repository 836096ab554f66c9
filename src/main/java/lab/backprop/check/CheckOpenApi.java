package lab.backprop.check;

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
 * /check's schemas in the form generated clients handle: a learner's value (a number, a
 * flat array or rows, judged as written) is any JSON value its description names, not a
 * {@code oneOf} of arrays (which typescript-fetch sends as {@code {}} and Java's native
 * client does not compile); a verdict's {@code mistake}, an object or {@code null}, is an
 * {@code anyOf} of the two rather than a type beside a reference.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class CheckOpenApi implements OpenApiCustomizer {

	@Override
	@SuppressWarnings("rawtypes")
	public void customise(OpenAPI openApi) {
		if (openApi.getComponents() == null || openApi.getComponents().getSchemas() == null) {
			return;
		}
		Schema value = openApi.getComponents().getSchemas().get("AnswerValue");
		if (value != null) {
			value.setOneOf(null);
			value.setType(null);
			value.setTypes(null);
		}
		Schema verdict = openApi.getComponents().getSchemas().get("AnswerVerdict");
		if (verdict != null && verdict.getProperties() != null) {
			Object mistake = verdict.getProperties().get("mistake");
			if (mistake instanceof Schema<?> property && property.get$ref() != null) {
				Schema<?> either = new JsonSchema()
					.anyOf(List.of(new JsonSchema().$ref(property.get$ref()), new JsonSchema().types(Set.of("null"))));
				either.setDescription(property.getDescription());
				verdict.getProperties().put("mistake", either);
			}
		}
	}

}
