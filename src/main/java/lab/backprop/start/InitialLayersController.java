package lab.backprop.start;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import lab.backprop.request.TrainStepRequest.LayerSpec;
import lab.backprop.step.TrainStepResponse;
import lab.backprop.system.limits.RequestLimits;

/** GET /initial-layers: seeded starting weights, ready to send as {@code layers}. */
@RestController
@Tag(name = "Training")
public class InitialLayersController {

	private final RequestLimits limits;

	public InitialLayersController(RequestLimits limits) {
		this.limits = limits;
	}

	@Schema(name = "InitialLayers", description = "Starting parameters, ready to send as `layers`.")
	@JsonPropertyOrder({ "layers" })
	public record InitialLayers(@ArraySchema(arraySchema = @Schema(description = """
			The layers, first to last: weights inputs × outputs drawn from `init`, biases 0, the \
			activations as asked (lower case).""", requiredMode = Schema.RequiredMode.REQUIRED, example = """
			[{"weights": [[0.1458291047397362, 0.5384808507041623, 1.0319153311461422], \
			[-0.12190284774320936, -0.12210992242681096, 0.5759727547667008]], "bias": [0.0, 0.0, 0.0], \
			"activation": "tanh"}, {"weights": [[0.9243117376815442], [0.056502820439913615], \
			[-0.5253942774856997]], "bias": [0.0], "activation": "sigmoid"}]"""),
			schema = @Schema(implementation = LayerSpec.class)) List<TrainStepResponse.LayerParameters> layers) {
	}

	@Operation(operationId = "initialLayers", summary = "Seeded starting weights for a network", description = """
			A network of `sizes` (the inputs' width, then each layer's, first to last) with every weight drawn \
			uniformly from [−bound, bound) and every bias 0: `xavier` (Glorot uniform, PyTorch's \
			xavier_uniform_) bound √(6 / (fan_in + fan_out)); `he` (Kaiming uniform for relu, PyTorch's \
			kaiming_uniform_ with nonlinearity='relu') bound √(6 / fan_in); `uniform` bound 0.5 (TensorFlow \
			Playground's). Reproducible: the same parameters give the same weights, bit for bit, on every \
			machine and JDK (SplitMix64 from `seed`, as the data sets; layer by layer, each weight matrix row \
			by row). Unknown query parameters are refused.""")
	@ApiResponse(responseCode = "200",
			description = "The layers: send them as `layers` to /train-step, /train, /gradient-check or /predict.")
	@ApiResponse(responseCode = "400", description = """
			A query parameter is not valid (sizes missing, not whole numbers ≥ 1, fewer than two; a count of \
			activations that does not match; an unknown activation or init; a seed out of range) or not \
			known: `parameter` names it.""")
	@ApiResponse(responseCode = "413", description = """
			The network is over a configured limit: more layers than backprop.limits.max-layers, a width over \
			backprop.limits.max-layer-width or more parameters than backprop.limits.max-parameters; \
			`parameter` is `sizes` and `limit` names the property.""")
	@ApiResponse(responseCode = "406", description = "The Accept header excludes JSON.")
	@GetMapping(path = "/initial-layers", produces = MediaType.APPLICATION_JSON_VALUE)
	public InitialLayers initialLayers(
			@Parameter(description = """
					Widths separated by commas: the inputs' (features), then each layer's, first to last; at least \
					two, each a whole number ≥ 1.""", required = true,
					schema = @Schema(type = "string", example = "2,8,8,1")) @RequestParam(
							name = InitialLayersQuery.SIZES, required = false) String sizes,
			@Parameter(description = """
					One activation per layer, first to last, separated by commas: sigmoid, tanh, relu, \
					leaky_relu, linear, softmax (case-insensitive). Default: sigmoid for every layer.""",
					schema = @Schema(type = "string", example = "tanh,tanh,sigmoid")) @RequestParam(
							name = InitialLayersQuery.ACTIVATIONS, required = false) String activations,
			@Parameter(description = "How the weights are drawn. Case-insensitive.",
					schema = @Schema(type = "string", allowableValues = { "xavier", "he", "uniform" },
							defaultValue = "xavier")) @RequestParam(name = InitialLayersQuery.INIT,
									required = false) String init,
			@Parameter(description = "The seed: a whole number from 0 to 2^53 − 1 (9007199254740991).",
					schema = @Schema(type = "integer", format = "int64", minimum = "0", maximum = "9007199254740991",
							defaultValue = "1")) @RequestParam(name = InitialLayersQuery.SEED,
									required = false) String seed,
			HttpServletRequest request) {
		InitialLayersQuery query = InitialLayersQuery.read(request.getParameterMap(), sizes, activations, init, seed,
				limits);
		return new InitialLayers(
				TrainStepResponse.parameters(query.init().network(query.sizes(), query.activations(), query.seed())));
	}

}
