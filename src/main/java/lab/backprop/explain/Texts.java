package lab.backprop.explain;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.text.StringSubstitutor;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;

/**
 * Every text of the explanations, from Spring message bundles: the language bundles
 * ({@code explain/messages.properties}, English and the default, and
 * {@code explain/messages_ru.properties}) and the language-neutral notation bundle
 * ({@code explain/notation.properties}). A missing key is an error, never a silent
 * fallback to the key itself.
 */
@Component
public class Texts {

	/** The bundles' base names on the class path. */
	static final String MESSAGES = "explain/messages";

	static final String NOTATION = "explain/notation";

	private final ResourceBundleMessageSource source = new ResourceBundleMessageSource();

	public Texts() {
		source.setBasenames(MESSAGES, NOTATION);
		source.setDefaultEncoding(StandardCharsets.UTF_8.name());
		source.setFallbackToSystemLocale(false);
		source.setUseCodeAsDefaultMessage(false);
	}

	/** A sentence in {@code locale}; {@code args} fill MessageFormat's {0}, {1}, ... */
	public String text(Locale locale, Msg key, Object... args) {
		return text(locale, key, null, args);
	}

	public String text(Locale locale, Msg key, Enum<?> variant, Object... args) {
		return source.getMessage(key.key(variant), args.length == 0 ? null : args, locale);
	}

	/**
	 * A piece of notation in {@code style}, its {@code ${0}}, {@code ${1}}, ... filled
	 * with {@code values}.
	 */
	public String notation(Style style, Sym key, Enum<?> variant, String... values) {
		String template = source.getMessage(key.key(style, variant), null, Locale.ROOT);
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

}
