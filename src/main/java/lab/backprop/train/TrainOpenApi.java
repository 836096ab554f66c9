package lab.backprop.train;

/** The longer texts of /train's OpenAPI description. */
final class TrainOpenApi {

	private TrainOpenApi() {
	}

	static final String DESCRIPTION = """
			Takes the /train-step body plus `steps`, and repeats the step: the same computation as \
			/train-step, so k calls of /train-step (sending back `update.layers` and `optimizerState` each \
			time) give exactly, bit for bit, what one /train of k steps gives. Stops after `steps` steps, \
			when the loss reaches `targetLoss`, when a value stops being finite (`diverged`: the answer then \
			holds the last finite parameters; a non-finite start is a 422), when the run has used up \
			backprop.limits.max-train-time (default 30 s; `time_limit`), or when the service is stopping \
			(`shutdown`); the last three still answer with everything so far, ready to continue from.

			**Held-out data.** With `test`, every history point and the answer also give `testLoss` (the \
			data loss on the test set) and, for a classifier (one sigmoid output with labels 0 or 1, \
			threshold 0.5; or a softmax output with one-hot labels, argmax), `accuracy` and `testAccuracy`.

			**Mini-batches.** With `batchSize` below the number of examples, each epoch shuffles the examples \
			with `shuffleSeed` (documented under `batchSize`) and takes them `batchSize` at a time; every step \
			is /train-step on its batch; `history` and `targetLoss` use the loss over the whole training set; \
			`optimizerState` gains `epoch` and `position`, so a run continued from an answer equals one longer \
			run.

			**Regularization.** `regularization` adds λ·Σ|w| (l1) or (λ/2)·Σw² (l2) over the weights to the \
			loss: `loss` is then the objective and each history point has `dataLoss` too.

			**Decision boundary.** `grid` adds the trained network's output over a grid of points (x₁, x₂), \
			computed from the final parameters in one batched forward pass (points × neurons within \
			backprop.limits.max-activations).

			**Live progress.** With `Accept: text/event-stream` the run streams: `event: progress` at step 0, \
			at every history point and at least every 250 ms (with `grid`, each carries the parameters and \
			the grid at that step), then one `event: result` whose data is exactly the JSON answer; a \
			failure after the stream started is one `event: error` with a problem. Errors found before it \
			starts are ordinary problem+json answers. A client that goes away stops the run within a second. \
			At most backprop.limits.max-streamed-runs (default 4) streamed runs compute at once, each on a \
			thread of a fixed pool; one more is a 503.

			**The compute budget.** parameters × (the examples the run passes through the network) must be \
			at most backprop.limits.max-train-work (default 20,000,000,000: 1,000 steps of a 784 → 256 → 10 \
			network on 64 examples fit), else a 413 names the budget. Full-batch, that is steps × parameters \
			× batch; a mini-batch step passes its batch and then the whole training set (for the loss); the \
			test set passes once per history point; a grid once, or streamed once per history point.""";

	static final String STREAM = """
			Server-Sent Events, each `data` one line of JSON: `event: progress` whose data is a \
			TrainProgress (the `contentSchema`), then either `event: result` whose data is the \
			TrainResponse, exactly the JSON answer, or `event: error` whose data is a Problem.""";

	static final String STREAM_EXAMPLE = """
			event:progress
			data:{"step":0,"loss":0.2684,"elapsedMillis":0}

			event:progress
			data:{"step":10,"loss":0.2497,"elapsedMillis":3}

			event:progress
			data:{"step":20,"loss":0.2461,"elapsedMillis":5}

			event:result
			data:{"stoppedBecause":"steps","stepsRun":20,"loss":0.2461,"history":[{"step":0,"loss":0.2684},{"step":10,"loss":0.2497},{"step":20,"loss":0.2461}],"recordEvery":10,"optimizer":{"type":"sgd","momentum":0.0,"dampening":0.0,"nesterov":false,"weightDecay":0.0},"layers":[],"optimizerState":{"type":"sgd","step":20}}

			""";

}
