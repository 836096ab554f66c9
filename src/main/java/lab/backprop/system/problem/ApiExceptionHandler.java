package lab.backprop.system.problem;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import lab.backprop.engine.NonFiniteValueException;

/**
 * Turns every failure into an {@code application/problem+json} answer with a message
 * written for a person: no exception class, stack trace or framework wording reaches the
 * client. The service's own 400, 413 and 503 are {@code ErrorResponseException}s that
 * carry their problem; a body Jackson cannot read is translated by the request package's
 * own advice, which comes first.
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

	@ExceptionHandler(NonFiniteValueException.class)
	ResponseEntity<Object> notFinite(NonFiniteValueException e) {
		return Problems.response(Problems.notFinite(e.quantity()), null);
	}

	@Override
	protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, "There is nothing at /" + ex.getResourcePath()
				+ ". The endpoints are listed at /swagger-ui.html and /v3/api-docs.");
		return Problems.response(problem, headers);
	}

	@Override
	protected ResponseEntity<Object> handleHttpRequestMethodNotSupported(HttpRequestMethodNotSupportedException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		String allowed = ex.getSupportedHttpMethods() == null ? "" : " Use "
				+ String.join(" or ", ex.getSupportedHttpMethods().stream().map(Object::toString).toList()) + ".";
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
				ex.getMethod() + " is not allowed here." + allowed);
		return Problems.response(problem, headers);
	}

	/**
	 * Tomcat could not decode a query string or form that {@link QueryStringFilter} let
	 * through: the client's fault, not ours.
	 */
	@ExceptionHandler(InvalidParameterException.class)
	ResponseEntity<Object> invalidParameters(InvalidParameterException e) {
		return Problems.response(Problems.of(HttpStatus.BAD_REQUEST, Problems.INVALID_REQUEST,
				"The request is not valid", "the query string or the form cannot be read: write each parameter as "
						+ "name=value, percent-encoded in UTF-8"),
				null);
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Object> unexpected(Exception e) {
		log.error("Unexpected failure", e);
		return Problems.response(ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
				"The service failed unexpectedly; the failure was logged."), null);
	}

	/**
	 * Every problem the base class builds (404, 405, 406, 415, an
	 * ErrorResponseException's own) goes out as problem+json.
	 */
	@Override
	protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
			WebRequest request) {
		ProblemDetail problem = body instanceof ProblemDetail detail ? detail : ProblemDetail.forStatus(statusCode);
		return Problems.response(problem, headers);
	}

}
