package lab.backprop.explain;

import java.util.List;
import java.util.Locale;

/** The languages the explanations speak: English, the default, and Russian. */
final class Languages {

	static final Locale ENGLISH = Locale.ENGLISH;

	static final Locale RUSSIAN = Locale.forLanguageTag("ru");

	static final List<Locale> SUPPORTED = List.of(ENGLISH, RUSSIAN);

	/** The problem property that names a query parameter. */
	static final String PROBLEM_PARAMETER = "parameter";

	private Languages() {
	}

	/** Russian for any Russian locale, English for everything else. */
	static Locale of(Locale locale) {
		return locale != null && RUSSIAN.getLanguage().equals(locale.getLanguage()) ? RUSSIAN : ENGLISH;
	}

}
