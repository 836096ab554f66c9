package lab.backprop.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What every browser test of the playground shares: the whole service on a real port with
 * no CORS origin allowed (every request the page makes is same-origin), one headless
 * Chromium per class, the playground opened before each test, and after it a full-page
 * screenshot (target/screenshots/playground-{test}.png) and an empty browser console.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "backprop.cors.allowed-origins=")
abstract class PlaygroundBrowserTest {

	static Browser browser;

	@LocalServerPort
	int port;

	PlaygroundPage page;

	String screenshotName;

	@BeforeAll
	static void startBrowser() {
		browser = new Browser();
	}

	@AfterAll
	static void stopBrowser() {
		if (browser != null) {
			browser.close();
		}
	}

	@BeforeEach
	void openPlayground(TestInfo test) {
		screenshotName = "playground-" + test.getTestMethod().orElseThrow().getName();
		browser.driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
		page = new PlaygroundPage(browser, port);
		page.open();
	}

	@AfterEach
	void screenshotAndConsole() {
		if (!browser.driver.findElements(By.id("play")).isEmpty()
				&& "true".equals(browser.find("#play").getDomAttribute("aria-pressed"))) {
			page.pause();
		}
		browser.screenshot(screenshotName);
		assertThat(browser.severeConsoleEntries(message -> false)).as("errors in the browser console").isEmpty();
	}

}
