package lab.backprop.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

import lab.backprop.Api;

/**
 * The page's exercise mode and "Download as Python" in a real headless Chromium: an
 * exercise opened from the address (level 1, seed 1: a tanh neuron whose z is 0.16 by
 * hand), a wrong z with the bias left out named as that slip, the worked step shown after
 * the wrong try, then every answer right; a new exercise of another level, in Russian;
 * the step downloaded as a numpy script.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "backprop.cors.allowed-origins=")
class ExercisePageIT {

	private static final tools.jackson.databind.json.JsonMapper JSON = Api.JSON;

	private static Browser browser;

	@LocalServerPort
	int port;

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
	void name(TestInfo test) {
		screenshotName = "exercise-" + test.getTestMethod().orElseThrow().getName();
	}

	@AfterEach
	void screenshotAndConsole() {
		browser.screenshot(screenshotName);
		assertThat(browser.severeConsoleEntries(message -> false)).as("errors in the browser console").isEmpty();
	}

	private void open(String query) {
		browser.driver.get("http://localhost:" + port + "/" + query);
		browser.waitForState("ready");
	}

	private WebElement answer(String pointer) {
		return browser.find("#exercise-questions input[data-pointer='" + pointer + "']");
	}

	private void type(String pointer, String text) {
		WebElement field = answer(pointer);
		field.clear();
		field.sendKeys(text);
	}

	private WebElement result(String pointer) {
		return browser.waitFor(d -> d.findElement(By.cssSelector(".result[data-pointer='" + pointer + "']")));
	}

	private void check() {
		browser.find("#exercise-check").click();
		browser.waitForState("ready");
	}

	@Test
	void aWrongTryNamesTheSlipAndShowsTheWorkedStepThenEveryAnswerIsRight() {
		open("?exercise=1&seed=1");
		assertThat(browser.find("#exercise-title-text").getText())
			.isEqualTo("One neuron: the forward pass and the loss");
		assertThat(browser.find("#exercise-network [data-given='weights']").getText()).contains("-0.7", "0.3", "-0.4");
		assertThat(browser.driver.findElements(By.cssSelector("#exercise-questions input"))).hasSize(3);

		// z = (−0.4)(−0.7) + (−0.2)(0.3) + (0.4)(−0.4) + 0.1 = 0.16 (in doubles, summed
		// in this order,
		// 0.15999999999999995); without the bias 0.06
		double z = -0.4 * -0.7 + -0.2 * 0.3 + 0.4 * -0.4 + 0.1;
		double prediction = Math.tanh(z);
		double loss = (prediction + 0.2) * (prediction + 0.2);
		type("/forward/layers/0/z", "0.06");
		type("/forward/prediction", String.format(java.util.Locale.ROOT, "%.4f", prediction));
		check();
		WebElement wrong = result("/forward/layers/0/z");
		assertThat(wrong.getAttribute("class")).contains("wrong");
		assertThat(wrong.findElement(By.cssSelector(".mistake")).getDomAttribute("data-code"))
			.isEqualTo("bias_forgotten");
		assertThat(wrong.getText()).contains("leaves the bias of layer 1 out", "z = x·W + b");
		assertThat(result("/forward/prediction").getAttribute("class")).contains("right");
		assertThat(browser.find("#exercise-result").getText()).isEqualTo("1 of 3 right (1 not answered).");
		assertThat(browser.find("#exercise-worked").isDisplayed()).isTrue();
		assertThat(browser.find("#exercise-worked-values td[data-path='forward.layers[0].z'] .substituted").getText())
			.contains("z = (−0.4)·(−0.7) + (−0.2)·0.3 + 0.4·(−0.4) + 0.1 = " + z);

		type("/forward/layers/0/z", "0.16");
		type("/forward/loss", String.format(java.util.Locale.ROOT, "%.3e", loss));
		check();
		assertThat(browser.find("#exercise-result").getText()).isEqualTo("All 3 right.");
		assertThat(browser.texts(".result.wrong")).isEmpty();
	}

	@Test
	void aNewExerciseOfAnotherLevelInRussian() {
		open("");
		new Select(browser.find("#language")).selectByValue("ru");
		browser.waitForState("ready");
		new Select(browser.find("#exercise-level")).selectByValue("2");
		browser.find("#exercise-new").click();
		browser.waitFor(d -> d.findElement(By.id("exercise")).isDisplayed());
		browser.waitForState("ready");
		assertThat(browser.find("#exercise-title-text").getText()).isEqualTo("Один нейрон: весь шаг обучения");
		List<WebElement> fields = browser.driver.findElements(By.cssSelector("#exercise-questions input"));
		assertThat(fields).hasSize(10);

		// what is not a number is refused on the page, before any request
		type("/forward/layers/0/z", "abc");
		check();
		assertThat(browser.find("#answer-0-verdict").getText()).contains("Write 1 number");
		assertThat(answer("/forward/layers/0/z").getDomAttribute("aria-invalid")).isEqualTo("true");

		// dL/dŷ with its sign flipped, named and explained in Russian: the right value
		// from the service itself
		String seed = browser.find("#exercise-seed").getText().replaceAll(".*seed ", "");
		JsonNode exercise = JSON.readTree(get("/exercises/random?level=2&seed=" + seed));
		double gradient = JSON.readTree(post("/train-step", exercise.get("request").toString()))
			.at("/backward/dL_dPrediction/0/0")
			.asDouble();
		type("/forward/layers/0/z", "");
		type("/backward/dL_dPrediction", Double.toString(-gradient));
		check();
		WebElement wrong = result("/backward/dL_dPrediction");
		assertThat(wrong.findElement(By.cssSelector(".mistake")).getDomAttribute("data-code")).isEqualTo("sign");
		assertThat(wrong.getText()).contains("неверным знаком");
		assertThat(browser.find("#exercise-worked-values .summary").getText()).isNotBlank();
	}

	private String get(String path) {
		return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build());
	}

	private String post(String path, String json) {
		return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build());
	}

	private static String send(HttpRequest request) {
		try {
			return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	@Test
	void theStepDownloadsAsAPythonScript() {
		open("");
		browser.find("#download-python").click();
		browser.waitForState("ready");
		WebElement link = browser.find("#python-link");
		assertThat(link.isDisplayed()).isTrue();
		assertThat(link.getDomAttribute("download")).isEqualTo("backprop_step_numpy.py");
		assertThat(link.getDomProperty("href")).startsWith("blob:");
		Object script = browser.driver.executeAsyncScript(
				"const done = arguments[arguments.length - 1]; fetch(arguments[0]).then(r => r.text()).then(done);",
				link.getDomProperty("href"));
		assertThat((String) script).startsWith("#!/usr/bin/env python3")
			.contains("import numpy as np", "X = np.array([[0.5, 0.2, 0.8]])", "W1 = np.array([[0.1], [-0.3], [0.5]])");
		assertThat(browser.find("#status").getText()).contains("python3 backprop_step_numpy.py");
	}

}
