package lab.backprop.step;

import java.util.List;
import java.util.Locale;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import lab.backprop.explain.Explainer;
import lab.backprop.system.problem.Problems;

/**
 * The query parameter {@code explain}, which asks for the explanations of every value.
 */
final class ExplainParameter {

	static final String NAME = "explain";

	private ExplainParameter() {
	}

	/**
	 * Absent or {@code false}: no; {@code true} or a bare {@code ?explain}: yes (ASCII
	 * case-insensitive); anything else is a 400 naming the parameter, in the request's
	 * language.
	 */
	static boolean wanted(String value, Locale locale, Explainer explainer) {
		if (value == null) {
			return false;
		}
		if (value.isEmpty() || value.equalsIgnoreCase(Boolean.TRUE.toString())) {
			return true;
		}
		if (value.equalsIgnoreCase(Boolean.FALSE.toString())) {
			return false;
		}
		List<String> texts = explainer.invalidParameter(value, locale);
		ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, Problems.INVALID_REQUEST, texts.get(0),
				texts.get(1));
		problem.setProperty("parameter", NAME);
		throw new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
	}

}
