package lab.backprop.datasets;

import java.net.URI;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import lab.backprop.engine.data.DataSet;
import lab.backprop.engine.data.DataShape;
import lab.backprop.request.QueryParameters;
import lab.backprop.request.Suggestions;
import lab.backprop.request.WireEnum;
import lab.backprop.system.problem.Problems;

/** GET /datasets: the classic two-feature data sets, generated from a seed. */
@RestController
@Tag(name = "Datasets", description = "Seeded generators of the classic two-feature data sets.")
public class DatasetsController {

	static final URI UNKNOWN_DATASET = URI.create("urn:backprop-lab:problem:unknown-dataset");

	static final List<String> NAMES = Arrays.stream(DataShape.values()).map(DataShape::wireName).toList();

	@Schema(name = "DatasetSummary", description = "One data set, without its points.")
	@JsonPropertyOrder({ "name", "kind", "title", "description", "href" })
	public record Summary(
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The name to use in /datasets/{name}.",
					example = "circle") String name,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED,
					description = "`classification`: label 0 or 1; `regression`: a real label.", allowableValues = {
							"classification", "regression" },
					example = "classification") String kind,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "A short title.",
					example = "Circle") String title,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "What it is, in a sentence or two.",
					example = "Label 1 inside radius 2.5, label 0 in a ring from 3.5 to 5 around it.") String description,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED,
					description = "Where its points are (with the default parameters).",
					example = "/datasets/circle") String href){
	}

	@Operation(operationId = "listDatasets", summary = "List the data sets", description = """
			The seven generators: `circle`, `xor`, `gauss`, `spiral`, `moons` (classification, label 0 or 1) \
			and `plane`, `gaussians` (regression, a real label), each with a title and a description.""")
	@ApiResponse(responseCode = "200", description = "The data sets, classification first.")
	@ApiResponse(responseCode = "400",
			description = "A query parameter was given (this operation takes none): `parameter` names it.")
	@ApiResponse(responseCode = "406", description = "The Accept header excludes JSON.")
	@GetMapping(path = "/datasets", produces = MediaType.APPLICATION_JSON_VALUE)
	public List<Summary> list(HttpServletRequest request) {
		QueryParameters.refuseUnknown(request.getParameterMap(), List.of());
		return Arrays.stream(DataShape.values()).map(shape -> {
			DatasetDescriptions.Text text = DatasetDescriptions.of(shape);
			return new Summary(shape.wireName(), shape.kind().wireName(), text.title(), text.description(),
					"/datasets/" + shape.wireName());
		}).toList();
	}

	@Operation(operationId = "getDataset", summary = "Generate a data set's points", description = """
			Draws `points` points of the data set from `seed` and splits them into `train` and `test` \
			(round(points × testFraction) test points, a half rounded up; at least one training point must \
			remain). The same parameters give the same numbers, bit for bit, on every machine and JDK: the \
			generator is SplitMix64 (java.util.SplittableRandom's nextLong) with the doubles, Gaussians \
			(Box–Muller) and the shuffle written out on StrictMath, as docs/api.md describes. Unknown \
			query parameters are refused.""")
	@ApiResponse(responseCode = "200", description = "The points, with the parameters as used.")
	@ApiResponse(responseCode = "400", description = """
			A query parameter is not valid (out of range, not a number, an unknown feature, a feature named \
			twice, a split that leaves no training point) or not known: `parameter` names it.""")
	@ApiResponse(responseCode = "404", description = "No data set has that name: `names` lists them.")
	@ApiResponse(responseCode = "406", description = "The Accept header excludes JSON.")
	@GetMapping(path = "/datasets/{name}", produces = MediaType.APPLICATION_JSON_VALUE)
	public DatasetResponse get(
			@Parameter(description = "The data set's name, as listed by GET /datasets; case-insensitive.",
					example = "circle") @PathVariable String name,
			@Parameter(description = "Points in all, train plus test: 2 to 4096.",
					schema = @Schema(type = "integer", minimum = "2", maximum = "4096",
							defaultValue = "200")) @RequestParam(name = DatasetQuery.POINTS,
									required = false) String points,
			@Parameter(description = """
					The noise, 0 to 0.5, as a fraction of the data set's scale: how far the point a label is \
					read at may move (circle, xor, plane, gaussians: by up to noise × 5 or × 6 in each \
					coordinate), how far the points move (spiral: up to noise × 5; moons: Gaussian, standard \
					deviation noise × 3), or how wide the clouds are (gauss: variance 0.5 + 7 × noise).""",
					schema = @Schema(type = "number", minimum = "0", maximum = "0.5",
							defaultValue = "0.1")) @RequestParam(name = DatasetQuery.NOISE,
									required = false) String noise,
			@Parameter(description = "The fraction of the points held out as `test`: 0 to 0.9.",
					schema = @Schema(type = "number", minimum = "0", maximum = "0.9",
							defaultValue = "0.5")) @RequestParam(name = DatasetQuery.TEST_FRACTION,
									required = false) String testFraction,
			@Parameter(description = "The seed: a whole number from 0 to 2^53 − 1 (9007199254740991).",
					schema = @Schema(type = "integer", format = "int64", minimum = "0", maximum = "9007199254740991",
							defaultValue = "1")) @RequestParam(name = DatasetQuery.SEED, required = false) String seed,
			@Parameter(description = """
					The input columns, separated by commas, in the order wanted: `x1`, `x2`, `x1^2`, `x2^2`, \
					`x1*x2`, `sin(x1)`, `sin(x2)` (case-insensitive; each at most once). `^` may be sent as it is or \
					as `%5E`.""",
					schema = @Schema(type = "string", defaultValue = "x1,x2",
							example = "x1,x2,x1^2,x2^2")) @RequestParam(name = DatasetQuery.FEATURES,
									required = false) String features,
			HttpServletRequest request) {
		DataShape shape = DataShape.named(WireEnum.asciiLowerCase(name));
		if (shape == null) {
			throw notFound(name);
		}
		DatasetQuery query = DatasetQuery.read(request.getParameterMap(), points, noise, testFraction, seed, features);
		return DatasetResponse.of(DataSet.generate(shape, query.spec()), query.features());
	}

	private static ErrorResponseException notFound(String name) {
		ProblemDetail problem = Problems.of(HttpStatus.NOT_FOUND, UNKNOWN_DATASET, "No such data set",
				"There is no data set '" + name + "'" + Suggestions.hint(name, NAMES) + "; the data sets are: "
						+ String.join(", ", NAMES));
		problem.setProperty("names", NAMES);
		return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
	}

}
