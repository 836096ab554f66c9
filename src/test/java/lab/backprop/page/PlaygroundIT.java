package lab.backprop.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import tools.jackson.databind.JsonNode;

/**
 * The playground learning live in a real headless Chromium, against the whole service on
 * a real port (no CORS origin allowed: every request is same-origin): what a first visit
 * shows, the circle learnt, the speed of the updates with never more than one request in
 * flight, the heat map changing, pause and one step. Each test saves full-page
 * screenshots under target/screenshots and ends with an empty browser console.
 */
class PlaygroundIT extends PlaygroundBrowserTest {

	@Test
	void theStepViewLinksThePlaygroundWhichOpensOnTheCircleReadyToPlay() {
		browser.driver.get(page.base + "/");
		browser.waitForState("ready");
		browser.find("header a[href='playground']").click();
		page.waitReady();
		assertThat(browser.driver.getCurrentUrl()).contains("/playground#s=");

		// the seven data sets, each with its picture drawn, the circle chosen
		assertThat(browser.driver.findElements(By.cssSelector("#datasets input[type=radio]"))).hasSize(7);
		browser.waitFor(d -> ((Number) browser
			.js("""
					return [...document.querySelectorAll('canvas.thumbnail')].filter((c) => {
					  const pixels = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
					  for (let p = 0; p < pixels.length; p += 4) if (pixels[p] !== 255 || pixels[p + 2] !== 255) return true;
					  return false;
					}).length"""))
			.intValue() == 7);
		assertThat(browser.find("#dataset-circle").isSelected()).isTrue();
		// a 2-4-2-1 network drawn, its first loss and accuracy on show
		assertThat(page.neuronsPerLayer()).containsExactly(4, 2, 1);
		assertThat(page.steps()).isZero();
		assertThat(page.number("train-loss")).isBetween(0.5, 1.0);
		assertThat(page.number("test-accuracy")).isBetween(0.0, 1.0);
		assertThat(browser.find("#status").getText()).contains("Press Play");
		browser.screenshot("playground-first-visit");

		// what a visitor sees after pressing Play: the boundary forming within seconds
		page.play();
		page.within(10, () -> page.number("test-accuracy") >= 0.9);
		browser.screenshot("playground-first-visit-after-play");
	}

	@Test
	void theCircleIsLearntToATestLossBelowOneTenthWithinFifteenSeconds() {
		page.hiddenLayers(8, 8);
		long start = System.nanoTime();
		page.play();
		page.within(15, () -> page.number("test-loss") < 0.1);
		double seconds = (System.nanoTime() - start) / 1e9;
		System.out.printf("PlaygroundIT: circle, 2-8-8-1: test loss %s after %.1f s, step %d%n",
				page.value("test-loss"), seconds, page.steps());
		assertThat(page.number("test-accuracy")).isGreaterThanOrEqualTo(0.95);
	}

	@Test
	void keepsUpTenUpdatesASecondWithNeverMoreThanOneRequestInFlight() throws IOException {
		page.hiddenLayers(8, 8);
		page.countRequestsInFlight();
		page.play();
		page.within(10, () -> page.updates() >= 5);
		long updatesBefore = page.updates();
		long start = System.nanoTime();
		sleep(5000);
		long updates = page.updates() - updatesBefore;
		double seconds = (System.nanoTime() - start) / 1e9;
		double rate = updates / seconds;
		String load = Files.readString(Path.of("/proc/loadavg")).trim();
		System.out.printf(
				"PlaygroundIT: 2-8-8-1 on 200 points: %d updates in %.2f s = %.1f a second "
						+ "(one epoch, 10 steps, each); load average %s; the page shows %s a second%n",
				updates, seconds, rate, load, browser.find("#update-rate").getText());
		assertThat(rate).as("updates a second").isGreaterThanOrEqualTo(10);
		assertThat(page.mostInFlight()).as("requests in flight at once").isEqualTo(1);
	}

	@Test
	void theHeatMapAndTheNeuronPicturesChangeWhilePlaying() {
		page.play();
		page.within(10, () -> page.updates() >= 3);
		page.keepHeatmapPixels("first");
		String neuronBefore = (String) browser.js("return document.querySelector('.output-node canvas').toDataURL()");
		long updates = page.updates();
		page.within(10, () -> page.updates() >= updates + 5);
		page.keepHeatmapPixels("second");
		long[] changed = page.changedPixels("first", "second");
		assertThat(changed[0]).as("pixels changed of %d", changed[1]).isGreaterThan(changed[1] / 100);
		assertThat(browser.js("return document.querySelector('.output-node canvas').toDataURL()"))
			.isNotEqualTo(neuronBefore);
		// and the loss curves grow
		String points = browser.find("#curves polyline.train").getDomAttribute("points");
		assertThat(points.split(" ").length).isGreaterThan(5);
		browser.screenshot(screenshotName + "-playing");
	}

	@Test
	void pauseStopsTheRequestsAndOneStepTakesExactlyOneMiniBatchStep() {
		page.countRequestsInFlight();
		page.play();
		page.within(10, () -> page.steps() >= 30);
		page.pause();
		long steps = page.steps();
		long requests = ((Number) browser.js("return window.requestsMade")).longValue();
		JsonNode paused = page.state();
		sleep(1000);
		assertThat(page.steps()).as("no step after the pause").isEqualTo(steps);
		assertThat(((Number) browser.js("return window.requestsMade")).longValue()).isEqualTo(requests);
		assertThat(browser.find("#play").getText()).isEqualTo("Play");
		assertThat(browser.find("#status").getText()).startsWith("Step " + steps + ": training loss");

		browser.find("#one-step").click();
		page.within(10, () -> page.steps() == steps + 1);
		page.waitReady();
		JsonNode stepped = page.state();
		// one mini-batch of 10 of the 100 training examples further in the epoch
		JsonNode before = paused.get("model").get("optimizerState");
		JsonNode after = stepped.get("model").get("optimizerState");
		assertThat(after.get("step").asLong()).isEqualTo(before.get("step").asLong() + 1);
		assertThat((after.get("epoch").asLong() * 100 + after.get("position").asLong())
				- (before.get("epoch").asLong() * 100 + before.get("position").asLong()))
			.isEqualTo(10);
		assertThat(stepped.get("model").get("layers")).isNotEqualTo(paused.get("model").get("layers"));
		assertThat(((Number) browser.js("return window.requestsMade")).longValue()).isEqualTo(requests + 1);
		sleep(500);
		assertThat(page.steps()).as("one step only").isEqualTo(steps + 1);
	}

	@Test
	void theNetworkIsBuiltByButtonsAndAResetGivesTheSeededWeightsEveryTime() throws Exception {
		browser.find("#add-layer").click();
		page.waitReady();
		assertThat(page.neuronsPerLayer()).containsExactly(4, 2, 2, 1);
		page.press("Fewer neurons in layer 3", 1);
		page.press("Fewer neurons in layer 3", 1); // at one neuron: nothing happens
		assertThat(page.neuronsPerLayer()).containsExactly(4, 2, 1, 1);
		// four times: the last finds no layer left to remove
		for (int k = 0; k < 4; k++) {
			browser.find("#remove-layer").click();
			page.waitReady();
		}
		assertThat(page.neuronsPerLayer()).as("no hidden layer: logistic regression").containsExactly(1);
		assertThat(browser.find("#remove-layer").getDomAttribute("aria-disabled")).isEqualTo("true");
		browser.find("#add-layer").click();
		page.waitReady();
		new Select(browser.find("#activation-0")).selectByValue("relu");
		page.waitReady();
		browser.driver.findElement(By.id("feature-x1*x2")).click();
		page.waitReady();
		assertThat(page.neuronsPerLayer()).containsExactly(2, 1);
		assertThat(browser.driver.findElements(By.cssSelector(".input-node"))).hasSize(3);

		// Reset: the weights /initial-layers gives for the seed, however far the run went
		List<Double> seeded = PlaygroundPage
			.parameters(page.getJson("/initial-layers?sizes=3,2,1&activations=relu,sigmoid&init=xavier&seed=1"));
		assertThat(PlaygroundPage.parameters(page.stateAtStep(0).get("model"))).isEqualTo(seeded);
		for (int run = 0; run < 2; run++) {
			page.play();
			page.within(10, () -> page.steps() >= 50);
			page.pause();
			browser.find("#reset").click();
			page.waitReady();
			assertThat(PlaygroundPage.parameters(page.stateAtStep(0).get("model"))).isEqualTo(seeded);
		}
		WebElement seed = browser.find("#init-seed");
		seed.sendKeys(Keys.chord(Keys.CONTROL, "a"), "7", Keys.TAB);
		page.waitReady();
		List<Double> seven = PlaygroundPage
			.parameters(page.getJson("/initial-layers?sizes=3,2,1&activations=relu,sigmoid&init=xavier&seed=7"));
		page.within(10, () -> PlaygroundPage.parameters(page.state().get("model")).equals(seven));
		new Select(browser.find("#init")).selectByValue("he");
		page.waitReady();
		List<Double> he = PlaygroundPage
			.parameters(page.getJson("/initial-layers?sizes=3,2,1&activations=relu,sigmoid&init=he&seed=7"));
		page.within(10, () -> PlaygroundPage.parameters(page.state().get("model")).equals(he));
		assertThat(he).isNotEqualTo(seven).isNotEqualTo(seeded);
	}

	static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	static List<Double> numbers(JsonNode array) {
		return array.valueStream().map(JsonNode::asDouble).toList();
	}

}
