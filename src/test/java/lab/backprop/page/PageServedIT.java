package lab.backprop.page;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import lab.backprop.SeedValues;

/**
 * The page is served by the jar at / with everything it loads, from the jar itself, and
 * the service's CORS filter lets its same-origin requests through even when no other
 * origin is allowed. Runs without a browser, on every machine; the page's behaviour in a
 * browser is PageIT's.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "backprop.cors.allowed-origins=")
@AutoConfigureRestTestClient
class PageServedIT {

	@Autowired
	RestTestClient client;

	@LocalServerPort
	int port;

	@Test
	void theRootIsThePageAndEverythingItLoadsComesFromTheJar() {
		String html = client.get()
			.uri("/")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.TEXT_HTML)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(html).contains("<script type=\"module\" src=\"js/main.js\">");

		Matcher references = Pattern.compile("(?:src|href)=\"([^\"#]+)\"").matcher(html);
		int count = 0;
		while (references.find()) {
			String reference = references.group(1);
			assertThat(reference).as("no CDN or other site: everything from the jar")
				.doesNotStartWith("http")
				.doesNotStartWith("//");
			// swagger-ui.html answers with a redirect to the Swagger UI
			client.get()
				.uri("/" + reference)
				.exchange()
				.expectStatus()
				.value(status -> assertThat(status).isLessThan(400));
			count++;
		}
		assertThat(count).isGreaterThanOrEqualTo(4);
	}

	@Test
	void moduleScriptsAreServedAsJavaScript() {
		// a browser refuses to run a module script served with any other type
		List<String> modules = modules();
		assertThat(modules).contains("main", "api", "flow", "editor", "controls");
		for (String module : modules) {
			client.get()
				.uri("/js/" + module + ".js")
				.exchange()
				.expectStatus()
				.isOk()
				.expectHeader()
				.contentTypeCompatibleWith("text/javascript");
		}
	}

	@Test
	void sameOriginRequestsPassTheCorsFilterWhenNoOtherOriginIsAllowed() {
		String self = "http://localhost:" + port;
		client.post()
			.uri("/train-step?explain=true")
			.header(HttpHeaders.ORIGIN, self)
			.header(HttpHeaders.ACCEPT_LANGUAGE, "ru")
			.contentType(MediaType.APPLICATION_JSON)
			.body(SeedValues.REQUEST)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.CONTENT_LANGUAGE, "ru")
			.expectBody()
			.jsonPath("$.forward.layers[0].z[0][0]")
			.isEqualTo(0.49);
		client.get().uri("/examples/seed").header(HttpHeaders.ORIGIN, self).exchange().expectStatus().isOk();

		// while the filter is on: another origin is refused
		client.post()
			.uri("/train-step")
			.header(HttpHeaders.ORIGIN, "http://elsewhere.example")
			.contentType(MediaType.APPLICATION_JSON)
			.body(SeedValues.REQUEST)
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	/** Every module of the page, as the source folder has them. */
	private static List<String> modules() {
		try (Stream<Path> files = Files.list(Path.of("src/main/resources/static/js"))) {
			return files.map(f -> f.getFileName().toString())
				.filter(name -> name.endsWith(".js"))
				.map(name -> name.substring(0, name.length() - 3))
				.sorted()
				.toList();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}
