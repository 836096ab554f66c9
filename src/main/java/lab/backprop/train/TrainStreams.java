package lab.backprop.train;

import java.io.IOException;
import java.net.URI;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import lab.backprop.engine.Interruption;
import lab.backprop.engine.Network;
import lab.backprop.engine.NonFiniteValueException;
import lab.backprop.engine.Training;
import lab.backprop.system.limits.StopSignals;
import lab.backprop.system.limits.TrainingLimits;
import lab.backprop.system.problem.Problems;

/**
 * Runs streamed /train requests: each on a thread of a fixed pool (at most
 * {@code backprop.limits.max-streamed-runs} at once, no queue), sending
 * {@code event: progress} at every history point and at least every
 * {@value #PROGRESS_MILLIS} ms, then {@code event: result} with the JSON answer, or
 * {@code event: error} with a problem. A client that goes away is noticed by the next
 * event that cannot be written, and the run stops at its next step.
 */
@Component
class TrainStreams {

	private static final Logger log = LoggerFactory.getLogger(TrainStreams.class);

	static final long PROGRESS_MILLIS = 250;

	/** How long an emitter outlives the run's own time limit before it is given up. */
	private static final long EMITTER_GRACE_MILLIS = 30_000;

	private final Training training;

	private final TrainAnswers answers;

	private final StopSignals signals;

	private final TrainingLimits limits;

	private final ThreadPoolExecutor executor;

	private final AtomicInteger running = new AtomicInteger();

	private final AtomicLong steps = new AtomicLong();

	private final Counter stepCounter;

	TrainStreams(Training training, TrainAnswers answers, StopSignals signals, TrainingLimits limits,
			MeterRegistry registry) {
		this.training = training;
		this.answers = answers;
		this.signals = signals;
		this.limits = limits;
		int threads = Math.max(1, limits.maxStreamedRuns());
		this.executor = new ThreadPoolExecutor(threads, threads, 1, TimeUnit.MINUTES, new SynchronousQueue<>(),
				new CustomizableThreadFactory("train-stream-"));
		this.executor.allowCoreThreadTimeOut(true);
		this.stepCounter = Counter.builder("backprop.train.stream.steps")
			.description("Training steps computed by streamed /train runs")
			.register(registry);
		Gauge.builder("backprop.train.stream.active", running, AtomicInteger::get)
			.description("Streamed /train runs computing now")
			.register(registry);
	}

	/**
	 * Starts {@code job} on the pool and returns the stream its events go to.
	 * @throws ErrorResponseException a 503 when every thread of the pool is busy
	 */
	SseEmitter start(TrainJob job) {
		SseEmitter emitter = new SseEmitter(limits.maxTrainTime().toMillis() + EMITTER_GRACE_MILLIS);
		AtomicBoolean gone = new AtomicBoolean();
		emitter.onCompletion(() -> gone.set(true));
		emitter.onTimeout(() -> gone.set(true));
		emitter.onError(error -> gone.set(true));
		Interruption interruption = signals.startRun(gone::get);
		try {
			executor.execute(() -> run(job, emitter, interruption, gone));
		}
		catch (RejectedExecutionException e) {
			throw busy();
		}
		return emitter;
	}

	private void run(TrainJob job, SseEmitter emitter, Interruption interruption, AtomicBoolean gone) {
		running.incrementAndGet();
		long start = System.nanoTime();
		try {
			Training.Outcome outcome = training.run(job.task(), job.plan(), interruption,
					new Progress(job, emitter, start));
			if (outcome.stoppedBecause() != Training.StopReason.CANCELLED) {
				send(emitter,
						SseEmitter.event()
							.name("result")
							.data(answers.response(job, outcome), MediaType.APPLICATION_JSON));
			}
			complete(emitter);
		}
		catch (ClientGone e) {
			gone.set(true);
			complete(emitter);
		}
		catch (NonFiniteValueException e) {
			fail(emitter, Problems.notFinite(e.quantity()));
		}
		catch (RuntimeException | Error e) {
			log.error("A streamed run failed", e);
			fail(emitter, ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
					"The service failed unexpectedly; the failure was logged."));
		}
		finally {
			running.decrementAndGet();
		}
	}

	/** Sends the run's progress, every recorded point and every 250 ms at least. */
	private final class Progress implements Training.Observer {

		private final TrainJob job;

		private final SseEmitter emitter;

		private final long start;

		private long lastSent;

		Progress(TrainJob job, SseEmitter emitter, long start) {
			this.job = job;
			this.emitter = emitter;
			this.start = start;
			this.lastSent = start;
		}

		@Override
		public boolean stepped(long stepsRun) {
			steps.incrementAndGet();
			stepCounter.increment();
			return System.nanoTime() - lastSent >= TimeUnit.MILLISECONDS.toNanos(PROGRESS_MILLIS);
		}

		@Override
		public void progress(Training.Point point, Network network) {
			long now = System.nanoTime();
			TrainProgress data = answers.progress(job, point, network, TimeUnit.NANOSECONDS.toMillis(now - start));
			send(emitter, SseEmitter.event().name("progress").data(data, MediaType.APPLICATION_JSON));
			lastSent = now;
		}

	}

	private static void send(SseEmitter emitter, SseEmitter.SseEventBuilder event) {
		try {
			emitter.send(event);
		}
		catch (IOException | IllegalStateException e) {
			throw new ClientGone(e);
		}
	}

	/**
	 * Ends the stream, whoever is still listening: the asynchronous request then
	 * completes, and its memory share is given back at once.
	 */
	private static void complete(SseEmitter emitter) {
		try {
			emitter.complete();
		}
		catch (IllegalStateException e) {
			// completed already
		}
	}

	/** A failure after the stream started: an {@code event: error} with the problem. */
	private static void fail(SseEmitter emitter, ProblemDetail problem) {
		problem.setInstance(URI.create("/train"));
		try {
			emitter.send(SseEmitter.event().name("error").data(problem, MediaType.APPLICATION_PROBLEM_JSON));
		}
		catch (IOException | IllegalStateException e) {
			// the client is gone: nobody to tell
		}
		complete(emitter);
	}

	private ErrorResponseException busy() {
		ProblemDetail problem = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, Problems.BUSY, "The service is busy",
				"Every one of the " + limits.maxStreamedRuns()
						+ " streamed runs allowed at once (backprop.limits.max-streamed-runs) is computing. "
						+ "Try again shortly, or ask without Accept: text/event-stream.");
		ErrorResponseException busy = new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE, problem, null);
		busy.getHeaders().set(HttpHeaders.RETRY_AFTER, "5");
		return busy;
	}

	/** Streamed runs computing now (for tests and the metric). */
	int running() {
		return running.get();
	}

	/** Steps that streamed runs have computed since the start. */
	long stepsTaken() {
		return steps.get();
	}

	@PreDestroy
	void stop() throws InterruptedException {
		executor.shutdown();
		if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
			executor.shutdownNow();
		}
	}

	/** The event could not be written: the client has gone. */
	private static final class ClientGone extends RuntimeException {

		ClientGone(Throwable cause) {
			super(cause);
		}

	}

}
