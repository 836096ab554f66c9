package lab.backprop.api;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import lab.backprop.engine.NonFiniteValueException;

/**
 * Turns every failure into an {@code application/problem+json} answer with a message
 * written for a person: no exception class, stack trace or framework wording reaches the
 * client.
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

	private static final Pattern CHAR_CODE = Pattern.compile(" \\(code \\d+\\)");

	private final RequestLimits limits;

	public ApiExceptionHandler(RequestLimits limits) {
		this.limits = limits;
	}

	@ExceptionHandler(InvalidRequestException.class)
	ResponseEntity<Object> invalidRequest(InvalidRequestException e) {
		return badRequest(e.errors());
	}

	@ExceptionHandler(LimitExceededException.class)
	ResponseEntity<Object> overLimit(LimitExceededException e) {
		return tooLarge(e.errors());
	}

	@ExceptionHandler(ServiceBusyException.class)
	ResponseEntity<Object> busy(ServiceBusyException e) {
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.RETRY_AFTER, Problems.RETRY_AFTER_SECONDS);
		return Problems.response(Problems.busy(e), headers);
	}

	@ExceptionHandler(NonFiniteValueException.class)
	ResponseEntity<Object> notFinite(NonFiniteValueException e) {
		ProblemDetail problem = Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, Problems.NOT_FINITE,
				"The arithmetic overflowed",
				e.quantity() + " is not a finite number: the step overflows a double. A smaller learning rate or "
						+ "smaller weights or inputs keep it finite.");
		problem.setProperty("quantity", e.quantity());
		return Problems.response(problem, null);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		Throwable cause = ex.getCause();
		if (cause instanceof StreamConstraintsException limit) {
			return tooLarge(List.of(new FieldError(pointerOf(limit), readerLimit(limit))));
		}
		if (cause instanceof StreamReadException syntax) {
			return malformed(syntax);
		}
		if (cause instanceof UnrecognizedPropertyException unknown) {
			return badRequest(List.of(unknownField(unknown)));
		}
		if (cause instanceof InvalidValueException invalid) {
			return badRequest(List.of(new FieldError(pointer(invalid.getPath()), invalid.getOriginalMessage())));
		}
		if (cause instanceof MismatchedInputException trailing && trailing.getOriginalMessage() != null
				&& trailing.getOriginalMessage().startsWith("Trailing token")) {
			return badRequest(
					List.of(new FieldError("", "has more after the JSON object: send exactly one JSON value")));
		}
		if (cause instanceof MismatchedInputException mismatch) {
			return badRequest(List.of(new FieldError(pointer(mismatch.getPath()), expected(mismatch))));
		}
		if (cause instanceof JacksonException other) {
			return badRequest(List
				.of(new FieldError(pointer(other.getPath()), "cannot be read: " + clean(other.getOriginalMessage()))));
		}
		return badRequest(List.of(new FieldError("", "is missing or empty: send a JSON object")));
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

	@ExceptionHandler(Exception.class)
	ResponseEntity<Object> unexpected(Exception e) {
		log.error("Unexpected failure", e);
		return Problems.response(ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
				"The service failed unexpectedly; the failure was logged."), null);
	}

	/**
	 * Every problem the base class builds (404, 405, 406, 415, ...) goes out as
	 * problem+json.
	 */
	@Override
	protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
			WebRequest request) {
		ProblemDetail problem = body instanceof ProblemDetail detail ? detail : ProblemDetail.forStatus(statusCode);
		return Problems.response(problem, headers);
	}

	private static ResponseEntity<Object> badRequest(List<FieldError> errors) {
		ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, Problems.INVALID_REQUEST,
				"The request body is not valid", Problems.summary(errors));
		return Problems.response(Problems.withErrors(problem, errors), null);
	}

	private static ResponseEntity<Object> tooLarge(List<FieldError> errors) {
		ProblemDetail problem = Problems.of(HttpStatus.CONTENT_TOO_LARGE, Problems.TOO_LARGE,
				"The request is over a limit", Problems.summary(errors));
		return Problems.response(Problems.withErrors(problem, errors), null);
	}

	/** Which of Jackson's read limits was hit, named as our configuration names it. */
	private String readerLimit(StreamConstraintsException e) {
		String message = String.valueOf(e.getOriginalMessage());
		if (message.contains("Number value length") || message.contains("number value length")) {
			return "has a number with more than " + limits.maxNumberLength()
					+ " digits, the limit backprop.limits.max-number-length";
		}
		if (message.contains("String value length") || message.contains("string value length")) {
			return "has a string longer than " + limits.maxStringLength()
					+ " characters, the limit backprop.limits.max-string-length";
		}
		if (message.contains("nesting depth") || message.contains("Nesting depth")) {
			return "nests arrays and objects deeper than " + limits.maxNestingDepth()
					+ " levels, the limit backprop.limits.max-nesting-depth";
		}
		return "is over a limit of the JSON reader: " + clean(message);
	}

	private static ResponseEntity<Object> malformed(StreamReadException e) {
		TokenStreamLocation location = e.getLocation();
		String original = String.valueOf(e.getOriginalMessage());
		String message = clean(original);
		boolean duplicate = original.startsWith("Duplicate Object property");
		if (duplicate) {
			message = "appears twice in the same object: every field may be given once";
		}
		else if (location != null && location.getLineNr() > 0) {
			message = "is not valid JSON (line " + location.getLineNr() + ", column " + location.getColumnNr() + "): "
					+ message;
		}
		else {
			message = "is not valid JSON: " + message;
		}
		List<FieldError> errors = List.of(new FieldError(duplicate ? pointerOf(e) : containerOf(e), message));
		ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, Problems.MALFORMED_JSON,
				"The request body is not valid JSON", Problems.summary(errors));
		return Problems.response(Problems.withErrors(problem, errors), null);
	}

	private static FieldError unknownField(UnrecognizedPropertyException e) {
		Collection<String> known = new TreeSet<>();
		for (Object id : e.getKnownPropertyIds()) {
			known.add(String.valueOf(id));
		}
		String name = e.getPropertyName();
		return new FieldError(pointer(e.getPath()), "is not a known field" + Suggestions.hint(name, known)
				+ "; known fields here: " + String.join(", ", known));
	}

	/** "must be a number" and the like, from the type Jackson was reading. */
	private static String expected(MismatchedInputException e) {
		Class<?> target = e.getTargetType();
		JsonToken token = e.getCurrentToken();
		String found = token == null ? "" : ", not " + NumberArrayDeserializer.describe(token);
		if (target == null) {
			return "has the wrong type" + found;
		}
		if (Number.class.isAssignableFrom(target) || target == double.class || target == int.class
				|| target == long.class) {
			return "must be a number" + found;
		}
		if (target == String.class) {
			return "must be a string" + found;
		}
		if (target == Boolean.class || target == boolean.class) {
			return "must be true or false" + found;
		}
		if (Collection.class.isAssignableFrom(target) || target.isArray()) {
			return "must be an array" + found;
		}
		if (Map.class.isAssignableFrom(target) || target.isRecord()) {
			return "must be an object" + found;
		}
		return "has the wrong type" + found;
	}

	static String pointer(List<JacksonException.Reference> path) {
		StringBuilder pointer = new StringBuilder();
		for (JacksonException.Reference reference : path) {
			pointer.append('/');
			if (reference.getPropertyName() != null) {
				pointer.append(reference.getPropertyName().replace("~", "~0").replace("/", "~1"));
			}
			else if (reference.getIndex() >= 0) {
				pointer.append(reference.getIndex());
			}
		}
		return pointer.toString();
	}

	/** Where the parser stood when it stopped. */
	private static String pointerOf(JacksonException e) {
		if (e.processor() instanceof tools.jackson.core.JsonParser parser) {
			TokenStreamContext context = parser.streamReadContext();
			if (context != null) {
				return context.pathAsPointer().toString();
			}
		}
		return pointer(e.getPath());
	}

	/** The object or array in which the parser stopped: where the syntax error is. */
	private static String containerOf(JacksonException e) {
		if (e.processor() instanceof tools.jackson.core.JsonParser parser) {
			TokenStreamContext context = parser.streamReadContext();
			if (context != null && context.getParent() != null) {
				return context.getParent().pathAsPointer().toString();
			}
		}
		return "";
	}

	/** Jackson's own sentence, without the bits meant for programmers. */
	private static String clean(String message) {
		if (message == null) {
			return "unreadable input";
		}
		String cleaned = CHAR_CODE.matcher(message).replaceAll("");
		cleaned = cleaned.replaceAll("`[^`]*`", "").replaceAll("\\s+", " ").trim();
		cleaned = cleaned.replace("StreamReadConstraints.", "").replace("JsonFactory", "");
		return cleaned.isEmpty() ? "unreadable input"
				: cleaned.substring(0, 1).toLowerCase(Locale.ROOT) + cleaned.substring(1);
	}

}
