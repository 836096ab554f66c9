package lab.backprop.examples;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import tools.jackson.databind.JsonNode;
import lab.backprop.datasets.DatasetResponse;
import lab.backprop.request.TrainStepRequest;
import lab.backprop.system.problem.Problems;
import lab.backprop.request.Suggestions;

import java.net.URI;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.RestController;

/** GET /examples: ready request bodies to start from. */
@RestController
@Tag(name = "Examples", description = "Ready request bodies to start from.")
public class ExamplesController {

	static final URI UNKNOWN_EXAMPLE = URI.create("urn:backprop-lab:problem:unknown-example");

	private final ExampleCatalog catalog;

	public ExamplesController(ExampleCatalog catalog) {
		this.catalog = catalog;
	}

	@Schema(name = "ExampleSummary", description = "One example, without its body.")
	@JsonInclude(JsonInclude.Include.NON_NULL)
	@JsonPropertyOrder({ "name", "title", "description", "suggestedSteps", "href" })
	public record Summary(
			@Schema(description = "The name to use in /examples/{name}.", example = "xor",
					requiredMode = Schema.RequiredMode.REQUIRED) String name,
			@Schema(description = "A short title.", requiredMode = Schema.RequiredMode.REQUIRED) String title,
			@Schema(description = "What it shows, in a sentence.",
					requiredMode = Schema.RequiredMode.REQUIRED) String description,
			@Schema(description = "A good `steps` for POST /train with this body, where training it is the point; absent otherwise.") Integer suggestedSteps,
			@Schema(description = "Where the body is.", example = "/examples/xor",
					requiredMode = Schema.RequiredMode.REQUIRED) String href) {
	}

	@Schema(name = "Example", description = "An example with its ready request body.")
	@JsonInclude(JsonInclude.Include.NON_NULL)
	@JsonPropertyOrder({ "name", "title", "description", "suggestedSteps", "request", "test", "dataset",
			"initialLayers" })
	public record Body(
			@Schema(description = "The example's name.", example = "xor",
					requiredMode = Schema.RequiredMode.REQUIRED) String name,
			@Schema(description = "A short title.", requiredMode = Schema.RequiredMode.REQUIRED) String title,
			@Schema(description = "What it shows, in a sentence.",
					requiredMode = Schema.RequiredMode.REQUIRED) String description,
			@Schema(description = "A good `steps` for POST /train with this body, where training it is the point; absent otherwise.") Integer suggestedSteps,
			@Schema(description = """
					A ready /train-step body: POST it to /train-step or /gradient-check as it is, or to /train \
					with `steps` added.""", implementation = TrainStepRequest.class,
					requiredMode = Schema.RequiredMode.REQUIRED) JsonNode request,
			@Schema(description = """
					For an example on a data set: its held-out points, never trained on. Add them to the /train \
					body as `test` to see the test loss (and accuracy) beside the training loss, or send them to \
					/predict with the trained `layers` to score the network. Absent for the other examples.""",
					implementation = DatasetResponse.DataPoints.class) JsonNode test,
			@Schema(description = """
					For an example on a data set: the GET /datasets request that answers exactly its training \
					points (the request's `inputs` and `label`) and its `test`. Absent for the other examples.""",
					example = "/datasets/circle?points=200&noise=0.1&testFraction=0.5&seed=1&features=x1,x2") String dataset,
			@Schema(description = """
					For an example on a data set: the GET /initial-layers request that answers exactly its \
					starting `layers`. Absent for the other examples.""",
					example = "/initial-layers?sizes=2,8,1&activations=tanh,sigmoid&init=xavier&seed=1") String initialLayers) {
	}

	@Operation(operationId = "listExamples", summary = "List the examples", description = """
			The seed neuron, a 2-2-2 sigmoid network, XOR, a softmax classifier and a deep tanh network, \
			then a network for each data set of GET /datasets (`circle-data`, `xor-data`, ...), each with a \
			title and a sentence.""")
	@ApiResponse(responseCode = "200", description = "The examples, in a sensible order to try them.")
	@ApiResponse(responseCode = "406", description = "The Accept header excludes JSON.")
	@GetMapping(path = "/examples", produces = MediaType.APPLICATION_JSON_VALUE)
	public List<Summary> list() {
		return catalog.all()
			.stream()
			.map(e -> new Summary(e.name(), e.title(), e.description(), e.suggestedSteps(), "/examples/" + e.name()))
			.toList();
	}

	@Operation(operationId = "getExample", summary = "Get one example's ready request body")
	@ApiResponse(responseCode = "200", description = "The example and its body.")
	@ApiResponse(responseCode = "404", description = "No example has that name: `names` lists them.")
	@GetMapping(path = "/examples/{name}", produces = MediaType.APPLICATION_JSON_VALUE)
	public Body get(@Parameter(description = "The example's name, as listed by GET /examples.",
			example = "xor") @PathVariable String name) {
		ExampleCatalog.Example example = catalog.find(name).orElseThrow(() -> notFound(name));
		return new Body(example.name(), example.title(), example.description(), example.suggestedSteps(),
				example.request(), example.test(), example.dataset(), example.initialLayers());
	}

	private ErrorResponseException notFound(String name) {
		ProblemDetail problem = Problems.of(HttpStatus.NOT_FOUND, UNKNOWN_EXAMPLE, "No such example",
				"There is no example '" + name + "'" + Suggestions.hint(name, catalog.names()) + "; the examples are: "
						+ String.join(", ", catalog.names()));
		problem.setProperty("names", catalog.names());
		return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
	}

}
