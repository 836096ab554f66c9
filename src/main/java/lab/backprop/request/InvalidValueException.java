package lab.backprop.request;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * A value in the body that has the wrong form, with a message written for the client.
 * Jackson adds the path to it as the exception leaves each enclosing object and array.
 */
class InvalidValueException extends MismatchedInputException {

	private InvalidValueException(JsonParser p, String message) {
		super(p, message, NumberArray.class);
	}

	static InvalidValueException of(JsonParser p, String message) {
		return new InvalidValueException(p, message);
	}

}
