package lab.backprop.start;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import lab.backprop.engine.ForwardPass;
import lab.backprop.engine.TrainingStep;
import lab.backprop.request.NetworkInput;
import lab.backprop.request.StepRequestReader;
import lab.backprop.system.admission.MemoryAdmission;
import lab.backprop.system.ratelimit.RateLimits;
import lab.backprop.system.limits.ComputeBudget;

/** POST /predict: the forward pass alone. */
@RestController
@Tag(name = "Training")
public class PredictController {

	/**
	 * What the memory admission is told the labels are when none were sent: a matrix with
	 * no numbers.
	 */
	private static final RealMatrix NO_LABELS = new Array2DRowRealMatrix();

	static final String TWO_LAYER = """
			{"inputs": [[0.05, 0.10]],
			 "layers": [{"weights": [[0.15, 0.25], [0.20, 0.30]], "bias": [0.35, 0.35], "activation": "sigmoid"},
			            {"weights": [[0.40, 0.50], [0.45, 0.55]], "bias": [0.60, 0.60], "activation": "sigmoid"}],
			 "label": [[0.01, 0.99]], "loss": "quadratic"}""";

	static final String SEED = """
			{"inputs": [[0.5, 0.2, 0.8]], "weights": [[0.1], [-0.3], [0.5]], "bias": [[0.1]]}""";

	private final StepRequestReader reader;

	private final TrainingStep trainingStep;

	private final MemoryAdmission admission;

	private final RateLimits rateLimits;

	public PredictController(StepRequestReader reader, TrainingStep trainingStep, MemoryAdmission admission,
			RateLimits rateLimits) {
		this.reader = reader;
		this.trainingStep = trainingStep;
		this.admission = admission;
		this.rateLimits = rateLimits;
	}

	@Operation(operationId = "predict", summary = "The forward pass alone", description = """
			Runs `inputs` through the network (the /train-step forms: `layers`, or `weights`, `bias`, \
			`activation`) and answers every layer's z and output and the prediction: the same numbers as \
			/train-step's `forward`, with nothing trained. With `label` the answer also has the `loss` \
			(`loss` chooses it, default mse). The body is checked as /train-step's is (shapes, sizes, \
			unknown fields) and the request takes its share of the memory admission the same way.""")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
			mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = PredictRequest.class),
			examples = { @ExampleObject(name = "two-layer", summary = "The 2-2-2 sigmoid network, scored",
					description = "The contract's network form with its label and the quadratic loss: loss 0.2983711087600027.",
					value = TWO_LAYER),
					@ExampleObject(name = "seed", summary = "The seed neuron, without a label",
							description = "The single-layer form: prediction 0.6201064323430902, no loss.",
							value = SEED) }))
	@ApiResponse(responseCode = "200", description = "The forward pass.")
	@ApiResponse(responseCode = "400",
			description = "The body is not valid: `errors` lists each problem with a JSON Pointer.")
	@ApiResponse(responseCode = "413",
			description = "The request is over a configured limit (`backprop.limits`: body, parameters, layers, width, batch, inputs, activations): `errors` points at what is too large and names the limit.")
	@ApiResponse(responseCode = "422", description = """
			The arithmetic overflowed: `quantity` names the first value that is not finite, as a path into \
			this answer (`layers[0].z`, `loss`).""")
	@PostMapping(path = "/predict", consumes = { MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_CBOR_VALUE },
			produces = { MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_CBOR_VALUE })
	public PredictResponse predict(@RequestBody PredictRequest request, HttpServletRequest servletRequest) {
		NetworkInput input = reader.readNetwork(request);
		rateLimits.chargeWork(servletRequest,
				ComputeBudget.product(ComputeBudget.parameters(input.network()), input.inputs().getRowDimension()));
		admission.admit(input.network(), input.inputs(), input.labels() == null ? NO_LABELS : input.labels(),
				servletRequest);
		if (input.labels() == null) {
			List<ForwardPass.LayerValues> layers = ForwardPass.layers(input.network(), input.inputs(),
					trainingStep.products(), "");
			return PredictResponse.of(layers, null);
		}
		ForwardPass pass = ForwardPass.run(input.network(), input.inputs(), input.labels(), input.loss(),
				trainingStep.products(), "");
		return PredictResponse.of(pass.layers(), pass.loss());
	}

}
