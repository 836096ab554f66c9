package lab.backprop.step;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import lab.backprop.request.WireEnum;
import lab.backprop.system.problem.Problems;

/** How much of a step /train-step answers with: the query parameter {@code include}. */
enum Include {

	/**
	 * Only {@code forward.loss}, {@code update} and {@code after}: what a training loop
	 * needs.
	 */
	SUMMARY,

	/** Every intermediate value (the default). */
	FULL;

	static final String PARAMETER = "include";

	/**
	 * The value of {@code ?include=}, ASCII case-insensitively; {@link #FULL} when it is
	 * left out.
	 */
	static Include parse(String given) {
		if (given == null) {
			return FULL;
		}
		String lower = WireEnum.asciiLowerCase(given);
		for (Include value : values()) {
			if (value.wireName().equals(lower)) {
				return value;
			}
		}
		List<String> allowed = Arrays.stream(values()).map(Include::wireName).toList();
		ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, Problems.INVALID_REQUEST,
				"The request is not valid", "the query parameter 'include' has the unknown value '" + given
						+ "'; allowed: " + String.join(", ", allowed) + " (default: full)");
		problem.setProperty("parameter", PARAMETER);
		problem.setProperty("allowed", allowed);
		throw new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
	}

	/**
	 * A 400 naming {@code include} for a combination of parameters that cannot be
	 * answered.
	 */
	static ErrorResponseException conflict(String detail) {
		ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, Problems.INVALID_REQUEST,
				"The request is not valid", detail);
		problem.setProperty("parameter", PARAMETER);
		return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
	}

	String wireName() {
		return name().toLowerCase(Locale.ROOT);
	}

}
