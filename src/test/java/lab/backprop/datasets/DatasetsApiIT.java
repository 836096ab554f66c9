package lab.backprop.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import lab.backprop.Api;
import lab.backprop.HttpTestSupport;
import lab.backprop.RawHttp;

/** GET /datasets and GET /datasets/{name}: what a user of the API sees. */
class DatasetsApiIT extends HttpTestSupport {

	static final List<String> NAMES = List.of("circle", "xor", "gauss", "spiral", "moons", "plane", "gaussians");

	@Test
	void listsTheSevenDataSetsWithKindTitleAndLink() {
		Api.Answer answer = api().get("/datasets");
		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.body()).extracting(d -> d.get("name").asString()).containsExactlyElementsOf(NAMES);
		assertThat(answer.body()).extracting(d -> d.get("kind").asString())
			.containsExactly("classification", "classification", "classification", "classification", "classification",
					"regression", "regression");
		for (JsonNode dataset : answer.body()) {
			assertThat(dataset.get("title").asString()).isNotBlank();
			assertThat(dataset.get("description").asString()).endsWith(".");
			assertThat(dataset.get("href").asString()).isEqualTo("/datasets/" + dataset.get("name").asString());
		}
	}

	@Test
	void theDefaultsAre200PointsHalfOfThemTest() {
		JsonNode body = ok("/datasets/circle");
		assertThat(body.propertyNames()).containsExactly("name", "kind", "points", "noise", "testFraction", "seed",
				"features", "train", "test");
		assertThat(body.get("name").asString()).isEqualTo("circle");
		assertThat(body.get("kind").asString()).isEqualTo("classification");
		assertThat(body.get("points").asInt()).isEqualTo(200);
		assertThat(body.get("noise").asDouble()).isEqualTo(0.1);
		assertThat(body.get("testFraction").asDouble()).isEqualTo(0.5);
		assertThat(body.get("seed").asLong()).isEqualTo(1);
		assertThat(body.get("features")).extracting(JsonNode::asString).containsExactly("x1", "x2");
		for (String part : List.of("train", "test")) {
			JsonNode points = body.get(part);
			assertThat(points.get("inputs").size()).as(part).isEqualTo(100);
			assertThat(points.get("label").size()).as(part).isEqualTo(100);
			points.get("inputs").forEach(row -> assertThat(row.size()).isEqualTo(2));
			points.get("label").forEach(row -> {
				assertThat(row.size()).isEqualTo(1);
				assertThat(row.get(0).asDouble()).isIn(0.0, 1.0);
			});
		}
	}

	@Test
	void theParametersAreEchoedAndTheSplitIsRoundPointsTimesFraction() {
		JsonNode body = ok("/datasets/Spiral?points=25&noise=0.3&testFraction=0.3&seed=9007199254740991");
		assertThat(body.get("name").asString()).isEqualTo("spiral");
		assertThat(body.get("points").asInt()).isEqualTo(25);
		assertThat(body.get("noise").asDouble()).isEqualTo(0.3);
		assertThat(body.get("seed").asLong()).isEqualTo(9007199254740991L);
		// round(25 × 0.3) = round(7.5) = 8
		assertThat(body.get("test").get("inputs").size()).isEqualTo(8);
		assertThat(body.get("train").get("inputs").size()).isEqualTo(17);
		JsonNode none = ok("/datasets/plane?testFraction=0");
		assertThat(none.get("kind").asString()).isEqualTo("regression");
		assertThat(none.get("test").get("inputs").size()).isZero();
		assertThat(none.get("train").get("label").size()).isEqualTo(200);
	}

	@Test
	void theSameParametersGiveTheSameNumbersAndAnotherSeedOthers() {
		assertThat(ok("/datasets/moons?seed=7").toString()).isEqualTo(ok("/datasets/MOONS?seed=7").toString());
		assertThat(ok("/datasets/moons?seed=8").get("train")).isNotEqualTo(ok("/datasets/moons?seed=7").get("train"));
	}

	/**
	 * The feature columns are computed from the same points' x₁ and x₂, in the order
	 * asked; {@code ^} may be sent as it is or as {@code %5E}.
	 */
	@Test
	void theFeaturesAreColumnsOfTheSamePointsInTheOrderAsked() {
		JsonNode plain = ok("/datasets/xor?points=40");
		// RestTestClient percent-encodes the ^ (as %5E); RawHttp sends it as typed
		JsonNode featured = ok("/datasets/xor?points=40&features=SIN(x2),x1^2,x1*x2,x2^2,x1,sin(x1),x2");
		Api.Answer typed = RawHttp.exchange(port,
				("GET /datasets/xor?points=40&features=SIN(x2),x1^2,x1*x2,x2%5E2,x1,sin(x1),x2 HTTP/1.1\r\n"
						+ "Host: localhost\r\nConnection: close\r\n\r\n")
					.getBytes(StandardCharsets.US_ASCII));
		assertThat(typed.status()).as(typed.text()).isEqualTo(200);
		assertThat(typed.body()).isEqualTo(featured);
		assertThat(featured.get("features")).extracting(JsonNode::asString)
			.containsExactly("sin(x2)", "x1^2", "x1*x2", "x2^2", "x1", "sin(x1)", "x2");
		for (String part : List.of("train", "test")) {
			assertThat(featured.get(part).get("label")).isEqualTo(plain.get(part).get("label"));
			JsonNode rows = plain.get(part).get("inputs");
			for (int i = 0; i < rows.size(); i++) {
				double x1 = rows.get(i).get(0).asDouble();
				double x2 = rows.get(i).get(1).asDouble();
				JsonNode row = featured.get(part).get("inputs").get(i);
				assertThat(row.get(0).asDouble()).isEqualTo(StrictMath.sin(x2));
				assertThat(row.get(1).asDouble()).isEqualTo(x1 * x1);
				assertThat(row.get(2).asDouble()).isEqualTo(x1 * x2);
				assertThat(row.get(3).asDouble()).isEqualTo(x2 * x2);
				assertThat(row.get(4).asDouble()).isEqualTo(x1);
				assertThat(row.get(5).asDouble()).isEqualTo(StrictMath.sin(x1));
				assertThat(row.get(6).asDouble()).isEqualTo(x2);
			}
		}
	}

	@Test
	void anUnknownNameIsA404ListingTheNamesWithADidYouMean() {
		Api.Answer answer = api().get("/datasets/spirals");
		assertThat(answer.status()).isEqualTo(404);
		assertThat(answer.isProblem()).isTrue();
		assertThat(answer.body().get("names")).extracting(JsonNode::asString).containsExactlyElementsOf(NAMES);
		assertThat(answer.body().get("detail").asString()).contains("did you mean 'spiral'");
	}

	/** Each parameter out of range, malformed or unknown: a 400 naming it. */
	@Test
	void aWrongParameterIsA400NamingIt() {
		Map<String, String> cases = Map.ofEntries(Map.entry("points=1", "points"), Map.entry("points=4097", "points"),
				Map.entry("points=20.0", "points"), Map.entry("points=", "points"), Map.entry("noise=-0.1", "noise"),
				Map.entry("noise=0.51", "noise"), Map.entry("noise=NaN", "noise"), Map.entry("noise=0x1p-3", "noise"),
				Map.entry("testFraction=0.91", "testFraction"), Map.entry("points=5&testFraction=0.9", "testFraction"),
				Map.entry("seed=-1", "seed"), Map.entry("seed=9007199254740992", "seed"),
				Map.entry("seed=99999999999999999999999", "seed"), Map.entry("features=x3", "features"),
				Map.entry("features=x1,,x2", "features"), Map.entry("features=x1,X1", "features"),
				Map.entry("point=100", "point"), Map.entry("Seed=1", "Seed"));
		cases.forEach((query, parameter) -> {
			Api.Answer answer = api().get("/datasets/circle?" + query);
			assertThat(answer.status()).as(query).isEqualTo(400);
			assertThat(answer.isProblem()).as(query).isTrue();
			assertThat(answer.body().get("parameter").asString()).as(query).isEqualTo(parameter);
			assertThat(answer.body().get("detail").asString()).as(query).contains("'" + parameter + "'");
		});
		assertThat(api().get("/datasets/circle?point=100").body().get("detail").asString())
			.contains("did you mean 'points'?");
		assertThat(api().get("/datasets/circle?features=sinx1").body().get("detail").asString())
			.contains("did you mean 'sin(x1)'?");
		assertThat(api().get("/datasets/circle?features=x3").body().get("allowed")).hasSize(7);
	}

	@Test
	void theLimitsThemselvesAreAccepted() {
		JsonNode most = ok("/datasets/gaussians?points=4096&noise=0.5&testFraction=0.9&seed=0");
		assertThat(most.get("test").get("inputs").size()).isEqualTo(3686);
		assertThat(most.get("train").get("inputs").size()).isEqualTo(410);
		JsonNode least = ok("/datasets/gauss?points=2&noise=0&testFraction=0");
		assertThat(least.get("train").get("label")).extracting(row -> row.get(0).asDouble())
			.containsExactlyInAnyOrder(0.0, 1.0);
	}

	private JsonNode ok(String path) {
		Api.Answer answer = api().get(path);
		assertThat(answer.status()).as(path + ": " + answer.text()).isEqualTo(200);
		assertThat(answer.contentType()).startsWith("application/json");
		return answer.body();
	}

}
