package lab.backprop.exercises;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import lab.backprop.explain.ExerciseLevel;
import lab.backprop.explain.Explainer;
import lab.backprop.request.QueryParameters;
import lab.backprop.system.problem.Problems;

/** GET /exercises/random: a network to work by hand, drawn from a seed. */
@RestController
@Tag(name = "Exercises")
public class ExercisesController {

	/** Seeds drawn when none is given: below 2³¹, short enough to read out. */
	static final long DRAWN_SEEDS = 1L << 31;

	private final Explainer explainer;

	public ExercisesController(Explainer explainer) {
		this.explainer = explainer;
	}

	@Operation(operationId = "randomExercise", summary = "Draw an exercise to work by hand", description = """
			A small network to work through by hand, drawn from `seed`: level 1, a single neuron's forward pass \
			and loss; level 2, its whole step (gradients and update); level 3, backpropagation through a \
			hidden layer. Every number is a multiple of 0.1. The same level and seed give the same exercise \
			on every machine; without a seed one is drawn, and the answer says which. Answer it by POSTing \
			`request` with `answers` (your numbers for the pointers in `ask`) to /check.""")
	@Parameter(in = ParameterIn.HEADER, name = "Accept-Language", required = false,
			description = "`ru` for Russian texts; anything else, or no header, gives English.",
			schema = @Schema(type = "string", allowableValues = { "en", "ru" }))
	@ApiResponse(responseCode = "200", description = "The exercise.")
	@ApiResponse(responseCode = "400",
			description = "`level` or `seed` is not valid, or a parameter is not known: the problem's `parameter` names which.")
	@GetMapping(path = "/exercises/random", produces = MediaType.APPLICATION_JSON_VALUE)
	public ResponseEntity<ExerciseResponse> random(@Parameter(
			description = "1: a neuron's forward pass and loss; 2: its whole step; 3: backpropagation through a hidden layer. Default 1.",
			schema = @Schema(type = "integer", minimum = "1", maximum = "3", defaultValue = "1")) @RequestParam(
					required = false) String level,
			@Parameter(
					description = "Any whole number (−2⁶³ to 2⁶³ − 1); the same seed gives the same exercise. Default: one drawn at random.",
					schema = @Schema(type = "integer", format = "int64", example = "7")) @RequestParam(
							required = false) String seed,
			@Parameter(hidden = true) Locale locale, HttpServletRequest request) {
		QueryParameters.refuseUnknown(request.getParameterMap(), List.of("level", "seed"));
		ExerciseLevel chosen = ExerciseLevel.of(level(level));
		long drawn = seed == null ? ThreadLocalRandom.current().nextLong(DRAWN_SEEDS) : seed(seed);
		ExerciseGenerator.Exercise exercise = ExerciseGenerator.draw(chosen, drawn);
		Locale language = explainer.language(locale);
		List<String> texts = explainer.exercise(chosen, exercise.facts(), language);
		int depth = exercise.layers().size();
		List<ExerciseResponse.Question> questions = exercise.questions()
			.stream()
			.map(q -> new ExerciseResponse.Question(q.pointer(),
					explainer.valueName(q.value(), q.layer(), depth, language), q.rows(), q.columns()))
			.toList();
		ExerciseResponse response = new ExerciseResponse(chosen.number(), drawn, texts.get(0), texts.get(1),
				body(exercise), exercise.questions().stream().map(ExerciseGenerator.Question::pointer).toList(),
				questions);
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_LANGUAGE, language.toLanguageTag())
			.header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE)
			.body(response);
	}

	/** The /train-step body: the seed's single-layer form for one neuron, else layers. */
	static JsonNode body(ExerciseGenerator.Exercise exercise) {
		JsonNodeFactory nodes = JsonNodeFactory.instance;
		ObjectNode body = nodes.objectNode();
		body.set("inputs", rows(exercise.inputs()));
		if (exercise.layers().size() == 1) {
			ExerciseGenerator.LayerDraw layer = exercise.layers().get(0);
			body.set("weights", rows(layer.weights()));
			body.set("bias", rows(new double[][] { layer.bias() }));
			body.put("activation", layer.activation());
		}
		else {
			ArrayNode layers = body.putArray("layers");
			for (ExerciseGenerator.LayerDraw layer : exercise.layers()) {
				ObjectNode node = layers.addObject();
				node.set("weights", rows(layer.weights()));
				ArrayNode bias = node.putArray("bias");
				for (double b : layer.bias()) {
					bias.add(b);
				}
				node.put("activation", layer.activation());
			}
		}
		body.set("label", rows(exercise.label()));
		body.put("loss", exercise.loss());
		body.put("learningRate", exercise.learningRate());
		return body;
	}

	private static ArrayNode rows(double[][] values) {
		ArrayNode rows = JsonNodeFactory.instance.arrayNode();
		for (double[] row : values) {
			ArrayNode r = rows.addArray();
			for (double v : row) {
				r.add(v);
			}
		}
		return rows;
	}

	private static int level(String given) {
		if (given == null) {
			return 1;
		}
		return switch (given) {
			case "1" -> 1;
			case "2" -> 2;
			case "3" -> 3;
			default -> throw invalid("level", "the query parameter 'level' must be 1, 2 or 3, not '" + given + "'");
		};
	}

	/** Decimal ASCII digits, as every other query parameter's numbers. */
	private static long seed(String given) {
		try {
			if (QueryParameters.parseWhole(given) != null) {
				return Long.parseLong(given);
			}
		}
		catch (NumberFormatException e) {
			// too large for a long: refused below
		}
		throw invalid("seed", "the query parameter 'seed' must be a whole number from " + Long.MIN_VALUE + " to "
				+ Long.MAX_VALUE + ", not '" + given + "'");
	}

	private static ErrorResponseException invalid(String parameter, String detail) {
		ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, Problems.INVALID_REQUEST,
				"The request is not valid", detail);
		problem.setProperty("parameter", parameter);
		return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
	}

}
