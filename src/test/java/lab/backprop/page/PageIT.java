package lab.backprop.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import lab.backprop.SeedValues;

/**
 * The page at / in a real headless Chromium, against the whole service on a real port.
 * The service runs with no CORS origin allowed at all, so every request the page makes
 * passes only because it is same-origin. Each test saves a screenshot under
 * target/screenshots and ends with an empty browser console (no SEVERE entry beyond the
 * failed request a test provokes on purpose).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "backprop.cors.allowed-origins=")
class PageIT {

	private static Browser browser;

	@LocalServerPort
	int port;

	/**
	 * Console entries this test provokes on purpose (Chromium logs every 4xx answer to
	 * fetch as an error).
	 */
	private Predicate<String> expectedConsoleErrors = message -> false;

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
	void openPage(TestInfo test) {
		screenshotName = "page-" + test.getTestMethod().orElseThrow().getName();
		browser.driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
		browser.driver.get("http://localhost:" + port + "/");
		browser.waitForState("ready");
	}

	@AfterEach
	void screenshotAndConsole() {
		browser.screenshot(screenshotName);
		assertThat(browser.severeConsoleEntries(expectedConsoleErrors)).as("errors in the browser console").isEmpty();
	}

	// ---- the headers a browser obeys

	/**
	 * The Content-Security-Policy is in force (inline script refused) and a violation
	 * shows in the console, where every test's end looks for errors.
	 */
	@Test
	void theContentSecurityPolicyRefusesInlineScriptAndSaysSoInTheConsole() {
		browser.js("""
				const s = document.createElement('script'); s.textContent = 'window.planted = 1';
				document.head.appendChild(s); return 0;""");
		assertThat(browser.js("return window.planted === undefined")).isEqualTo(true);
		assertThat(browser.severeConsoleEntries(message -> false))
			.anySatisfy(message -> assertThat(message).contains("Content Security Policy"));
	}

	/**
	 * The Swagger UI runs under the same policy: its operations appear, the console stays
	 * clean.
	 */
	@Test
	void theSwaggerUiRunsUnderThePolicy() {
		screenshotName = "swagger-ui";
		browser.driver.get("http://localhost:" + port + "/swagger-ui/index.html");
		browser.waitFor(d -> !d.findElements(By.cssSelector(".opblock-summary-path")).isEmpty());
		assertThat(browser.texts(".opblock-summary-path")).contains("/train-step", "/train", "/examples");
	}

	// ---- what the page shows

	private List<String> cells(String path) {
		return browser.texts("td[data-path='" + path + "'] .num");
	}

	private String cell(String path) {
		List<String> cells = cells(path);
		assertThat(cells).as(path).hasSize(1);
		return cells.get(0);
	}

	private static double[] numbers(List<String> texts) {
		return texts.stream().mapToDouble(Double::parseDouble).toArray();
	}

	private List<String> graphTexts() {
		return browser.texts("#graph svg text");
	}

	private String editorText() {
		return browser.find("#request").getDomProperty("value");
	}

	@Test
	void opensOnTheSeedAndShowsItsStepWithoutAClick() {
		assertThat(new Select(browser.find("#example")).getFirstSelectedOption().getText()).contains("seed");

		// the graph: three inputs, one neuron with z = 0.49, each weight and its gradient
		// on an edge
		assertThat(browser.driver.findElements(By.cssSelector("#graph .node.input"))).hasSize(3);
		assertThat(browser.driver.findElements(By.cssSelector("#graph line.edge"))).hasSize(3);
		assertThat(String.join("\n", graphTexts())).contains("x1", "0.5", "z 0.49", "a 0.6201", "b 0.1", "w 0.1",
				"w −0.3", "w 0.5", "∂ −0.01882", "∂ −0.007528", "∂ −0.03011", "y 0.7", "loss 0.006383 → 0.006113");

		// the table: every value at full precision, exactly the seed script's numbers
		assertThat(cell("forward.layers[0].z")).isEqualTo("0.49");
		assertThat(Double.parseDouble(cell("forward.prediction"))).isEqualTo(SeedValues.scalar("pred"));
		assertThat(Double.parseDouble(cell("forward.loss"))).isEqualTo(SeedValues.scalar("loss"));
		assertThat(Double.parseDouble(cell("backward.dL_dPrediction"))).isEqualTo(SeedValues.scalar("dL_d_pred"));
		assertThat(Double.parseDouble(cell("backward.layers[0].dOutput_dZ"))).isEqualTo(SeedValues.scalar("d_pred_dZ"));
		assertThat(Double.parseDouble(cell("backward.layers[0].dL_dZ"))).isEqualTo(SeedValues.scalar("dL_dZ"));
		assertThat(numbers(cells("backward.layers[0].dL_dW"))).containsExactly(SeedValues.column("dL_dW"));
		assertThat(cells("update.layers[0].weights")).containsExactly("0.10188208828526413", "-0.29924716468589435",
				"0.5030113412564226");
		assertThat(numbers(cells("update.layers[0].weights"))).containsExactly(SeedValues.column("W_new"));
		assertThat(Double.parseDouble(cell("update.layers[0].bias"))).isEqualTo(SeedValues.scalar("b_new"));
		assertThat(Double.parseDouble(cell("after.prediction"))).isEqualTo(SeedValues.scalar("pred_updated"));
		assertThat(Double.parseDouble(cell("after.loss"))).isEqualTo(SeedValues.scalar("loss_updated"));

		// the explanations, in English by default
		assertThat(browser.find("td[data-path='forward.layers[0].z'] .explanation").getText()).contains("z = x·W + b",
				"z = 0.5·0.1 + 0.2·(−0.3) + 0.8·0.5 + 0.1 = 0.49", "weighted sum");
		assertThat(browser.find("td[data-path='update.layers[0].weights'] .substituted").getText())
			.contains("= 0.10188208828526413");
	}

	@Test
	void opensOnTheSeedWithNothingMarkedAsRefused() {
		assertThat(browser.find("#request-errors").getText()).isEmpty();
		assertThat(browser.find(".stale-note").isDisplayed()).isFalse();
		assertThat(browser.find("#status").getText()).startsWith("Step 1: loss 0.006383 → 0.006113");
	}

	@Test
	void explanationsInRussianWhenChosenOnThePage() {
		new Select(browser.find("#language")).selectByVisibleText("Русский");
		browser.waitFor(d -> !d.findElements(By.cssSelector(".explanation[lang='ru']")).isEmpty());
		browser.waitForState("ready");

		String meaning = browser.find("td[data-path='forward.layers[0].z'] .meaning").getText();
		assertThat(meaning).containsPattern("\\p{IsCyrillic}{4,}");
		assertThat(browser.find("td[data-path='forward.layers[0].z'] .substituted").getText()).endsWith("= 0.49");
		// the numbers do not depend on the language
		assertThat(cells("update.layers[0].weights")).first().isEqualTo("0.10188208828526413");
		browser.screenshot(screenshotName + "-ru");

		new Select(browser.find("#language")).selectByVisibleText("none");
		browser.waitFor(d -> d.findElements(By.cssSelector(".explanation")).isEmpty());
		assertThat(cell("forward.layers[0].z")).isEqualTo("0.49");
	}

	@Test
	void takingAStepSendsTheUpdateBackAndDrawsTheNextStep() {
		browser.find("#step").click();
		browser.waitFor(d -> d.findElement(By.id("status")).getText().startsWith("Step 2"));
		browser.waitForState("ready");

		// the editor now holds the updated parameters, in the network form the service
		// echoes
		assertThat(editorText()).contains("0.10188208828526413", "-0.29924716468589435", "0.5030113412564226",
				"0.10376417657052825", "\"optimizerState\"");
		// and the step drawn starts from them: its prediction and loss are the seed's
		// values after the update
		assertThat(Double.parseDouble(cell("forward.prediction"))).isEqualTo(SeedValues.scalar("pred_updated"));
		assertThat(Double.parseDouble(cell("forward.loss"))).isEqualTo(SeedValues.scalar("loss_updated"));
		assertThat(String.join("\n", graphTexts())).contains("w 0.1019", "w −0.2992", "w 0.503", "b 0.1038");
		assertThat(Double.parseDouble(cell("after.loss"))).isLessThan(SeedValues.scalar("loss_updated"));
	}

	@Test
	void trainingXorDrawsAFallingLossCurve() {
		new Select(browser.find("#example")).selectByValue("xor");
		browser.waitFor(d -> d.findElements(By.cssSelector("#graph .node.neuron")).size() == 5);
		browser.waitForState("ready");
		assertThat(browser.find("#steps").getDomProperty("value")).isEqualTo("1000");
		// a batch of four: the nodes show one example at a time
		assertThat(browser.find("#batch-row").isDisplayed()).isTrue();
		double before = Double.parseDouble(cell("forward.loss"));

		browser.find("#train").click();
		browser.waitFor(d -> !d.findElements(By.cssSelector("#chart polyline.curve")).isEmpty());
		browser.waitForState("ready");

		// the curve as drawn: y grows downwards on screen, so a falling loss is a rising
		// y
		String points = browser.find("#chart polyline.curve").getDomAttribute("points");
		double[] ys = Arrays.stream(points.trim().split(" "))
			.mapToDouble(p -> Double.parseDouble(p.split(",")[1]))
			.toArray();
		assertThat(ys.length).isGreaterThan(50);
		assertThat(ys[ys.length - 1]).as("the last point lies far below the first").isGreaterThan(ys[0] + 150);
		assertThat(browser.find("#chart svg title").getDomProperty("textContent")).contains("at step 1000");

		String summary = browser.find("#train-summary").getText();
		assertThat(summary).contains("1000 steps (stopped: steps)");
		// and the step now drawn starts from the trained parameters: its loss is the
		// run's final loss
		double after = Double.parseDouble(cell("forward.loss"));
		assertThat(summary).contains(cell("forward.loss") + " at the end");
		assertThat(after).isLessThan(0.01).isLessThan(before / 10);
	}

	@Test
	void controlsEditTheRequest() {
		new Select(browser.find("#activation-0")).selectByValue("tanh");
		browser.waitFor(d -> d.findElement(By.cssSelector("td[data-path='forward.layers[0].output']"))
			.findElement(By.xpath(".."))
			.getText()
			.contains("tanh(z)"));
		assertThat(editorText()).contains("\"activation\": \"tanh\"");

		new Select(browser.find("#loss")).selectByValue("sse");
		browser.waitFor(d -> editorText().contains("\"loss\": \"sse\""));
		browser.waitForState("ready");

		new Select(browser.find("#optimizer")).selectByValue("adam");
		browser.waitFor(d -> d.findElement(By.cssSelector("#values")).getText().contains("Update (adam)"));
		browser.waitForState("ready");
		assertThat(editorText()).contains("\"type\": \"adam\"");

		WebElement rate = browser.find("#learning-rate");
		rate.clear();
		rate.sendKeys("0.05", Keys.TAB);
		browser.waitFor(d -> "0.05".equals(cellOrEmpty("update.learningRate")));
		assertThat(editorText()).contains("\"learningRate\": 0.05");
	}

	private String cellOrEmpty(String path) {
		List<String> cells = cells(path);
		return cells.isEmpty() ? "" : cells.get(0);
	}

	@Test
	void theServicesErrorIsShownNextToTheFieldItNames() {
		expectedConsoleErrors = message -> message.matches(
				".*/train(-step)?(\\?explain=true)? - Failed to load resource: the server responded with a status of 400.*");
		WebElement editor = browser.find("#request");
		editor.clear();
		editor.sendKeys("""
				{
				  "inputs": [[0.5, 0.2, 0.8]],
				  "weights": [[0.1], [-0.3], [0.5]],
				  "bias": [[0.1]],
				  "label": [[0.7]],
				  "learning_rate": 0.1
				}""");
		browser.find("#show").click();
		browser.waitForState("error");

		WebElement errors = browser.find("#request-errors");
		assertThat(errors.getText()).contains("/learning_rate", "did you mean 'learningRate'", "line 6");
		// right under the editor, and the named line is marked in the editor itself
		int editorBottom = browser.find("#editor").getRect().getY() + browser.find("#editor").getRect().getHeight();
		assertThat(errors.getRect().getY() - editorBottom).isBetween(0, 20);
		assertThat(browser.texts("#request-errors .line-link")).contains("line 6");
		List<Integer> marked = new ArrayList<>();
		for (WebElement mark : browser.driver.findElements(By.cssSelector("#marks .mark"))) {
			marked.add(mark.getRect().getY() - browser.find("#request").getRect().getY());
		}
		assertThat(marked).as("the line 6 bar, 8 px padding + 5 lines of 20 px").contains(108);
		assertThat(editor.getDomAttribute("aria-invalid")).isEqualTo("true");
		// the drawing below is the last step that worked, and says so
		assertThat(browser.find(".stale-note").isDisplayed()).isTrue();

		// the line button takes the caret to that line
		browser.find("#request-errors .line-link").click();
		Object selected = browser.js("const t = document.getElementById('request');"
				+ "return t.value.substring(t.selectionStart, t.selectionEnd);");
		assertThat(selected).asString().contains("\"learning_rate\": 0.1");

		// a missing field: the line of the object it belongs in is marked
		editor.clear();
		editor.sendKeys("{\n  \"inputs\": [[0.5, 0.2, 0.8]],\n  \"weights\": [[0.1], [-0.3], [0.5]],\n"
				+ "  \"bias\": 0.1,\n  \"label\": 0.7\n}");
		browser.find("#show").click();
		browser.waitFor(d -> d.findElement(By.id("request-errors")).getText().contains("/learningRate"));
		assertThat(browser.find("#request-errors").getText()).contains("line 1", "/learningRate",
				"the field is missing");

		// a field outside the editor: the steps to train
		WebElement steps = browser.find("#steps");
		steps.clear();
		steps.sendKeys("0");
		editor.clear();
		editor.sendKeys("{\"inputs\": [[0.5, 0.2, 0.8]], \"weights\": [[0.1], [-0.3], [0.5]], \"bias\": 0.1,"
				+ " \"label\": 0.7, \"learningRate\": 0.1}");
		browser.find("#train").click();
		browser.waitForState("error");
		assertThat(browser.find("#steps-error").getText()).contains("must be from 1 to 100000");
		assertThat(steps.getDomAttribute("aria-invalid")).isEqualTo("true");
		assertThat(browser.find("#request-errors").getText()).isEmpty();
		browser.screenshot(screenshotName + "-steps");

		// malformed JSON: the service's line and column
		editor.clear();
		editor.sendKeys("{\n  \"inputs\": [[0.5, 0.2, 0.8],]\n}");
		browser.find("#show").click();
		browser.waitForState("error");
		assertThat(browser.find("#request-errors").getText()).contains("not valid JSON", "line 2");
	}

	@Test
	void usableByKeyboardAlone() {
		browser.js("document.activeElement.blur(); window.focus();");
		List<String> order = new ArrayList<>();
		Actions keys = new Actions(browser.driver);
		for (int k = 0; k < 30; k++) {
			keys.sendKeys(Keys.TAB).perform();
			WebElement focused = browser.driver.switchTo().activeElement();
			String id = focused.getDomAttribute("id");
			order.add(id == null ? focused.getTagName() : id);
		}
		assertThat(order).containsSubsequence("example", "activation-0", "loss", "optimizer", "learning-rate",
				"request", "show", "step", "steps", "train", "language");

		// focus is visible: a 3 px ring on the focused button
		browser.js("document.getElementById('step').blur()");
		while (!"step".equals(browser.driver.switchTo().activeElement().getDomAttribute("id"))) {
			keys.keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).perform();
		}
		assertThat(browser.js("return getComputedStyle(document.activeElement).outlineStyle")).isEqualTo("solid");
		assertThat(browser.js("return getComputedStyle(document.activeElement).outlineWidth")).isEqualTo("3px");
		browser.screenshot(screenshotName + "-focus");

		// and Enter on it takes the step
		keys.sendKeys(Keys.ENTER).perform();
		browser.waitFor(d -> d.findElement(By.id("status")).getText().startsWith("Step 2"));
		browser.waitForState("ready");
		assertThat(Double.parseDouble(cell("forward.loss"))).isEqualTo(SeedValues.scalar("loss_updated"));
	}

	@Test
	void readableOnA375PixelPhone() {
		browser.emulatePhone(375, 812);
		browser.driver.get("http://localhost:" + port + "/");
		browser.waitForState("ready");
		assertThat(browser.js("return window.innerWidth")).isEqualTo(375L);

		// nothing wider than the screen: no sideways scrolling of the page
		assertThat((Long) browser.js("return document.documentElement.scrollWidth")).isLessThanOrEqualTo(375L);
		for (String id : List.of("example", "request", "show", "step", "steps", "train", "language", "graph",
				"values")) {
			Map<?, ?> box = (Map<?, ?>) browser
				.js("const r = document.getElementById(arguments[0]).getBoundingClientRect();"
						+ "return {left: r.left, right: r.right, width: r.width};", id);
			assertThat(((Number) box.get("left")).doubleValue()).as(id).isGreaterThanOrEqualTo(0);
			assertThat(((Number) box.get("right")).doubleValue()).as(id).isLessThanOrEqualTo(375);
			assertThat(((Number) box.get("width")).doubleValue()).as(id).isGreaterThan(20);
		}
		// the numbers are there, at full precision, in legible type
		assertThat(cells("update.layers[0].weights")).first().isEqualTo("0.10188208828526413");
		Object size = browser
			.js("return parseFloat(getComputedStyle(document.querySelector(\"td[data-path='forward.layers[0].z'] .num\")).fontSize)");
		assertThat(((Number) size).doubleValue()).isGreaterThanOrEqualTo(12);
		assertThat(String.join("\n", graphTexts())).contains("z 0.49");
	}

}
