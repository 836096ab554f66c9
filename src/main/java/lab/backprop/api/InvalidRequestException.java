package lab.backprop.api;

import java.util.List;

/**
 * The body was read but does not describe a valid request; each error names its field.
 */
public class InvalidRequestException extends RuntimeException {

	private final List<FieldError> errors;

	public InvalidRequestException(List<FieldError> errors) {
		super(errors.size() + " problem(s) in the request body");
		this.errors = List.copyOf(errors);
	}

	public InvalidRequestException(String pointer, String message) {
		this(List.of(new FieldError(pointer, message)));
	}

	public List<FieldError> errors() {
		return errors;
	}

}
