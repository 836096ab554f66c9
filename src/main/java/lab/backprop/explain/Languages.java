package lab.backprop.explain;

import java.util.List;
import java.util.Locale;

/** The languages the explanations speak: English, the default, and Russian. */
public final class Languages {

	public static final Locale ENGLISH = Locale.ENGLISH;

	public static final Locale RUSSIAN = Locale.forLanguageTag("ru");

	public static final List<Locale> SUPPORTED = List.of(ENGLISH, RUSSIAN);

	/** The problem property that names a query parameter. */
	static final String PROBLEM_PARAMETER = "parameter";

	private Languages() {
	}

	/** Russian for any Russian locale, English for everything else. */
	public static Locale of(Locale locale) {
		return locale != null && RUSSIAN.getLanguage().equals(locale.getLanguage()) ? RUSSIAN : ENGLISH;
	}

}
