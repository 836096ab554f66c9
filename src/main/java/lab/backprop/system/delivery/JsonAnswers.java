package lab.backprop.system.delivery;

import java.util.Locale;

/** Which answers are this service's JSON: the ones the filters here treat differently. */
final class JsonAnswers {

	private JsonAnswers() {
	}

	static boolean isJson(String contentType) {
		if (contentType == null) {
			return false;
		}
		String type = contentType.toLowerCase(Locale.ROOT);
		return type.startsWith("application/json") || type.startsWith("application/problem+json");
	}

}
