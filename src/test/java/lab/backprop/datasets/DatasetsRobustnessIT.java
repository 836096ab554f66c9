package lab.backprop.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import lab.backprop.Api;
import lab.backprop.HttpTestSupport;

/**
 * Values of every wrong kind in every query parameter of GET /datasets/{name}: never a
 * 5xx, always problem+json, and a 400 that names the parameter.
 */
class DatasetsRobustnessIT extends HttpTestSupport {

	static final List<String> VALUES = List.of("", "x", "-1", "-0", "0", "1.5", ".5", "5.", "1e3", "1E-1", "+1", "0x10",
			"NaN", "Infinity", "1d", "99999999999999999999", "1e999", ",", " 1", "1 ", "\u00a0", "%", "x1,,x2", "x1,x1",
			"sin(x1", "x1^2,X1*X2");

	@Test
	void noValueOfAQueryParameterBreaksADataSet() {
		List<String> failures = new ArrayList<>();
		for (String parameter : DatasetQuery.NAMES) {
			for (String value : VALUES) {
				String path = "/datasets/moons?points=20&" + parameter + "="
						+ URLEncoder.encode(value, StandardCharsets.UTF_8);
				Api.Answer answer = api().get(path);
				String what = path + " -> " + answer.status() + " " + answer.text();
				if (answer.status() >= 500 || (answer.status() != 200 && !answer.isProblem())) {
					failures.add(what);
				}
				else if (answer.status() == 400 && !parameter.equals(answer.body().path("parameter").asString())) {
					failures.add(what + " (does not name " + parameter + ")");
				}
			}
		}
		assertThat(failures).isEmpty();
	}

}
