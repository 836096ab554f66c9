package lab.backprop.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.InputStream;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import tools.jackson.databind.JsonNode;

/** {@code Accept: text/markdown}: the seed's worked solution. */
@SpringBootTest
@AutoConfigureMockMvc
class WorkedSolutionTest {

	private static final Pattern MATH = Pattern.compile("\\$([^$]+)\\$");

	@Autowired
	MockMvc mvc;

	MockHttpServletResponse markdown(String body, String language, String accept) throws Exception {
		MockHttpServletRequestBuilder request = post("/train-step").contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.header(HttpHeaders.ACCEPT, accept);
		if (language != null) {
			request.header(HttpHeaders.ACCEPT_LANGUAGE, language);
		}
		MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
		response.setCharacterEncoding("UTF-8");
		return response;
	}

	/**
	 * The seed's quantities at full precision, as the seed's numpy prints them, from the
	 * shared reference file.
	 */
	static List<String> seedNumbers() throws Exception {
		try (InputStream in = WorkedSolutionTest.class.getResourceAsStream("/seed/full_precision.json")) {
			JsonNode seed = ExplainJsonTest.JSON.readTree(in);
			List<String> numbers = new ArrayList<>();
			seed.properties().forEach(e -> {
				if (e.getValue().isArray()) {
					e.getValue().forEach(row -> row.forEach(v -> numbers.add(v.asString())));
				}
			});
			return numbers;
		}
	}

	@Test
	void theSeedsWorkedSolutionContainsEveryNumberTheSeedPrints() throws Exception {
		MockHttpServletResponse response = markdown(ExplainJsonTest.SEED, null, "text/markdown");
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentType()).startsWith("text/markdown");
		assertThat(response.getHeader(HttpHeaders.CONTENT_LANGUAGE)).isEqualTo("en");
		String text = response.getContentAsString();
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
			String text = markdown(ExplainJsonTest.SEED, language, "text/markdown").getContentAsString();
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
		MockHttpServletResponse response = markdown(ExplainJsonTest.SEED, "ru", "text/markdown");
		assertThat(response.getHeader(HttpHeaders.CONTENT_LANGUAGE)).isEqualTo("ru");
		String text = response.getContentAsString();
		assertThat(text).contains("## 2. Прямое распространение", "нам нужно увеличить предсказание");
		for (String number : seedNumbers()) {
			assertThat(text).as(number).contains(number);
		}
	}

	@Test
	void jsonStaysTheDefaultAndMarkdownIsChosenByPreference() throws Exception {
		assertThat(markdown(ExplainJsonTest.SEED, null, "*/*").getContentType()).startsWith("application/json");
		assertThat(markdown(ExplainJsonTest.SEED, null, "application/json, text/markdown;q=0.5").getContentType())
			.startsWith("application/json");
		assertThat(markdown(ExplainJsonTest.SEED, null, "text/markdown, application/json;q=0.5").getContentType())
			.startsWith("text/markdown");
		assertThat(markdown(ExplainJsonTest.SEED, null, "text/*").getContentType()).startsWith("text/markdown");
	}

	@Test
	void errorsOfAMarkdownRequestAreProblemJson() throws Exception {
		MockHttpServletResponse bad = markdown("{\"inputs\": [[1]]}", "ru", "text/markdown");
		assertThat(bad.getStatus()).isEqualTo(400);
		assertThat(bad.getContentType()).startsWith("application/problem+json");
		assertThat(bad.getContentAsString()).contains("/learningRate");
		MockHttpServletResponse overflow = markdown("""
				{"inputs": [[1e200]], "weights": [[1e200]], "bias": 0, "label": 0, "learningRate": 0.1}""", null,
				"text/markdown");
		assertThat(overflow.getStatus()).isEqualTo(422);
		assertThat(overflow.getContentType()).startsWith("application/problem+json");
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
