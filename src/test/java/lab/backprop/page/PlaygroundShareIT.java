package lab.backprop.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.Select;

import tools.jackson.databind.JsonNode;

/**
 * Sharing and exporting in a real headless Chromium: a link restores the same weights and
 * the same losses (compressed, and without compression where the browser has none), and
 * the CSV and JSON downloads hold the service's data and a body /train-step accepts.
 */
class PlaygroundShareIT extends PlaygroundBrowserTest {

	/** What a link must bring back: the numbers on show and the model in the address. */
	private record Shown(String trainLoss, String testLoss, String accuracy, String testAccuracy, long steps,
			JsonNode model) {
	}

	private Shown shown() {
		JsonNode state = page.stateAtStep(page.steps());
		return new Shown(page.value("train-loss"), page.value("test-loss"), page.value("train-accuracy"),
				page.value("test-accuracy"), page.steps(), state.get("model"));
	}

	private void assertRestored(Shown before) {
		Shown after = shown();
		assertThat(after.trainLoss()).as("training loss").isEqualTo(before.trainLoss());
		assertThat(after.testLoss()).as("test loss").isEqualTo(before.testLoss());
		assertThat(after.accuracy()).isEqualTo(before.accuracy());
		assertThat(after.testAccuracy()).isEqualTo(before.testAccuracy());
		assertThat(after.steps()).isEqualTo(before.steps());
		assertThat(after.model().get("layers")).as("the weights, bit for bit").isEqualTo(before.model().get("layers"));
		assertThat(after.model().get("optimizerState")).isEqualTo(before.model().get("optimizerState"));
	}

	@Test
	void aSharedLinkRestoresTheSameWeightsAndTheSameLoss() {
		// Adam's moments, an L2 penalty, mini-batches: every part of the state matters
		new Select(browser.find("#optimizer")).selectByValue("adam");
		new Select(browser.find("#learning-rate")).selectByValue("0.01");
		new Select(browser.find("#regularization")).selectByValue("l2");
		page.waitReady();
		page.play();
		page.within(15, () -> page.steps() >= 200);
		page.pause();
		Shown before = shown();
		String link = browser.driver.getCurrentUrl();
		assertThat(link).contains("/playground#s=z");
		System.out.printf("PlaygroundShareIT: a link to a 2-4-2-1 network with Adam's state: %d characters%n",
				link.length());
		// the step the restored network must take too
		browser.find("#one-step").click();
		page.within(10, () -> page.steps() == before.steps() + 1);
		JsonNode next = page.stateAtStep(before.steps() + 1).get("model");

		page.open(link.substring(page.base.length()));
		assertThat(browser.find("#status").getText())
			.contains("Restored from the link: step " + before.steps() + ", the same weights");
		assertThat(new Select(browser.find("#optimizer")).getFirstSelectedOption().getText()).isEqualTo("adam");
		assertThat(new Select(browser.find("#regularization")).getFirstSelectedOption().getText()).isEqualTo("l2");
		assertRestored(before);
		// the loss curve came along (rounded for the eye)
		assertThat(browser.find("#curves polyline.train").getDomAttribute("points").split(" ").length).isGreaterThan(5);
		browser.screenshot(screenshotName + "-restored");

		browser.find("#one-step").click();
		page.within(10, () -> page.steps() == before.steps() + 1);
		assertThat(page.stateAtStep(before.steps() + 1).get("model").get("layers"))
			.as("the same next step, optimizer state included")
			.isEqualTo(next.get("layers"));
	}

	@Test
	void withoutCompressionStreamsTheLinkIsPlainBase64AndStillRestoresExactly() {
		page.stateAtStep(0);
		String compressed = browser.driver.getCurrentUrl().substring(page.base.length());
		assertThat(compressed).startsWith("/playground#s=z");
		Map<String, Object> script = browser.driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument",
				Map.of("source", "delete window.CompressionStream; delete window.DecompressionStream;"));
		try {
			page.open();
			page.play();
			page.within(15, () -> page.steps() >= 100);
			page.pause();
			Shown before = shown();
			String link = browser.driver.getCurrentUrl();
			assertThat(link).contains("/playground#s=j");
			JsonNode decoded = PlaygroundPage.JSON.readTree(new String(
					Base64.getUrlDecoder().decode(link.substring(link.indexOf("#s=j") + 4)), StandardCharsets.UTF_8));
			assertThat(decoded.get("model").get("steps").asLong()).isEqualTo(before.steps());

			page.open(link.substring(page.base.length()));
			assertRestored(before);

			// a compressed link in such a browser: said so, and a fresh start
			page.open(compressed);
			assertThat(browser.find("#status").getText()).contains("cannot read compressed links");
			assertThat(page.steps()).isZero();
		}
		finally {
			browser.driver.executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument",
					Map.of("identifier", script.get("identifier")));
		}
	}

	@Test
	void theDownloadsHoldTheServicesDataAndABodyTrainStepAccepts() throws Exception {
		Path downloads = Files.createTempDirectory("playground-downloads-");
		browser.driver.executeCdpCommand("Browser.setDownloadBehavior",
				Map.of("behavior", "allow", "downloadPath", downloads.toString()));
		// spiral, 10 % noise (two steps of 5 % by keyboard), x1² as a third input
		page.chooseDataset("spiral");
		browser.find("#noise").sendKeys(Keys.ARROW_RIGHT, Keys.ARROW_RIGHT);
		page.waitReady();
		browser.driver.findElement(By.id("feature-x1^2")).click();
		page.waitReady();
		browser.waitFor(d -> browser.find("#noise-value").getText().equals("10 %"));

		browser.find("#download-csv").click();
		List<String> lines = Files.readAllLines(downloaded(downloads, "backprop-lab-spiral.csv"));
		assertThat(lines.get(0)).isEqualTo("set,x1,x2,x1^2,label");
		assertThat(lines).hasSize(201);
		JsonNode data = page
			.getJson("/datasets/spiral?points=200&noise=0.1&testFraction=0.5&seed=1&features=x1,x2,x1%5E2");
		int row = 1;
		for (String part : List.of("train", "test")) {
			JsonNode inputs = data.get(part).get("inputs");
			for (int k = 0; k < inputs.size(); k++, row++) {
				String[] cells = lines.get(row).split(",");
				assertThat(cells[0]).isEqualTo(part);
				for (int c = 0; c < 3; c++) {
					assertThat(Double.parseDouble(cells[c + 1])).isEqualTo(inputs.get(k).get(c).asDouble());
				}
				assertThat(Double.parseDouble(cells[4]))
					.isEqualTo(data.get(part).get("label").get(k).get(0).asDouble());
			}
		}

		page.play();
		page.within(15, () -> page.steps() >= 100);
		page.pause();
		browser.find("#download-json").click();
		String body = Files.readString(downloaded(downloads, "backprop-lab-spiral-step-" + page.steps() + ".json"));
		JsonNode request = PlaygroundPage.JSON.readTree(body);
		assertThat(request.get("inputs")).hasSize(100);
		assertThat(request.get("layers")).isEqualTo(page.stateAtStep(page.steps()).get("model").get("layers"));
		HttpResponse<String> answer = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(page.base + "/train-step"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
		// its loss over the whole training set is the training loss on show
		double loss = PlaygroundPage.JSON.readTree(answer.body()).get("forward").get("loss").asDouble();
		assertThat(loss).isEqualTo(page.number("train-loss"));
	}

	private Path downloaded(Path folder, String name) {
		Path file = folder.resolve(name);
		page.within(15, () -> Files.exists(file) && !Files.exists(folder.resolve(name + ".crdownload")));
		return file;
	}

}
