package lab.backprop.step;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The scripts' comments and labels: every key the code asks for is in the English and the
 * Russian bundle, no other key is, each in its language with the same placeholders.
 */
class ScriptTextTest {

	static Properties bundle(String name) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = ScriptTextTest.class.getResourceAsStream("/python/" + name + ".properties")) {
			assertThat(in).as(name).isNotNull();
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

	@Test
	void everyKeyIsInBothLanguagesWithTheSamePlaceholders() throws IOException {
		Properties english = bundle("script");
		Properties russian = bundle("script_ru");
		Set<String> keys = new TreeSet<>(Arrays.stream(ScriptText.values()).map(ScriptText::key).toList());
		assertThat(english.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(keys);
		assertThat(russian.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(keys);
		for (String key : keys) {
			String en = english.getProperty(key);
			String ru = russian.getProperty(key);
			assertThat(en).as(key).doesNotContain("'").doesNotContainPattern("\\p{IsCyrillic}");
			assertThat(ru).as(key).doesNotContain("'");
			assertThat(placeholders(ru)).as(key).isEqualTo(placeholders(en));
		}
	}

	private static Set<String> placeholders(String text) {
		Set<String> found = new TreeSet<>();
		Matcher m = Pattern.compile("\\{(\\d+)}").matcher(text);
		while (m.find()) {
			found.add(m.group(1));
		}
		return found;
	}

}
