package lab.backprop.api;

import java.util.List;

/** The request is over one of the configured {@link RequestLimits}: answered 413. */
public class LimitExceededException extends RuntimeException {

	private final List<FieldError> errors;

	public LimitExceededException(String pointer, String message) {
		super(message);
		this.errors = List.of(new FieldError(pointer, message));
	}

	public List<FieldError> errors() {
		return errors;
	}

}
