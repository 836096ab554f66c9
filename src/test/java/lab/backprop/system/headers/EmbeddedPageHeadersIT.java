package lab.backprop.system.headers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import lab.backprop.HttpTestSupport;

/**
 * A course site that embeds the page names itself in backprop.headers.frame-ancestors.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "backprop.headers.frame-ancestors='self',https://course.example.org")
class EmbeddedPageHeadersIT extends HttpTestSupport {

	@Test
	void theConfiguredSitesMayFrameThePage() {
		assertThat(api().get("/").header("Content-Security-Policy"))
			.endsWith("frame-ancestors 'self' https://course.example.org");
	}

}
