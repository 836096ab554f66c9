package lab.backprop.explain;

import java.text.MessageFormat;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.commons.text.StringSubstitutor;

/**
 * Every text of the explanations, from message bundles on the class path: the language
 * bundles ({@code explain/messages.properties}, English and the default, and
 * {@code explain/messages_ru.properties}) and the language-neutral notation bundle
 * ({@code explain/notation.properties}), read as UTF-8. A missing key is an error, never
 * a silent fallback to the key itself.
 */
public class Texts {

	/** The bundles' base names on the class path. */
	static final String MESSAGES = "explain/messages";

	static final String NOTATION = "explain/notation";

	/** A language's own bundle, then the base one; never the machine's default locale. */
	private static final ResourceBundle.Control NO_FALLBACK = ResourceBundle.Control
		.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

	private final Map<Locale, ResourceBundle> messages = new ConcurrentHashMap<>();

	private final ResourceBundle notation = ResourceBundle.getBundle(NOTATION, Locale.ROOT, NO_FALLBACK);

	/**
	 * A sentence in {@code locale}; {@code args} fill MessageFormat's {0}, {1}, ... (a
	 * text without arguments is taken as it is written).
	 */
	public String text(Locale locale, Msg key, Object... args) {
		return text(locale, key, null, args);
	}

	public String text(Locale locale, Msg key, Enum<?> variant, Object... args) {
		String template = lookup(messages(locale), key.key(variant));
		return args.length == 0 ? template : new MessageFormat(template, locale).format(args);
	}

	/**
	 * A piece of notation in {@code style}, its {@code ${0}}, {@code ${1}}, ... filled
	 * with {@code values}.
	 */
	public String notation(Style style, Sym key, Enum<?> variant, String... values) {
		String template = lookup(notation, key.key(style, variant));
		if (values.length == 0) {
			return template;
		}
		Map<String, String> map = new HashMap<>();
		for (int i = 0; i < values.length; i++) {
			map.put(Integer.toString(i), values[i]);
		}
		StringSubstitutor substitutor = new StringSubstitutor(map);
		substitutor.setDisableSubstitutionInValues(true);
		return substitutor.replace(template);
	}

	private ResourceBundle messages(Locale locale) {
		return messages.computeIfAbsent(locale, l -> ResourceBundle.getBundle(MESSAGES, l, NO_FALLBACK));
	}

	/**
	 * @throws java.util.MissingResourceException naming the key and the bundle
	 */
	private static String lookup(ResourceBundle bundle, String key) {
		return bundle.getString(key);
	}

}
