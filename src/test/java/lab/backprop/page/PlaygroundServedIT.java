package lab.backprop.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The playground is served at /playground from the jar with everything it loads, under
 * the same Content-Security-Policy as the page, and is not an operation of the API. Runs
 * without a browser, on every machine; its behaviour in a browser is the Playground*IT
 * browser tests'.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "backprop.cors.allowed-origins=")
@AutoConfigureRestTestClient
class PlaygroundServedIT {

	private static final Path STATIC = Path.of("src/main/resources/static");

	@Autowired
	RestTestClient client;

	@Test
	void playgroundIsServedWithEverythingItLoadsFromTheJar() {
		String html = client.get()
			.uri("/playground")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.TEXT_HTML)
			.expectHeader()
			.value("Content-Security-Policy", csp -> assertThat(csp).contains("script-src 'self';"))
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(html).contains("<script type=\"module\" src=\"/js/playground/main.js\">");
		Matcher references = Pattern.compile("(?:src|href)=\"([^\"#]+)\"").matcher(html);
		int count = 0;
		while (references.find()) {
			String reference = references.group(1);
			assertThat(reference).as("nothing from another site").startsWith("/").doesNotStartWith("//");
			client.get().uri(reference).exchange().expectStatus().value(status -> assertThat(status).isLessThan(400));
			count++;
		}
		assertThat(count).isGreaterThanOrEqualTo(5);
	}

	/**
	 * Every module is served as JavaScript and every module it imports exists (a missing
	 * one would stop the page in the browser); each stays under 250 lines.
	 */
	@Test
	void everyModuleAndEveryImportIsServedAsJavaScript() throws IOException {
		Pattern imports = Pattern.compile("(?:from|import\\()\\s*'(\\.{1,2}/[^']+)'");
		List<Path> modules = modules();
		assertThat(modules).extracting(p -> STATIC.relativize(p).toString().replace('\\', '/'))
			.contains("js/playground/main.js", "js/playground/trainer.js", "js/codec.js", "js/mark.js");
		for (Path module : modules) {
			String path = "/" + STATIC.relativize(module).toString().replace('\\', '/');
			List<String> lines = Files.readAllLines(module);
			assertThat(lines).as(path).hasSizeLessThan(250);
			client.get()
				.uri(path)
				.exchange()
				.expectStatus()
				.isOk()
				.expectHeader()
				.contentTypeCompatibleWith("text/javascript");
			Matcher found = imports.matcher(String.join("\n", lines));
			while (found.find()) {
				Path imported = module.getParent().resolve(found.group(1)).normalize();
				assertThat(imported).as("%s imports %s", path, found.group(1)).exists();
			}
		}
	}

	@Test
	void thePlaygroundIsNoOperationOfTheApi() {
		client.get()
			.uri("/v3/api-docs")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.paths['/playground']")
			.doesNotExist();
	}

	private static List<Path> modules() {
		try (Stream<Path> files = Files.walk(STATIC.resolve("js"))) {
			return files.filter(f -> f.toString().endsWith(".js")).sorted().toList();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}
