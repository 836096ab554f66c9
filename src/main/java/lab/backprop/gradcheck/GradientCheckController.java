package lab.backprop.gradcheck;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import lab.backprop.request.StepInput;
import lab.backprop.request.TrainStepRequest;
import lab.backprop.system.limits.ComputeBudget;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.RestController;

import lab.backprop.engine.GradientCheck;
import lab.backprop.engine.StoppedException;
import lab.backprop.engine.Training;
import lab.backprop.system.limits.StopSignals;
import lab.backprop.request.StepRequestReader;
import lab.backprop.system.admission.MemoryAdmission;
import lab.backprop.system.admission.ServiceBusyException;
import lab.backprop.system.limits.TrainingLimits;
import lab.backprop.system.ratelimit.RateLimits;

/** POST /gradient-check: are the backward pass's gradients right? */
@RestController
@Tag(name = "Training")
public class GradientCheckController {

	private final StepRequestReader reader;

	private final GradientCheck gradientCheck;

	private final TrainingLimits limits;

	private final MemoryAdmission admission;

	private final RateLimits rateLimits;

	private final StopSignals signals;

	public GradientCheckController(StepRequestReader reader, GradientCheck gradientCheck, TrainingLimits limits,
			MemoryAdmission admission, StopSignals signals, RateLimits rateLimits) {
		this.reader = reader;
		this.gradientCheck = gradientCheck;
		this.limits = limits;
		this.admission = admission;
		this.signals = signals;
		this.rateLimits = rateLimits;
	}

	@Operation(operationId = "gradientCheck", summary = "Check every gradient against a finite difference",
			description = """
					Takes the /train-step body (it is validated in full, but `learningRate`, `optimizer` and \
					`optimizerState` play no part; with `regularization` the loss includes its penalty, and dL/dW \
					its derivative) and, for every weight and bias θ, puts the analytic dL/dθ of \
					the backward pass beside a central finite difference of the loss, \
					(L(θ + h) − L(θ − h)) / 2h with h = ∛ε · max(1, |θ|), computed with Commons Math's \
					FiniteDifferencesDifferentiator. A parameter passes when |analytic − numeric| ≤ 1e-8 + \
					1e-5 · max(|analytic|, |numeric|). \
					\n\nEach parameter costs three loss evaluations, so 3 × parameters × parameters × batch must \
					fit the gradient check's own compute budget backprop.limits.max-gradient-check-work (default \
					100000000), else a 413; a check that runs longer than backprop.limits.max-train-time (default \
					30 s) stops and is a 413 naming that limit (a 503 when the service is stopping).""")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(implementation = TrainStepRequest.class)))
	@ApiResponse(responseCode = "200", description = "The gradients side by side, with the verdict.")
	@ApiResponse(responseCode = "400",
			description = "The body is not valid: `errors` lists each problem with a JSON Pointer.")
	@ApiResponse(responseCode = "413",
			description = "The check is over its compute budget, or did not finish within the time limit: `limit` names which.")
	@ApiResponse(responseCode = "422",
			description = "The loss is not finite at (or next to) the parameters sent: `quantity` names the value.")
	@ApiResponse(responseCode = "503",
			description = "Other large requests hold the memory this one needs and did not free it in time (`backprop.admission`): try again after `Retry-After` seconds. Also the answer, with `Retry-After`, when the service stops during the check.")
	@PostMapping(path = "/gradient-check",
			consumes = { MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_CBOR_VALUE },
			produces = { MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_CBOR_VALUE })
	public GradientCheckResponse check(@RequestBody TrainStepRequest request, HttpServletRequest servletRequest) {
		StepInput input = reader.read(request);
		long parameters = ComputeBudget.parameters(input.network());
		int batch = input.inputs().getRowDimension();
		ComputeBudget.checkGradientCheck(ComputeBudget.product(GradientCheck.POINTS, parameters, parameters, batch),
				"3 × parameters × parameters × batch = 3 × " + parameters + " × " + parameters + " × " + batch, limits);
		rateLimits.chargeWork(servletRequest,
				ComputeBudget.product(GradientCheck.POINTS, parameters, parameters, batch));
		admission.admit(input.network(), input.inputs(), input.labels(), servletRequest);
		try {
			return GradientCheckResponse.from(gradientCheck.run(input.network(), input.inputs(), input.labels(),
					input.loss(), input.regularization(), signals.startRun()));
		}
		catch (StoppedException e) {
			if (e.reason() == Training.StopReason.SHUTDOWN) {
				throw ServiceBusyException.stopping();
			}
			throw ComputeBudget.timeUsedUp("The gradient check", limits);
		}
	}

}
