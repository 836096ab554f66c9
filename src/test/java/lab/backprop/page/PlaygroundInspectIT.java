package lab.backprop.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import tools.jackson.databind.JsonNode;

/**
 * Into the numbers, in a real headless Chromium: paused, a click on a neuron or an edge
 * opens the step view (the page at /) on the playground's next step, that exact network
 * on the next mini-batch, with the value marked in the drawing and the tables; the new
 * weights it shows are the ones the playground's own next step gives.
 */
class PlaygroundInspectIT extends PlaygroundBrowserTest {

	private List<List<Double>> matrix(String path) {
		WebElement table = browser.find("td[data-path='" + path + "'] table.matrix");
		return table.findElements(By.tagName("tr"))
			.stream()
			.map(row -> row.findElements(By.tagName("td"))
				.stream()
				.map(cell -> Double.parseDouble(cell.getText()))
				.toList())
			.toList();
	}

	private static List<List<Double>> matrix(JsonNode rows) {
		return rows.valueStream().map(PlaygroundIT::numbers).toList();
	}

	@Test
	void aNeuronOpensTheNextStepOfThatVeryNetworkWithTheNeuronMarked() {
		new Select(browser.find("#optimizer")).selectByValue("momentum");
		page.waitReady();
		page.play();
		page.within(10, () -> page.steps() >= 50);
		page.pause();
		long steps = page.steps();
		JsonNode model = page.stateAtStep(steps).get("model");

		page.neuron(1, 1).click();
		browser.waitFor(d -> d.getCurrentUrl().contains("/#p="));
		browser.waitForState("ready");
		assertThat(new Select(browser.find("#example")).getFirstSelectedOption().getText())
			.isEqualTo("From the playground");
		assertThat(browser.find("#handover-what").getText()).isEqualTo("layer 2, neuron 2");
		assertThat(browser.find("#example-description").getText()).contains("step " + (steps + 1),
				"the 10 examples of its next mini-batch");

		// the exact network: the editor's body holds the playground's parameters and
		// optimizer state, and ten examples
		JsonNode body = PlaygroundPage.JSON.readTree(browser.find("#request").getDomProperty("value"));
		assertThat(body.get("layers")).isEqualTo(model.get("layers"));
		assertThat(body.get("optimizerState").get("step")).isEqualTo(model.get("optimizerState").get("step"));
		assertThat(body.get("optimizerState").get("layers")).isEqualTo(model.get("optimizerState").get("layers"));
		assertThat(body.get("inputs")).hasSize(10);
		assertThat(body.get("loss").asString()).isEqualTo("binary_cross_entropy");

		// marked: the node, and its column of z, a, dL/da, dL/dz for each of the 10
		// examples, its dL/db and its new bias
		assertThat(browser.driver.findElements(By.cssSelector("#graph .node.marked"))).hasSize(1);
		assertThat(browser.find("#graph .node.marked").getDomAttribute("data-index")).isEqualTo("1");
		assertThat(browser.driver.findElements(By.cssSelector("td.marked"))).hasSize(4 * 10 + 2);
		assertThat(browser.driver.findElements(By.cssSelector("td[data-path='forward.layers[1].z'] td.marked")))
			.hasSize(10);
		assertThat(browser.find("td[data-path='forward.layers[1].z'] .explanation").getText()).contains("z = x·W + b");
		browser.find("#handover-show").click();
		browser.screenshot(screenshotName + "-step-view");
		List<List<List<Double>>> updated = List.of(matrix("update.layers[0].weights"),
				matrix("update.layers[1].weights"), matrix("update.layers[2].weights"));

		// back in the playground (from the browser's cache, or restored from its
		// address),
		// one step gives exactly the weights the step view showed
		browser.driver.navigate().back();
		page.waitReady();
		assertThat(browser.find("#status").getText())
			.containsPattern("(Back at|Restored from the link:) step " + steps);
		assertThat(page.steps()).isEqualTo(steps);
		browser.find("#one-step").click();
		page.within(10, () -> page.steps() == steps + 1);
		JsonNode stepped = page.stateAtStep(steps + 1).get("model");
		for (int l = 0; l < 3; l++) {
			assertThat(matrix(stepped.get("layers").get(l).get("weights"))).as("layer %d", l).isEqualTo(updated.get(l));
		}
	}

	@Test
	void anEdgeOpensTheStepWithThatWeightMarked() {
		page.play();
		page.within(10, () -> page.steps() >= 20);
		page.pause();
		WebElement edge = browser.find("line.edge-hit[data-layer='2'][data-from='1'][data-to='0']");
		assertThat(edge.findElement(By.tagName("title")).getDomProperty("textContent"))
			.startsWith("weight from layer 2, neuron 2 to the output neuron");
		edge.click();
		browser.waitFor(d -> d.getCurrentUrl().contains("/#p="));
		browser.waitForState("ready");
		assertThat(browser.find("#handover-what").getText()).isEqualTo("weight layer 2, neuron 2 → output neuron");
		// the edge in the drawing, and the weight's gradient and new value in the tables
		List<WebElement> edges = browser.driver.findElements(By.cssSelector("#graph line.edge.marked"));
		assertThat(edges).hasSize(1);
		assertThat(edges.get(0).getDomAttribute("data-from")).isEqualTo("1");
		List<WebElement> cells = browser.driver.findElements(By.cssSelector("td.marked"));
		assertThat(cells).hasSize(2);
		assertThat(browser.find("td[data-path='backward.layers[2].dL_dW'] tr:nth-child(2) td").getDomAttribute("class"))
			.contains("marked");
		assertThat(browser.find("td[data-path='update.layers[2].weights'] tr:nth-child(2) td").getDomAttribute("class"))
			.contains("marked");
		// the keyboard's way to the same: the select of every neuron and weight
		browser.driver.navigate().back();
		page.waitReady();
		new Select(browser.find("#inspect-target")).selectByVisibleText("weight layer 2, neuron 2 → output neuron");
		browser.find("#inspect-open").click();
		browser.waitFor(d -> d.getCurrentUrl().contains("/#p="));
		browser.waitForState("ready");
		assertThat(browser.driver.findElements(By.cssSelector("td.marked"))).hasSize(2);
	}

}
