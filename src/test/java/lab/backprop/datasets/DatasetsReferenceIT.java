package lab.backprop.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import lab.backprop.Api;
import lab.backprop.HttpTestSupport;
import lab.backprop.Python;

/**
 * The data sets are what docs/api.md says they are: {@code python/datasets_reference.py}
 * recomputes them from that description alone (SplitMix64, the formulas, the shuffle and
 * the split, in plain Python with its own math library), and every number agrees within
 * 1e-12 (the last bits of sin, cos and log may differ between math libraries).
 */
class DatasetsReferenceIT extends HttpTestSupport {

	@ParameterizedTest
	@CsvSource({ "circle, 200, 0.1, 0.5, 1", "circle, 301, 0.5, 0.3, 77", "xor, 200, 0.1, 0.5, 1",
			"xor, 64, 0, 0.25, 9007199254740991", "gauss, 200, 0.1, 0.5, 1", "gauss, 33, 0.5, 0, 5",
			"spiral, 200, 0.1, 0.5, 1", "spiral, 401, 0.05, 0.5, 2", "moons, 200, 0.1, 0.5, 1",
			"moons, 99, 0.3, 0.9, 0", "plane, 200, 0.1, 0.5, 1", "plane, 10, 0.5, 0.1, 3",
			"gaussians, 200, 0.1, 0.5, 1", "gaussians, 400, 0, 0.5, 1" })
	void theServiceGivesWhatTheDescriptionGives(String name, int points, double noise, double testFraction, long seed) {
		JsonNode ours = api()
			.get("/datasets/" + name + "?points=" + points + "&noise=" + noise + "&testFraction=" + testFraction
					+ "&seed=" + seed)
			.body();
		ObjectNode input = Api.object("{}");
		input.put("name", name);
		input.put("points", points);
		input.put("noise", noise);
		input.put("testFraction", testFraction);
		input.put("seed", seed);
		JsonNode reference = Python.run("datasets_reference", input);
		for (String part : new String[] { "train", "test" }) {
			JsonNode inputs = ours.get(part).get("inputs");
			JsonNode labels = ours.get(part).get("label");
			JsonNode rows = reference.get(part);
			assertThat(inputs.size()).as(part).isEqualTo(rows.size());
			for (int i = 0; i < rows.size(); i++) {
				for (int k = 0; k < 3; k++) {
					double value = k < 2 ? inputs.get(i).get(k).asDouble() : labels.get(i).get(0).asDouble();
					double expected = rows.get(i).get(k).asDouble();
					assertThat(Math.abs(value - expected))
						.as("%s %s[%d][%d]: %s vs %s", name, part, i, k, value, expected)
						.isLessThanOrEqualTo(1e-12 * Math.max(1, Math.abs(expected)));
				}
			}
		}
	}

}
