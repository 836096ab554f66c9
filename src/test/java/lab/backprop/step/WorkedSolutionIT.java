package lab.backprop.step;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import tools.jackson.databind.JsonNode;

import lab.backprop.Api;
import lab.backprop.HttpTestSupport;
import lab.backprop.SeedValues;

/** {@code Accept: text/markdown}: the seed's worked solution. */
class WorkedSolutionIT extends HttpTestSupport {

	private static final Pattern MATH = Pattern.compile("\\$([^$]+)\\$");

	Api.Answer markdown(String body, String language, String accept) {
		return api().exchange(HttpMethod.POST, "/train-step", headers -> {
			headers.setContentType(MediaType.APPLICATION_JSON);
			headers.set(HttpHeaders.ACCEPT, accept);
			if (language != null) {
				headers.set(HttpHeaders.ACCEPT_LANGUAGE, language);
			}
		}, body);
	}

	/**
	 * The seed's quantities at full precision, as the seed's numpy prints them, from the
	 * shared reference file.
	 */
	static List<String> seedNumbers() throws Exception {
		JsonNode seed = SeedValues.load();
		List<String> numbers = new ArrayList<>();
		seed.properties().forEach(e -> {
			if (e.getValue().isArray()) {
				e.getValue().forEach(row -> row.forEach(v -> numbers.add(v.asString())));
			}
		});
		return numbers;
	}

	@Test
	void theSeedsWorkedSolutionContainsEveryNumberTheSeedPrints() throws Exception {
		Api.Answer response = markdown(SeedValues.REQUEST, null, "text/markdown");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.contentType()).startsWith("text/markdown");
		assertThat(response.header(HttpHeaders.CONTENT_LANGUAGE)).isEqualTo("en");
		String text = response.text();
		List<String> numbers = seedNumbers();
		assertThat(numbers).hasSize(16).contains("0.49", "0.6201064323430902", "-0.1597871353138196");
		for (String number : numbers) {
			assertThat(text).as(number).contains(number);
		}
		// the given values, and each value rounded for reading
		assertThat(text).contains("$-0.3$", "$0.7$", "\\approx 0.6201", "\\approx -0.1598");
	}

	@Test
	void theWorkedSolutionIsValidCommonMarkWithItsSectionsAndItsMathIntact() throws Exception {
		for (String language : List.of("en", "ru")) {
			String text = markdown(SeedValues.REQUEST, language, "text/markdown").text();
			Node document = Parser.builder().build().parse(text);
			List<Heading> headings = new ArrayList<>();
			List<String> problems = new ArrayList<>();
			List<String> paragraphs = new ArrayList<>();
			document.accept(new AbstractVisitor() {
				@Override
				public void visit(Heading heading) {
					headings.add(heading);
					visitChildren(heading);
				}

				@Override
				public void visit(Paragraph paragraph) {
					paragraphs.add(literal(paragraph));
					visitChildren(paragraph);
				}

				@Override
				public void visit(Emphasis emphasis) {
					problems.add("emphasis: " + literal(emphasis));
				}

				@Override
				public void visit(StrongEmphasis strong) {
					problems.add("strong: " + literal(strong));
				}

				@Override
				public void visit(Link link) {
					problems.add("link: " + link.getDestination());
				}

				@Override
				public void visit(HtmlInline html) {
					problems.add("html: " + html.getLiteral());
				}

				@Override
				public void visit(Code code) {
					problems.add("code: " + code.getLiteral());
				}
			});
			assertThat(problems).as(language + ": markup CommonMark would make of the math").isEmpty();
			assertThat(headings.stream().filter(h -> h.getLevel() == 1)).hasSize(1);
			assertThat(headings.stream().filter(h -> h.getLevel() == 2)).as(language).hasSize(6);
			// every formula reaches a renderer exactly as written: no character taken as
			// markup or escape
			String rendered = String.join("\n", paragraphs);
			Matcher math = MATH.matcher(text);
			int formulas = 0;
			while (math.find()) {
				assertThat(rendered).as(language).contains(math.group());
				formulas++;
			}
			assertThat(formulas).isGreaterThan(40);
		}
	}

	@Test
	void theWorkedSolutionSpeaksRussianWhenAsked() throws Exception {
		Api.Answer response = markdown(SeedValues.REQUEST, "ru", "text/markdown");
		assertThat(response.header(HttpHeaders.CONTENT_LANGUAGE)).isEqualTo("ru");
		String text = response.text();
		assertThat(text).contains("## 2. Прямое распространение", "нам нужно увеличить предсказание");
		for (String number : seedNumbers()) {
			assertThat(text).as(number).contains(number);
		}
	}

	@Test
	void jsonStaysTheDefaultAndMarkdownIsChosenByPreference() throws Exception {
		assertThat(markdown(SeedValues.REQUEST, null, "*/*").contentType()).startsWith("application/json");
		assertThat(markdown(SeedValues.REQUEST, null, "application/json, text/markdown;q=0.5").contentType())
			.startsWith("application/json");
		assertThat(markdown(SeedValues.REQUEST, null, "text/markdown, application/json;q=0.5").contentType())
			.startsWith("text/markdown");
		assertThat(markdown(SeedValues.REQUEST, null, "text/*").contentType()).startsWith("text/markdown");
	}

	@Test
	void errorsOfAMarkdownRequestAreProblemJson() throws Exception {
		Api.Answer bad = markdown("{\"inputs\": [[1]]}", "ru", "text/markdown");
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.contentType()).startsWith("application/problem+json");
		assertThat(bad.text()).contains("/learningRate");
		Api.Answer overflow = markdown("""
				{"inputs": [[1e200]], "weights": [[1e200]], "bias": 0, "label": 0, "learningRate": 0.1}""", null,
				"text/markdown");
		assertThat(overflow.status()).isEqualTo(422);
		assertThat(overflow.contentType()).startsWith("application/problem+json");
	}

	private static String literal(Node node) {
		StringBuilder text = new StringBuilder();
		node.accept(new AbstractVisitor() {
			@Override
			public void visit(Text t) {
				text.append(t.getLiteral());
			}
		});
		return text.toString();
	}

}
