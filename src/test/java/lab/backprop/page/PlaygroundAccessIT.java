package lab.backprop.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The playground for everyone, in a real headless Chromium: keyboard alone with a visible
 * focus, a 375 px phone, and colours that stay apart for red-green colour blindness.
 */
class PlaygroundAccessIT extends PlaygroundBrowserTest {

	private String focused() {
		WebElement element = browser.driver.switchTo().activeElement();
		String id = element.getDomAttribute("id");
		if (id != null) {
			return id;
		}
		String layer = element.getDomAttribute("data-layer");
		return layer != null ? "neuron-" + layer + "-" + element.getDomAttribute("data-index") : element.getTagName();
	}

	private void tabTo(Actions keys, String id) {
		for (int k = 0; k < 80 && !id.equals(focused()); k++) {
			keys.sendKeys(Keys.TAB).perform();
		}
		assertThat(focused()).isEqualTo(id);
	}

	@Test
	void usableByKeyboardAlone() {
		browser.js("document.activeElement.blur(); window.focus();");
		Actions keys = new Actions(browser.driver);
		List<String> order = new ArrayList<>();
		for (int k = 0; k < 50; k++) {
			keys.sendKeys(Keys.TAB).perform();
			order.add(focused());
		}
		assertThat(order).containsSubsequence("play", "one-step", "reset", "learning-rate", "optimizer",
				"regularization", "dataset-circle", "test-share", "noise", "batch-size", "regenerate", "feature-x1",
				"add-layer", "init", "init-seed", "neuron-0-0", "neuron-2-0", "inspect-target", "inspect-open",
				"show-test", "copy-link", "download-csv", "download-json");

		// play and pause with the keyboard; the focus ring is plain to see
		browser.js("document.activeElement.blur(); window.focus();");
		tabTo(keys, "play");
		assertThat(browser.js("return getComputedStyle(document.activeElement).outlineStyle")).isEqualTo("solid");
		assertThat(browser.js("return getComputedStyle(document.activeElement).outlineWidth")).isEqualTo("3px");
		keys.sendKeys(Keys.SPACE).perform();
		page.within(10, () -> page.steps() >= 50);
		browser.screenshot(screenshotName + "-playing");
		keys.sendKeys(Keys.SPACE).perform();
		page.waitReady();
		assertThat(browser.find("#play").getDomAttribute("aria-pressed")).isEqualTo("false");

		// another data set by the arrow keys: a new network for it
		tabTo(keys, "dataset-circle");
		assertThat(browser.js("return getComputedStyle(document.activeElement.parentElement).outlineWidth"))
			.as("the thumbnail shows the focus")
			.isEqualTo("3px");
		keys.sendKeys(Keys.ARROW_RIGHT).perform();
		page.waitReady();
		browser.waitFor(d -> browser.find("#dataset-xor").isSelected());
		page.within(10, () -> page.steps() == 0);

		// a neuron, then Enter: its step in the step view, marked
		tabTo(keys, "neuron-1-1");
		assertThat(browser.js("return getComputedStyle(document.activeElement).outlineWidth")).isEqualTo("3px");
		browser.screenshot(screenshotName + "-neuron-focus");
		assertThat(focused()).as("still focused after the screenshot's resize").isEqualTo("neuron-1-1");
		keys.sendKeys(Keys.ENTER).perform();
		browser.waitFor(d -> d.getCurrentUrl().contains("/#p="));
		browser.waitForState("ready");
		assertThat(browser.find("#handover-what").getText()).isEqualTo("layer 2, neuron 2");
		assertThat(browser.driver.findElements(By.cssSelector("#graph .node.marked"))).hasSize(1);

		// and back to the playground, at the same step, by keyboard
		browser.js("document.activeElement.blur(); window.focus();");
		tabTo(keys, "handover-back");
		keys.sendKeys(Keys.ENTER).perform();
		browser.waitFor(d -> d.getCurrentUrl().contains("/playground#s="));
		page.waitReady();
		assertThat(browser.find("#dataset-xor").isSelected()).isTrue();
		assertThat(browser.find("#status").getText()).contains("Restored from the link: step 0");
	}

	@Test
	void fitsA375PixelPhone() {
		browser.emulatePhone(375, 812);
		page.open();
		assertThat(browser.js("return window.innerWidth")).isEqualTo(375L);
		assertThat((Long) browser.js("return document.documentElement.scrollWidth")).isLessThanOrEqualTo(375L);
		for (String id : List.of("play", "one-step", "reset", "learning-rate", "optimizer", "heatmap", "curves",
				"network", "datasets", "test-share", "noise", "batch-size", "inspect-target", "copy-link",
				"download-csv", "download-json")) {
			Map<?, ?> box = (Map<?, ?>) browser
				.js("const r = document.getElementById(arguments[0]).getBoundingClientRect();"
						+ "return {left: r.left, right: r.right, width: r.width};", id);
			assertThat(((Number) box.get("left")).doubleValue()).as(id).isGreaterThanOrEqualTo(0);
			assertThat(((Number) box.get("right")).doubleValue()).as(id).isLessThanOrEqualTo(375);
			assertThat(((Number) box.get("width")).doubleValue()).as(id).isGreaterThan(20);
		}
		// the picture comes right after the run's buttons, nearly the screen's width
		Number heatmapWidth = (Number) browser
			.js("return document.getElementById('heatmap').getBoundingClientRect().width");
		assertThat(heatmapWidth.doubleValue()).isGreaterThan(300);
		Number heatmapTop = (Number) browser
			.js("return document.getElementById('heatmap').getBoundingClientRect().top");
		Number networkTop = (Number) browser
			.js("return document.getElementById('network').getBoundingClientRect().top");
		assertThat(heatmapTop.doubleValue()).isLessThan(networkTop.doubleValue());

		double first = page.number("test-loss");
		browser.find("#play").click();
		page.within(15, () -> page.steps() >= 300);
		browser.find("#play").click();
		page.waitReady();
		assertThat(page.number("test-loss")).isLessThan(first);
	}

	/** Machado, Oliveira and Fernandes (2009), severity 1, on linear RGB. */
	private static final double[][] PROTANOPIA = { { 0.152286, 1.052583, -0.204868 }, { 0.114503, 0.786281, 0.099216 },
			{ -0.003882, -0.048116, 1.051998 } };

	private static final double[][] DEUTERANOPIA = { { 0.367322, 0.860646, -0.227968 },
			{ 0.280085, 0.672501, 0.047413 }, { -0.011820, 0.042940, 0.968881 } };

	private static final double[][] NORMAL = { { 1, 0, 0 }, { 0, 1, 0 }, { 0, 0, 1 } };

	@Test
	void theColoursStayApartForRedGreenColourBlindness() {
		List<?> colours = (List<?>) ((JavascriptExecutor) browser.driver).executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				import('/js/playground/palette.js').then((p) => done([p.colour(0), p.colour(1), p.colour(0.25),
				  p.colour(0.75), p.colour(0.4), p.colour(0.6)]));""");
		for (double[][] vision : List.of(NORMAL, PROTANOPIA, DEUTERANOPIA)) {
			// label 0 against label 1, and the heat map's quarter tones
			assertThat(ColourVision.distance(vision, rgb(colours.get(0)), rgb(colours.get(1)))).isGreaterThan(40);
			assertThat(ColourVision.distance(vision, rgb(colours.get(2)), rgb(colours.get(3)))).isGreaterThan(40);
			assertThat(ColourVision.distance(vision, rgb(colours.get(4)), rgb(colours.get(5)))).isGreaterThan(10);
		}
		// the measure tells a red-green pair apart from a safe one: red and green
		// collapse
		// for a deuteranope
		int[] red = { 214, 39, 40 };
		int[] green = { 44, 160, 44 };
		assertThat(ColourVision.distance(NORMAL, red, green)).isGreaterThan(40);
		assertThat(ColourVision.distance(DEUTERANOPIA, red, green)).isLessThan(40);
	}

	private static int[] rgb(Object colour) {
		return ((List<?>) colour).stream().mapToInt(c -> ((Number) c).intValue()).toArray();
	}

}
