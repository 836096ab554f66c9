package lab.backprop.request;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import lab.backprop.system.limits.RequestLimits;
import lab.backprop.system.delivery.DataFormats;
import lab.backprop.system.problem.FieldError;
import lab.backprop.system.problem.Problems;

/**
 * A body Jackson could not read, told in our own words with the JSON Pointer of the
 * value: malformed JSON or CBOR, duplicate keys, unknown fields (with did-you-mean),
 * wrong types, values our deserializers refuse, and Jackson's read limits (413). No
 * Jackson wording reaches the client. Ordered before the general handler, which would
 * give a bare "Failed to read".
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UnreadableBodyAdvice {

	private static final Pattern CHAR_CODE = Pattern.compile(" \\(code \\d+\\)");

	private final RequestLimits limits;

	UnreadableBodyAdvice(RequestLimits limits) {
		this.limits = limits;
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<Object> unreadable(HttpMessageNotReadableException ex, HttpServletRequest request) {
		boolean cbor = DataFormats.isCbor(request.getContentType());
		Throwable cause = ex.getCause();
		if (cause instanceof StreamConstraintsException limit) {
			return Problems.response(Problems.tooLarge(List.of(new FieldError(pointerOf(limit), readerLimit(limit)))),
					null);
		}
		if (cause instanceof StreamReadException syntax) {
			return malformed(syntax, cbor);
		}
		if (cause instanceof UnrecognizedPropertyException unknown) {
			return badRequest(unknownField(unknown));
		}
		if (cause instanceof InvalidValueException invalid) {
			return badRequest(new FieldError(pointer(invalid.getPath()), invalid.getOriginalMessage()));
		}
		if (cause instanceof MismatchedInputException trailing && trailing.getOriginalMessage() != null
				&& trailing.getOriginalMessage().startsWith("Trailing token")) {
			return badRequest(new FieldError("", cbor ? "has more after the CBOR map: send exactly one CBOR data item"
					: "has more after the JSON object: send exactly one JSON value"));
		}
		if (cause instanceof MismatchedInputException mismatch) {
			return badRequest(new FieldError(pointer(mismatch.getPath()), expected(mismatch)));
		}
		if (cause instanceof JacksonException other) {
			return badRequest(
					new FieldError(pointer(other.getPath()), "cannot be read: " + clean(other.getOriginalMessage())));
		}
		return badRequest(new FieldError("", "is missing or empty: send a " + (cbor ? "CBOR map" : "JSON object")));
	}

	private static ResponseEntity<Object> badRequest(FieldError error) {
		return Problems.response(Problems.invalidBody(List.of(error)), null);
	}

	/** Which of Jackson's read limits was hit, named as our configuration names it. */
	private String readerLimit(StreamConstraintsException e) {
		String message = String.valueOf(e.getOriginalMessage()).toLowerCase(Locale.ROOT);
		if (message.contains("number value length")) {
			return "has a number with more than " + limits.maxNumberLength()
					+ " digits, the limit backprop.limits.max-number-length";
		}
		if (message.contains("string value length")) {
			return "has a string longer than " + limits.maxStringLength()
					+ " characters, the limit backprop.limits.max-string-length";
		}
		if (message.contains("nesting depth")) {
			return "nests arrays and objects deeper than " + limits.maxNestingDepth()
					+ " levels, the limit backprop.limits.max-nesting-depth";
		}
		return "is over a limit of the JSON reader: " + clean(e.getOriginalMessage());
	}

	private static ResponseEntity<Object> malformed(StreamReadException e, boolean cbor) {
		TokenStreamLocation location = e.getLocation();
		String original = String.valueOf(e.getOriginalMessage());
		String message = clean(original);
		boolean duplicate = original.startsWith("Duplicate Object property");
		if (duplicate) {
			message = "appears twice in the same object: every field may be given once";
		}
		else if (cbor) {
			message = "is not valid CBOR (byte " + (location == null ? "?" : location.getByteOffset()) + "): "
					+ message;
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
				"The request body is not valid " + (cbor ? "CBOR" : "JSON"), Problems.summary(errors));
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
		List<JacksonException.Reference> path = e.getPath();
		if (target != null && target.isArray() && !path.isEmpty() && path.get(path.size() - 1).getIndex() >= 0
				&& target.isInstance(path.get(path.size() - 1).from())) {
			// a primitive array's deserializer names the array, but the path points at
			// the element (an array that is itself an element is named by its outer one)
			target = target.getComponentType();
		}
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

	/** Jackson's path as a JSON Pointer (RFC 6901). */
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
		if (e.processor() instanceof JsonParser parser) {
			TokenStreamContext context = parser.streamReadContext();
			if (context != null) {
				return context.pathAsPointer().toString();
			}
		}
		return pointer(e.getPath());
	}

	/** The object or array in which the parser stopped: where the syntax error is. */
	private static String containerOf(JacksonException e) {
		if (e.processor() instanceof JsonParser parser) {
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
