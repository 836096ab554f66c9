package lab.backprop.step;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import lab.backprop.request.WireEnum;
import lab.backprop.system.problem.Problems;

/**
 * Which library the Python script of a step computes with: the query parameter
 * {@code framework}.
 */
enum Framework {

	/** numpy only: every value by its formula. */
	NUMPY,

	/** PyTorch: autograd in float64 for the gradients, torch.optim for the update. */
	PYTORCH;

	static final String PARAMETER = "framework";

	/** {@code ?framework=}, ASCII case-insensitively; {@link #NUMPY} when left out. */
	static Framework parse(String given) {
		if (given == null) {
			return NUMPY;
		}
		String lower = WireEnum.asciiLowerCase(given);
		for (Framework value : values()) {
			if (value.wireName().equals(lower)) {
				return value;
			}
		}
		List<String> allowed = Arrays.stream(values()).map(Framework::wireName).toList();
		ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, Problems.INVALID_REQUEST,
				"The request is not valid", "the query parameter 'framework' has the unknown value '" + given
						+ "'; allowed: " + String.join(", ", allowed) + " (default: numpy)");
		problem.setProperty("parameter", PARAMETER);
		problem.setProperty("allowed", allowed);
		throw new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
	}

	String wireName() {
		return name().toLowerCase(Locale.ROOT);
	}

}
