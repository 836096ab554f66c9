package lab.backprop.request;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import lab.backprop.system.problem.FieldError;

/**
 * Reads an enum value sent as lower snake case, ASCII case-insensitively and without
 * trimming.
 */
public final class WireEnum {

	private WireEnum() {
	}

	public static <E extends Enum<E>> E parse(String given, E[] values, Function<E, String> wireName, String pointer,
			String what, List<FieldError> errors) {
		String lower = asciiLowerCase(given);
		for (E value : values) {
			if (wireName.apply(value).equals(lower)) {
				return value;
			}
		}
		List<String> allowed = Arrays.stream(values).map(wireName).toList();
		errors.add(new FieldError(pointer, "unknown " + what + " '" + given + "'" + Suggestions.hint(given, allowed)
				+ "; allowed: " + String.join(", ", allowed)));
		return null;
	}

	/**
	 * Lower-cases A to Z only, so that no Unicode folding (ſ, K) matches an ASCII name.
	 */
	public static String asciiLowerCase(String s) {
		char[] chars = s.toCharArray();
		for (int i = 0; i < chars.length; i++) {
			if (chars[i] >= 'A' && chars[i] <= 'Z') {
				chars[i] = (char) (chars[i] + ('a' - 'A'));
			}
		}
		return new String(chars);
	}

}
