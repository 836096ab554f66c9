package lab.backprop.explain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every text lives in a bundle: each key the code can ask for exists in English and
 * Russian (or, for notation, in both styles), no bundle holds a key the code never asks
 * for, and the explain package has no user-facing text in its Java sources.
 */
class MessageBundlesTest {

	/**
	 * The only string literals with letters allowed in explain/: names of bundles, a
	 * language, a parameter.
	 */
	private static final Set<String> TECHNICAL = Set.of("explain/messages", "explain/notation", "ru", "explain",
			"parameter");

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");

	private static final Pattern NOTATION_PLACEHOLDER = Pattern.compile("\\$\\{([^}]*)}");

	static Map<String, String> bundle(String name) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = MessageBundlesTest.class.getResourceAsStream("/explain/" + name + ".properties")) {
			assertThat(in).as(name).isNotNull();
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		Map<String, String> map = new TreeMap<>();
		properties.forEach((k, v) -> map.put((String) k, (String) v));
		return map;
	}

	static Set<String> messageKeys() {
		Set<String> keys = new TreeSet<>();
		for (Msg msg : Msg.values()) {
			if (msg.variants() == null) {
				keys.add(msg.key(null));
			}
			else {
				for (Enum<?> variant : msg.variants().getEnumConstants()) {
					keys.add(msg.key(variant));
				}
			}
		}
		return keys;
	}

	static Set<String> notationKeys() {
		Set<String> keys = new TreeSet<>();
		for (Sym sym : Sym.values()) {
			for (Style style : Style.values()) {
				if (sym.variants() == null) {
					keys.add(sym.key(style, null));
				}
				else {
					for (Enum<?> variant : sym.variants().getEnumConstants()) {
						keys.add(sym.key(style, variant));
					}
				}
			}
		}
		return keys;
	}

	@Test
	void everyMessageKeyExistsInEnglishAndRussianAndNoOtherKeys() throws IOException {
		Map<String, String> english = bundle("messages");
		Map<String, String> russian = bundle("messages_ru");
		Set<String> used = messageKeys();
		assertThat(english.keySet()).containsExactlyInAnyOrderElementsOf(used);
		assertThat(russian.keySet()).containsExactlyInAnyOrderElementsOf(used);
	}

	@Test
	void everyTextIsWrittenInItsLanguageWithTheSamePlaceholders() throws IOException {
		Map<String, String> english = bundle("messages");
		Map<String, String> russian = bundle("messages_ru");
		for (String key : english.keySet()) {
			String en = english.get(key);
			String ru = russian.get(key);
			assertThat(en).as(key).isNotBlank().doesNotContain("'").doesNotContainPattern("\\p{IsCyrillic}");
			assertThat(ru).as(key).isNotBlank().doesNotContain("'").containsPattern("\\p{IsCyrillic}");
			assertThat(placeholders(PLACEHOLDER, ru)).as(key).isEqualTo(placeholders(PLACEHOLDER, en));
		}
	}

	@Test
	void everyNotationKeyExistsInBothStylesAndNoOtherKeys() throws IOException {
		Map<String, String> notation = bundle("notation");
		assertThat(notation.keySet()).containsExactlyInAnyOrderElementsOf(notationKeys());
		for (Sym sym : Sym.values()) {
			if (sym.variants() == null) {
				assertThat(placeholders(NOTATION_PLACEHOLDER, notation.get(sym.key(Style.LATEX, null)))).as(sym.name())
					.isEqualTo(placeholders(NOTATION_PLACEHOLDER, notation.get(sym.key(Style.PLAIN, null))));
			}
		}
	}

	/**
	 * What CommonMark would read as markup inside $...$: underscores after punctuation,
	 * asterisks, escapes.
	 */
	@Test
	void theLatexNotationLeavesCommonMarkNothingToInterpret() throws IOException {
		bundle("notation").forEach((key, value) -> {
			if (key.contains(".latex.")) {
				assertThat(value).as(key)
					.doesNotContain("*")
					.doesNotContain("`")
					.doesNotContainPattern("[^\\p{Alnum}]_")
					.doesNotContainPattern("\\\\\\p{Punct}")
					.doesNotContain("](");
			}
		});
	}

	@Test
	void theExplainSourcesHoldNoUserFacingText() throws IOException {
		Path sources = Path.of("src/main/java/lab/backprop/explain");
		List<String> offending = new ArrayList<>();
		int literals = 0;
		try (Stream<Path> files = Files.walk(sources)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
				for (String literal : JavaLiterals.outsideAnnotations(Files.readString(file))) {
					literals++;
					if (literal.codePoints().anyMatch(Character::isLetter) && !TECHNICAL.contains(literal)) {
						offending.add(file.getFileName() + ": \"" + literal + "\"");
					}
				}
			}
		}
		assertThat(literals).as("the scanner finds the literals").isGreaterThan(10);
		assertThat(offending).as("text belongs in the bundles").isEmpty();
	}

	@Test
	void theScannerSeesTextInCodeButNotInAnnotationsOrComments() {
		String source = """
				@Schema(description = "A \\"documented\\" (field)", example = "x") // "a comment"
				class A { /* "block" */ String s = "Hello there"; char c = '"'; String t = \"""
				  block text\""";
				  String k = "·\\n"; }""";
		assertThat(JavaLiterals.outsideAnnotations(source)).containsExactly("Hello there", "  block text", "·\n");
	}

	private static List<String> placeholders(Pattern pattern, String text) {
		Set<String> found = new TreeSet<>();
		Matcher m = pattern.matcher(text);
		while (m.find()) {
			found.add(m.group(1));
		}
		return new ArrayList<>(found);
	}

	/**
	 * The string literals of a Java source that are not inside an annotation's arguments.
	 */
	static final class JavaLiterals {

		static List<String> outsideAnnotations(String src) {
			List<String> literals = new ArrayList<>();
			int depth = 0; // parentheses open inside an annotation's arguments
			int i = 0;
			while (i < src.length()) {
				char c = src.charAt(i);
				if (src.startsWith("//", i)) {
					i = src.indexOf('\n', i) < 0 ? src.length() : src.indexOf('\n', i);
				}
				else if (src.startsWith("/*", i)) {
					i = src.indexOf("*/", i + 2) + 2;
				}
				else if (src.startsWith("\"\"\"", i)) {
					int start = src.indexOf('\n', i) + 1;
					int end = src.indexOf("\"\"\"", start);
					if (depth == 0) {
						literals.add(src.substring(start, end));
					}
					i = end + 3;
				}
				else if (c == '"' || c == '\'') {
					StringBuilder literal = new StringBuilder();
					int j = i + 1;
					while (src.charAt(j) != c) {
						if (src.charAt(j) == '\\') {
							j++;
							literal.append(switch (src.charAt(j)) {
								case 'n' -> '\n';
								case 't' -> '\t';
								case 'r' -> '\r';
								case 'b' -> '\b';
								case 'f' -> '\f';
								case 's' -> ' ';
								default -> src.charAt(j);
							});
						}
						else {
							literal.append(src.charAt(j));
						}
						j++;
					}
					if (c == '"' && depth == 0) {
						literals.add(literal.toString());
					}
					i = j + 1;
				}
				else if (c == '@' && depth == 0) {
					int j = i + 1;
					while (j < src.length()
							&& (Character.isJavaIdentifierPart(src.charAt(j)) || src.charAt(j) == '.')) {
						j++;
					}
					while (j < src.length() && Character.isWhitespace(src.charAt(j))) {
						j++;
					}
					if (j < src.length() && src.charAt(j) == '(') {
						depth = 1;
						i = j + 1;
					}
					else {
						i = j;
					}
				}
				else {
					if (depth > 0 && c == '(') {
						depth++;
					}
					else if (depth > 0 && c == ')') {
						depth--;
					}
					i++;
				}
			}
			return literals;
		}

	}

}
