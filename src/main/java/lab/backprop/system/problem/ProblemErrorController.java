package lab.backprop.system.problem;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers errors that happen outside Spring MVC's handlers (in a filter, or in the
 * servlet container itself) as problem+json too, without stack trace or exception text.
 */
@Hidden
@RestController
public class ProblemErrorController implements ErrorController {

	@RequestMapping("${server.error.path:/error}")
	public ResponseEntity<Object> error(HttpServletRequest request) {
		HttpStatus status = status(request);
		ProblemDetail problem = ProblemDetail.forStatus(status);
		problem.setDetail(switch (status) {
			case NOT_FOUND -> "There is nothing at this address.";
			case BAD_REQUEST -> "The request could not be read.";
			case CONTENT_TOO_LARGE -> "The request is larger than this service accepts.";
			default -> status.is5xxServerError() ? "The service failed unexpectedly; the failure was logged."
					: status.getReasonPhrase() + ".";
		});
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		if (uri instanceof String path) {
			try {
				problem.setInstance(new java.net.URI(null, null, path, null));
			}
			catch (java.net.URISyntaxException e) {
				// leave the instance out rather than echo an address that is not a URI
			}
		}
		return Problems.response(problem, null);
	}

	private static HttpStatus status(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		if (code instanceof Integer value) {
			HttpStatus status = HttpStatus.resolve(value);
			if (status != null) {
				return status;
			}
		}
		return HttpStatus.INTERNAL_SERVER_ERROR;
	}

}
