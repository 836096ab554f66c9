package lab.backprop.request;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import lab.backprop.system.problem.Problems;

/**
 * Reading query parameters by hand, so that every wrong value is a problem naming the
 * parameter ({@code parameter}) in our words: numbers as JSON writes them (no
 * {@code 0x1p3}, {@code NaN}, spaces or a trailing {@code d}), ranges stated, unknown
 * parameters refused with a did-you-mean, as unknown body fields are.
 */
public final class QueryParameters {

	private static final Pattern WHOLE = Pattern.compile("-?[0-9]+");

	private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

	private QueryParameters() {
	}

	/** A 400 naming {@code parameter}. */
	public static ErrorResponseException invalid(String parameter, String detail) {
		ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, Problems.INVALID_REQUEST,
				"The request is not valid", "the query parameter '" + parameter + "' " + detail);
		problem.setProperty("parameter", parameter);
		return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
	}

	/**
	 * A 413 naming {@code parameter} and the configured limit {@code property} (under
	 * {@code backprop.limits.}).
	 */
	public static ErrorResponseException overLimit(String parameter, String detail, String property) {
		ProblemDetail problem = Problems.of(HttpStatus.CONTENT_TOO_LARGE, Problems.TOO_LARGE,
				"The request is over a limit", "the query parameter '" + parameter + "' " + detail);
		problem.setProperty("parameter", parameter);
		problem.setProperty("limit", "backprop.limits." + property);
		return new ErrorResponseException(HttpStatus.CONTENT_TOO_LARGE, problem, null);
	}

	/**
	 * Refuses a parameter that is not one of {@code known}, with the closest known name.
	 */
	public static void refuseUnknown(Map<String, String[]> given, Collection<String> known) {
		for (String name : given.keySet()) {
			if (known.isEmpty()) {
				throw invalid(name, "is not known here: this operation takes no query parameters");
			}
			if (!known.contains(name)) {
				throw invalid(name, "is not known here" + Suggestions.hint(name, known) + "; the parameters are: "
						+ String.join(", ", known));
			}
		}
	}

	/** A whole number from {@code min} to {@code max}; {@code fallback} when absent. */
	public static long wholeNumber(String parameter, String given, long fallback, long min, long max) {
		if (given == null) {
			return fallback;
		}
		Long value = parseWhole(given);
		if (value == null || value < min || value > max) {
			throw invalid(parameter, "must be a whole number from " + min + " to " + max + ", not '" + given + "'");
		}
		return value;
	}

	/**
	 * A whole number written in decimal digits; {@link Long#MAX_VALUE} (or
	 * {@link Long#MIN_VALUE}) where it is too large for a long; {@code null} when it is
	 * not one.
	 */
	public static Long parseWhole(String given) {
		if (!WHOLE.matcher(given).matches()) {
			return null;
		}
		try {
			return Long.parseLong(given);
		}
		catch (NumberFormatException e) {
			return given.startsWith("-") ? Long.MIN_VALUE : Long.MAX_VALUE;
		}
	}

	/**
	 * A decimal number from {@code min} to {@code max}; {@code fallback} when absent.
	 */
	public static double number(String parameter, String given, double fallback, double min, double max) {
		if (given == null) {
			return fallback;
		}
		double value = NUMBER.matcher(given).matches() ? Double.parseDouble(given) : Double.NaN;
		if (!(value >= min && value <= max)) {
			throw invalid(parameter,
					"must be a number from " + plain(min) + " to " + plain(max) + ", not '" + given + "'");
		}
		return value;
	}

	/**
	 * One of {@code values} by its wire name, ASCII case-insensitively; a 400 listing
	 * them ({@code allowed}) otherwise.
	 */
	public static <E extends Enum<E>> E enumValue(String parameter, String given, E[] values,
			Function<E, String> wireName) {
		String lower = WireEnum.asciiLowerCase(given);
		for (E value : values) {
			if (wireName.apply(value).equals(lower)) {
				return value;
			}
		}
		List<String> allowed = Arrays.stream(values).map(wireName).toList();
		ErrorResponseException unknown = invalid(parameter, "has the unknown value '" + given + "'"
				+ Suggestions.hint(given, allowed) + "; allowed: " + String.join(", ", allowed));
		unknown.getBody().setProperty("allowed", allowed);
		throw unknown;
	}

	/** 0 rather than 0.0. */
	private static String plain(double value) {
		return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
	}

	/**
	 * The values of a comma-separated parameter (Spring joins a repeated parameter with
	 * commas too); an empty value is a 400.
	 */
	public static List<String> list(String parameter, String given) {
		List<String> values = new ArrayList<>(List.of(given.split(",", -1)));
		if (values.stream().anyMatch(String::isEmpty)) {
			throw invalid(parameter, "has an empty value in '" + given + "': give the values separated by commas");
		}
		return values;
	}

}
