package lab.backprop.system.problem;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * The body was read but does not describe a valid request: a 400 whose {@code errors}
 * name each field.
 */
public class InvalidRequestException extends ErrorResponseException {

	private final List<FieldError> errors;

	public InvalidRequestException(List<FieldError> errors) {
		super(HttpStatus.BAD_REQUEST, Problems.invalidBody(errors), null);
		this.errors = List.copyOf(errors);
	}

	public List<FieldError> errors() {
		return errors;
	}

}
