package lab.backprop.request;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;

import lab.backprop.system.problem.FieldError;

/**
 * Bean Validation's violations as the service's errors: the property path as a JSON
 * Pointer (the request records' component names are their JSON names), in the order the
 * body's fields are declared.
 */
final class BeanViolations {

	private BeanViolations() {
	}

	static <T> List<FieldError> of(Set<ConstraintViolation<T>> violations) {
		return violations.stream()
			.map(v -> new FieldError(pointer(v.getPropertyPath()), v.getMessage()))
			.distinct()
			.sorted(Comparator.comparing(FieldError::pointer))
			.toList();
	}

	/**
	 * Errors in the order of the body's fields (a stable sort: the errors of one field
	 * keep their order).
	 */
	static Comparator<FieldError> fieldOrder(Class<?> body) {
		List<String> order = new ArrayList<>();
		if (body.isRecord()) {
			for (RecordComponent component : body.getRecordComponents()) {
				order.add(component.getName());
			}
		}
		return Comparator.comparingInt(error -> {
			int at = order.indexOf(topField(error.pointer()));
			return at < 0 ? order.size() : at;
		});
	}

	/**
	 * {@code layers[1].weights} → {@code /layers/1/weights}; list elements by their
	 * index.
	 */
	static String pointer(Path path) {
		StringBuilder pointer = new StringBuilder();
		for (Path.Node node : path) {
			if (node.getIndex() != null) {
				pointer.append('/').append(node.getIndex());
			}
			else if (node.getKey() != null) {
				pointer.append('/').append(escape(String.valueOf(node.getKey())));
			}
			if (node.getKind() == ElementKind.PROPERTY && node.getName() != null) {
				pointer.append('/').append(escape(node.getName()));
			}
		}
		return pointer.toString();
	}

	private static String topField(String pointer) {
		int end = pointer.indexOf('/', 1);
		return end < 0 ? pointer.substring(Math.min(1, pointer.length())) : pointer.substring(1, end);
	}

	private static String escape(String name) {
		return name.replace("~", "~0").replace("/", "~1");
	}

	/**
	 * A message for {@code buildConstraintViolationWithTemplate} that is taken literally:
	 * Bean Validation would otherwise read braces and dollar signs in it as parameters.
	 */
	static String literal(String message) {
		return message.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}").replace("$", "\\$");
	}

}
