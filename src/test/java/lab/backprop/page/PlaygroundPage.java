package lab.backprop.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The playground at /playground as its browser tests use it: open it, play and pause,
 * read its numbers (each shown number carries its full value in {@code data-value}) and
 * the whole state its address holds, decoded by the page's own module.
 */
final class PlaygroundPage {

	static final JsonMapper JSON = JsonMapper.builder().build();

	final Browser browser;

	final String base;

	PlaygroundPage(Browser browser, int port) {
		this.browser = browser;
		this.base = "http://localhost:" + port;
	}

	/**
	 * Opens the playground at base + path and waits until its first answer is drawn;
	 * about:blank first, so that an address differing only in its fragment still loads
	 * the page afresh.
	 */
	void open(String path) {
		browser.driver.get("about:blank");
		browser.driver.get(base + path);
		waitReady();
	}

	void open() {
		open("/playground");
	}

	/** No request in flight, not playing: the state every action ends in. */
	void waitReady() {
		browser.waitForState("ready");
	}

	void play() {
		browser.find("#play").click();
		browser.waitFor(d -> "true".equals(browser.find("#play").getDomAttribute("aria-pressed")));
	}

	/** Pauses and waits for the answer in flight to be drawn. */
	void pause() {
		browser.find("#play").click();
		waitReady();
	}

	long steps() {
		return Long.parseLong(browser.find("#step-count").getText());
	}

	long updates() {
		Object updates = browser.js("return Number(document.body.dataset.updates || 0)");
		return ((Number) updates).longValue();
	}

	/** The full value of a number on show (#train-loss, #test-loss, ...), as text. */
	String value(String id) {
		return browser.find("#" + id).getDomAttribute("data-value");
	}

	double number(String id) {
		String value = value(id);
		return value == null ? Double.NaN : Double.parseDouble(value);
	}

	/** Waits (up to seconds) until the condition holds. */
	void within(int seconds, java.util.function.BooleanSupplier condition) {
		new WebDriverWait(browser.driver, Duration.ofSeconds(seconds)).pollingEvery(Duration.ofMillis(100))
			.until(d -> condition.getAsBoolean());
	}

	/** The state in the address (#s=…), decoded by js/codec.js. */
	JsonNode state() {
		String text = (String) ((JavascriptExecutor) browser.driver).executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				import('/js/codec.js')
				  .then((codec) => codec.decodeValue(location.hash.replace(/^#[sp]=/, '')))
				  .then((value) => done(JSON.stringify(value)), (e) => done('unreadable: ' + e.message));""");
		return JSON.readTree(text);
	}

	/**
	 * The state in the address once it is written for this step (the page writes it after
	 * drawing the answer).
	 */
	JsonNode stateAtStep(long steps) {
		JsonNode[] state = new JsonNode[1];
		within(10, () -> {
			state[0] = state();
			JsonNode model = state[0].get("model");
			return model != null && model.get("steps").asLong() == steps;
		});
		return state[0];
	}

	/** Chooses a data set by its thumbnail (the label around its radio button). */
	void chooseDataset(String name) {
		browser.driver.findElement(By.xpath("//input[@id='dataset-" + name + "']/..")).click();
		waitReady();
		browser.waitFor(d -> browser.find("#dataset-" + name).isSelected());
	}

	/**
	 * Clicks the button with this aria-label, then waits until the page is ready again.
	 */
	void press(String label, int times) {
		for (int k = 0; k < times; k++) {
			browser.find("button[aria-label='" + label + "']").click();
		}
		waitReady();
	}

	/** Neurons drawn per layer, first hidden layer first. */
	List<Integer> neuronsPerLayer() {
		List<Integer> counts = new ArrayList<>();
		for (int l = 0;; l++) {
			int count = browser.driver.findElements(By.cssSelector("button.net-node[data-layer='" + l + "']")).size();
			if (count == 0) {
				return counts;
			}
			counts.add(count);
		}
	}

	/** Sets the hidden layers' widths with the − and + buttons. */
	void hiddenLayers(int... widths) {
		List<Integer> now = neuronsPerLayer();
		for (int l = 0; l < widths.length; l++) {
			int difference = widths[l] - now.get(l);
			press((difference > 0 ? "More" : "Fewer") + " neurons in layer " + (l + 1), Math.abs(difference));
		}
		List<Integer> expected = new ArrayList<>();
		for (int width : widths) {
			expected.add(width);
		}
		expected.add(1);
		browser.waitFor(d -> neuronsPerLayer().equals(expected));
		waitReady();
	}

	/**
	 * Wraps the page's fetch so that it counts the requests in flight (until their body
	 * is read) and remembers the most there ever were.
	 */
	void countRequestsInFlight() {
		browser
			.js("""
					const original = window.fetch.bind(window);
					window.requestsInFlight = 0;
					window.mostInFlight = 0;
					window.requestsMade = 0;
					window.fetch = async (...args) => {
					  window.requestsInFlight++;
					  window.requestsMade++;
					  window.mostInFlight = Math.max(window.mostInFlight, window.requestsInFlight);
					  try {
					    const answer = await original(...args);
					    const body = await answer.arrayBuffer();
					    return new Response(body, { status: answer.status, statusText: answer.statusText, headers: answer.headers });
					  } finally {
					    window.requestsInFlight--;
					  }
					};""");
	}

	long mostInFlight() {
		return ((Number) browser.js("return window.mostInFlight")).longValue();
	}

	/** Keeps a copy of the heat map's pixels (RGBA) in the page under this name. */
	void keepHeatmapPixels(String name) {
		browser
			.js("""
					const canvas = document.getElementById('heatmap');
					window[arguments[0]] = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data.slice();""",
					name);
	}

	/** How many of the pixels kept under the two names differ, and of how many. */
	long[] changedPixels(String before, String after) {
		List<?> counts = (List<?>) browser.js("""
				const a = window[arguments[0]], b = window[arguments[1]];
				let changed = 0;
				for (let p = 0; p < a.length; p += 4) {
				  if (a[p] !== b[p] || a[p + 1] !== b[p + 1] || a[p + 2] !== b[p + 2]) changed++;
				}
				return [changed, a.length / 4];""", before, after);
		return new long[] { ((Number) counts.get(0)).longValue(), ((Number) counts.get(1)).longValue() };
	}

	/** A GET of the service, straight (not through the page). */
	JsonNode getJson(String path) throws IOException, InterruptedException {
		HttpResponse<String> answer = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
		return JSON.readTree(answer.body());
	}

	/** Every weight and bias of the layers a holder has, in order. */
	static List<Double> parameters(JsonNode holder) {
		List<Double> all = new ArrayList<>();
		for (JsonNode layer : holder.get("layers")) {
			layer.get("weights").forEach(row -> row.forEach(w -> all.add(w.asDouble())));
			layer.get("bias").forEach(b -> all.add(b.asDouble()));
		}
		return all;
	}

	WebElement neuron(int layer, int index) {
		return browser.find("button.net-node[data-layer='" + layer + "'][data-index='" + index + "']");
	}

}
