package lab.backprop.system.problem;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import tools.jackson.databind.json.JsonMapper;

/** Builds the service's RFC 9457 problem responses. */
public final class Problems {

	public static final URI INVALID_REQUEST = URI.create("urn:backprop-lab:problem:invalid-request");

	public static final URI MALFORMED_JSON = URI.create("urn:backprop-lab:problem:malformed-json");

	public static final URI NOT_FINITE = URI.create("urn:backprop-lab:problem:not-finite");

	public static final URI TOO_LARGE = URI.create("urn:backprop-lab:problem:too-large");

	public static final URI BUSY = URI.create("urn:backprop-lab:problem:busy");

	private Problems() {
	}

	public static ProblemDetail of(HttpStatusCode status, URI type, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(type);
		problem.setTitle(title);
		return problem;
	}

	public static ProblemDetail withErrors(ProblemDetail problem, List<FieldError> errors) {
		problem.setProperty("errors", errors);
		return problem;
	}

	/**
	 * The 422 of arithmetic that overflowed: {@code quantity} names the first value that
	 * is not a finite number.
	 */
	public static ProblemDetail notFinite(String quantity) {
		ProblemDetail problem = of(HttpStatus.UNPROCESSABLE_CONTENT, NOT_FINITE, "The arithmetic overflowed",
				quantity + " is not a finite number: the step overflows a double. A smaller learning rate or "
						+ "smaller weights or inputs keep it finite.");
		problem.setProperty("quantity", quantity);
		return problem;
	}

	/** The 400 of a body whose values are wrong, each error naming its field. */
	public static ProblemDetail invalidBody(List<FieldError> errors) {
		return withErrors(of(HttpStatus.BAD_REQUEST, INVALID_REQUEST, "The request body is not valid", summary(errors)),
				errors);
	}

	/**
	 * The 413 of a request over a configured limit, each error naming what is too large.
	 */
	public static ProblemDetail tooLarge(List<FieldError> errors) {
		return withErrors(of(HttpStatus.CONTENT_TOO_LARGE, TOO_LARGE, "The request is over a limit", summary(errors)),
				errors);
	}

	/**
	 * Writes {@code problem} as the answer to {@code request} from a servlet filter,
	 * where no handler and no message converter has run yet.
	 */
	public static void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem,
			JsonMapper mapper) throws IOException {
		problem.setInstance(URI.create(request.getRequestURI()));
		response.setStatus(problem.getStatus());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		mapper.writeValue(response.getOutputStream(), problem);
	}

	/**
	 * A problem response whose media type is fixed, whatever the request's Accept header
	 * says.
	 */
	public static ResponseEntity<Object> response(ProblemDetail problem, HttpHeaders headers) {
		HttpHeaders all = new HttpHeaders();
		if (headers != null) {
			all.putAll(headers);
		}
		all.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
			HttpStatus status = HttpStatus.resolve(problem.getStatus());
			String name = status == null ? "http-" + problem.getStatus()
					: status.name().toLowerCase(Locale.ROOT).replace('_', '-');
			problem.setType(URI.create("urn:backprop-lab:problem:" + name));
		}
		return ResponseEntity.status(problem.getStatus()).headers(all).body(problem);
	}

	/** The first error as a sentence, and how many more there are. */
	public static String summary(List<FieldError> errors) {
		FieldError first = errors.get(0);
		String where = first.pointer().isEmpty() ? "the body" : first.pointer();
		if (!first.pointer().isEmpty() && first.message().startsWith(first.pointer().substring(1))) {
			where = "";
		}
		String more = errors.size() > 1 ? " (and " + (errors.size() - 1) + " more, see errors)" : "";
		return (where.isEmpty() ? "" : where + " ") + first.message() + more;
	}

}
