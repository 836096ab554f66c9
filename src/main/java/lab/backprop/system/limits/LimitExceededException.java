package lab.backprop.system.limits;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

import lab.backprop.system.problem.FieldError;
import lab.backprop.system.problem.Problems;

/** The request is over one of the configured {@link RequestLimits}: answered 413. */
public class LimitExceededException extends ErrorResponseException {

	public LimitExceededException(String pointer, String message) {
		super(HttpStatus.CONTENT_TOO_LARGE, Problems.tooLarge(List.of(new FieldError(pointer, message))), null);
	}

}
