package lab.backprop.request;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

import org.apache.commons.text.similarity.LevenshteinDistance;

/** "Did you mean …?" for a misspelt field name or enum value. */
public final class Suggestions {

	private static final LevenshteinDistance DISTANCE = new LevenshteinDistance(3);

	private Suggestions() {
	}

	/** The closest candidate, if it is close enough to be what was meant. */
	public static Optional<String> closest(String given, Collection<String> candidates) {
		String key = normalize(given);
		String best = null;
		int bestDistance = Integer.MAX_VALUE;
		for (String candidate : candidates) {
			String other = normalize(candidate);
			int distance = key.equals(other) ? 0 : DISTANCE.apply(key, other);
			if (distance >= 0 && distance < bestDistance && distance <= (other.length() >= 4 ? 2 : 1)) {
				best = candidate;
				bestDistance = distance;
			}
		}
		return Optional.ofNullable(best);
	}

	/**
	 * Case, underscores and dashes do not count: learning_rate and LearningRate both mean
	 * learningRate.
	 */
	private static String normalize(String s) {
		return s.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
	}

	public static String hint(String given, Collection<String> candidates) {
		return closest(given, candidates).map(s -> " (did you mean '" + s + "'?)").orElse("");
	}

}
