package lab.backprop.train;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import lab.backprop.engine.Training;
import lab.backprop.system.limits.StopSignals;

/**
 * POST /train: many steps in one request, with the loss history; with
 * {@code Accept: text/event-stream}, the same run as Server-Sent Events.
 */
@RestController
@Tag(name = "Training")
public class TrainController {

	private final TrainPlanner planner;

	private final Training training;

	private final TrainAnswers answers;

	private final TrainStreams streams;

	private final StopSignals signals;

	TrainController(TrainPlanner planner, Training training, TrainAnswers answers, TrainStreams streams,
			StopSignals signals) {
		this.planner = planner;
		this.training = training;
		this.answers = answers;
		this.streams = streams;
		this.signals = signals;
	}

	@Operation(operationId = "train", summary = "Train for many steps and return the loss history",
			description = TrainOpenApi.DESCRIPTION)
	@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(implementation = TrainRequest.class)))
	@ApiResponse(responseCode = "200", description = """
			The run: why it stopped, the history and the final parameters (JSON); or, with \
			`Accept: text/event-stream`, the run as Server-Sent Events: `event: progress` (data: a \
			TrainProgress), then one `event: result` (data: this TrainResponse) or `event: error` (data: \
			a Problem).""", content = {
			@Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(implementation = TrainResponse.class)),
			@Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE,
					schema = @Schema(type = "string", description = TrainOpenApi.STREAM,
							contentMediaType = MediaType.APPLICATION_JSON_VALUE, contentSchema = TrainProgress.class),
					examples = @ExampleObject(name = "stream", summary = "A streamed run of 20 steps",
							value = TrainOpenApi.STREAM_EXAMPLE)) })
	@ApiResponse(responseCode = "400",
			description = "The body is not valid: `errors` lists each problem with a JSON Pointer.")
	@ApiResponse(responseCode = "413", description = """
			The run is over the compute budget (`limit`, `budget` and `work` say by how much), or the test \
			set or the grid is over a size limit (`errors` points at it and names the limit).""")
	@ApiResponse(responseCode = "422", description = """
			The starting parameters' forward pass (or test loss) is not finite, or the final grid's: \
			`quantity` names the value.""")
	@ApiResponse(responseCode = "503", description = """
			Other large requests hold the memory this one needs and did not free it in time \
			(`backprop.admission`), or, streamed, every one of the streamed runs allowed at once \
			(`backprop.limits.max-streamed-runs`) is computing: try again after `Retry-After` seconds.""")
	@PostMapping(path = "/train", consumes = { MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_CBOR_VALUE },
			produces = { MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_CBOR_VALUE })
	public TrainResponse train(@RequestBody TrainRequest request, HttpServletRequest servletRequest) {
		TrainJob job = planner.plan(request, false, servletRequest);
		Training.Outcome outcome = training.run(job.task(), job.plan(), signals.startRun(), Training.Observer.NONE);
		return answers.response(job, outcome);
	}

	/**
	 * The same run as Server-Sent Events. Every error found before the run starts is the
	 * ordinary problem+json answer; the OpenAPI document describes both under one
	 * operation.
	 */
	@Operation(hidden = true)
	@PostMapping(path = "/train", consumes = { MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_CBOR_VALUE },
			produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	public SseEmitter trainStreamed(@RequestBody TrainRequest request, HttpServletRequest servletRequest) {
		TrainJob job = planner.plan(request, true, servletRequest);
		return streams.start(job);
	}

}
