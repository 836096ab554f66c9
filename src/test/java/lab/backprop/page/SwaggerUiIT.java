package lab.backprop.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.client.RestTestClient;

import tools.jackson.databind.JsonNode;

import lab.backprop.Api;
import lab.backprop.SeedValues;

/**
 * The Swagger UI in a real headless Chromium against the whole service: it shows every
 * operation of the document with its examples, and "Try it out" → "Execute" answers 200
 * with the numbers, for /train-step (its seed example as it is offered) and
 * /examples/{name}. Each test saves a screenshot under target/screenshots.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
class SwaggerUiIT {

	private static Browser browser;

	@LocalServerPort
	int port;

	@Autowired
	RestTestClient client;

	private String screenshotName;

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
	void openSwaggerUi(TestInfo test) {
		screenshotName = "swagger-ui-" + test.getTestMethod().orElseThrow().getName();
		browser.driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
		browser.driver.get("http://localhost:" + port + "/swagger-ui.html");
		browser.waitFor(d -> !d.findElements(By.cssSelector(".opblock")).isEmpty());
	}

	@AfterEach
	void screenshot() {
		browser.screenshot(screenshotName);
	}

	@Test
	void showsEveryOperationOfTheDocument() {
		JsonNode paths = new Api(client).get("/v3/api-docs").json().get("paths");
		List<String> expected = new ArrayList<>();
		paths.properties().forEach(path -> path.getValue().properties().forEach(method -> {
			JsonNode operation = method.getValue();
			expected.add("operations-" + operation.get("tags").get(0).asString() + "-"
					+ operation.get("operationId").asString());
		}));
		List<String> shown = browser.driver.findElements(By.cssSelector(".opblock"))
			.stream()
			.map(block -> block.getDomAttribute("id"))
			.toList();
		assertThat(expected).contains("operations-Training-trainStep", "operations-Training-train",
				"operations-Training-gradientCheck", "operations-Examples-listExamples",
				"operations-Examples-getExample");
		assertThat(shown).containsExactlyInAnyOrderElementsOf(expected);
	}

	@Test
	void trainStepOffersTheExamplesAndTryItOutAnswersTheSeedsNumbers() {
		WebElement operation = expand("operations-Training-trainStep");
		Select examples = new Select(browser.waitFor(
				d -> operation.findElement(By.cssSelector(".opblock-section-request-body .examples-select select"))));
		List<String> offered = examples.getOptions().stream().map(option -> option.getDomAttribute("value")).toList();
		assertThat(offered).startsWith("seed", "two-layer", "xor", "softmax", "deep-tanh")
			.contains("circle-data", "spiral-data");
		assertThat(examples.getFirstSelectedOption().getText()).contains("The seed");

		String body = tryItOut(operation);
		assertThat(body).contains("\"forward\"", "\"backward\"", "\"update\"", "\"after\"")
			.contains(String.valueOf(SeedValues.scalar("loss")))
			.contains(String.valueOf(SeedValues.scalar("loss_updated")));
	}

	@Test
	void getExampleTriedOutAnswersXor() {
		WebElement operation = expand("operations-Examples-getExample");
		startTryingOut(operation);
		WebElement name = browser
			.waitFor(d -> operation.findElement(By.cssSelector("tr[data-param-name='name'] input")));
		name.clear();
		name.sendKeys("xor");
		String body = execute(operation);
		assertThat(body).contains("\"name\": \"xor\"", "\"suggestedSteps\": 1000", "\"layers\"");
	}

	private WebElement expand(String id) {
		WebElement operation = browser.find("#" + id);
		operation.findElement(By.cssSelector(".opblock-summary")).click();
		browser.waitFor(d -> !operation.findElements(By.cssSelector(".opblock-body")).isEmpty());
		return operation;
	}

	/** Clicks "Try it out" and "Execute"; the answer's body, once it is a 200. */
	private String tryItOut(WebElement operation) {
		startTryingOut(operation);
		return execute(operation);
	}

	/**
	 * Clicks "Try it out" until it has become "Cancel" (a click while the block is still
	 * being drawn can go unnoticed).
	 */
	private void startTryingOut(WebElement operation) {
		browser.waitFor(d -> {
			WebElement button = operation.findElement(By.cssSelector(".try-out__btn"));
			if (button.getDomAttribute("class").contains("cancel")) {
				return true;
			}
			button.click();
			return false;
		});
	}

	private String execute(WebElement operation) {
		browser.waitFor(d -> operation.findElement(By.cssSelector("button.execute"))).click();
		WebElement status = browser.waitFor(
				d -> operation.findElement(By.cssSelector(".live-responses-table .response .response-col_status")));
		assertThat(status.getText().strip()).isEqualTo("200");
		return operation.findElement(By.cssSelector(".live-responses-table .response .response-col_description pre"))
			.getText();
	}

}
