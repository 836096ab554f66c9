package lab.backprop.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import lab.backprop.Api;
import lab.backprop.SeedValues;
import lab.backprop.TrainBodies;

/**
 * SIGTERM to the packaged jar while it is busy: a long JSON /train run holding its memory
 * share, two more waiting for theirs (a budget of 5 MB fits one), a streamed run, and
 * small requests one after another. The readiness probe (on the actuator's own port, as
 * in Kubernetes) turns DOWN first; the small requests in flight complete; both runs end
 * with {@code stoppedBecause: shutdown} and their answer so far, the stream with its
 * result event; the waiting requests get a 503 with Retry-After at once, not after their
 * wait; no other 5xx; the process exits well within the grace periods of the compose file
 * (35 s) and of the Kubernetes pod (45 s, 10 of them the preStop pause).
 * <p>
 * Over 250 lines on purpose: one scenario, with its probes, stream and clients as small
 * nested classes beside it, since no other test uses them.
 */
class ShutdownUnderLoadIT {

	/**
	 * Boot's spring.lifecycle.timeout-per-shutdown-phase: the longest a stop may take.
	 */
	private static final Duration GRACE = Duration.ofSeconds(30);

	private final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	@Test
	void aBusyServiceStopsInOrderAndInTime() throws Exception {
		try (PackagedService service = PackagedService.start("shutdown-under-load", "--backprop.admission.memory=5MB",
				"--backprop.admission.max-wait=60s", "--logging.level.org.springframework.boot.availability=DEBUG")) {
			Probes probes = new Probes(service);
			probes.start();
			String holderBody = TrainBodies.circle(256, 64, 15000).toString();
			Timed<HttpResponse<String>> holder = post(service, "/train", holderBody);
			Thread.sleep(1500);
			List<Timed<HttpResponse<String>>> waiters = List.of(post(service, "/train", holderBody),
					post(service, "/train", holderBody));
			Stream stream = new Stream(service, TrainBodies.circle(64, 16, 100000).put("recordEvery", 1000).toString());
			SmallRequests small = new SmallRequests(service);
			assertThat(stream.awaitProgress(Duration.ofSeconds(30))).as("the streamed run is computing").isTrue();
			Thread.sleep(1500);
			assertThat(holder.future()).as("the long run is computing").isNotDone();
			assertThat(waiters).as("the others wait for memory").allMatch(w -> !w.future().isDone());
			assertThat(probes.lastUp()).as("ready before the stop").isTrue();

			small.finish();
			Instant sigterm = Instant.now();
			long sigtermNanos = System.nanoTime();
			service.terminate();
			boolean exited = service.awaitExit(Duration.ofSeconds(60));
			long exitMillis = (System.nanoTime() - sigtermNanos) / 1_000_000;
			probes.finish();

			Instant readinessDown = service.logged("ReadinessState changed .*REFUSING_TRAFFIC");
			assertThat(readinessDown).as("the readiness change is logged").isNotNull();
			long readinessMillis = readinessDown.toEpochMilli() - sigterm.toEpochMilli();
			HttpResponse<String> holderAnswer = holder.future().get(5, TimeUnit.SECONDS);
			long holderMillis = holder.millisAfter(sigtermNanos);
			long streamMillis = stream.resultMillisAfter(sigtermNanos);
			System.out.printf("shutdown under load: readiness DOWN logged %d ms after SIGTERM, first probe DOWN "
					+ "%d ms; waiting requests answered 503 after %s ms; long run answered after %d ms; stream's "
					+ "result after %d ms; %d small requests all answered; process exited after %d ms (code %d)%n",
					readinessMillis, probes.firstDownMillisAfter(sigtermNanos),
					waiters.stream().map(w -> String.valueOf(w.millisAfter(sigtermNanos))).toList(), holderMillis,
					streamMillis, small.answered(), exitMillis, exited ? service.exitCode() : -1);

			assertThat(exited).as("the process ends").isTrue();
			assertThat(exitMillis).as("within Boot's grace, so within compose's 35 s and the pod's 45 s − 10 s")
				.isLessThan(GRACE.toMillis());
			assertThat(readinessMillis).as("readiness DOWN after SIGTERM").isGreaterThanOrEqualTo(-5);
			assertThat(readinessMillis).as("readiness DOWN before the stream's result")
				.isLessThanOrEqualTo(streamMillis);
			assertThat(readinessMillis).as("readiness DOWN before the long run's answer")
				.isLessThanOrEqualTo(holderMillis);
			assertThat(probes.upAfter(sigtermNanos + (readinessMillis + 1) * 1_000_000))
				.as("no probe sent after readiness went DOWN sees UP")
				.isFalse();

			assertThat(holderAnswer.statusCode()).isEqualTo(200);
			JsonNode run = Api.JSON.readTree(holderAnswer.body());
			assertThat(run.get("stoppedBecause").asString()).isEqualTo("shutdown");
			assertThat(run.get("stepsRun").asInt()).isBetween(1, 14999);
			assertThat(holderMillis).as("the run stops at its next step").isLessThan(5000);

			JsonNode result = stream.result();
			assertThat(result.get("stoppedBecause").asString()).isEqualTo("shutdown");
			assertThat(result.get("stepsRun").asInt()).isBetween(1, 99999);
			assertThat(streamMillis).isLessThan(5000);

			for (Timed<HttpResponse<String>> waiter : waiters) {
				HttpResponse<String> busy = waiter.future().get(5, TimeUnit.SECONDS);
				assertThat(busy.statusCode()).as(busy.body()).isEqualTo(503);
				assertThat(busy.headers().firstValue("Content-Type"))
					.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
				assertThat(busy.headers().firstValue("Retry-After")).hasValue("5");
				assertThat(Api.JSON.readTree(busy.body()).get("title").asString()).isEqualTo("The service is stopping");
				assertThat(waiter.millisAfter(sigtermNanos)).as("at once, not after the 60 s wait").isLessThan(5000);
				assertThat(waiter.millisAfter(sigtermNanos)).isGreaterThanOrEqualTo(readinessMillis);
			}

			assertThat(small.failures()).as("every small request in flight completes").isEmpty();
			assertThat(small.answered()).isPositive();
			assertThat(service.logged("Graceful shutdown complete")).as("Boot's graceful shutdown ran").isNotNull();
			assertThat(service.logLines()).as("nothing failed").noneMatch(line -> line.contains(" ERROR "));
		}
	}

	private Timed<HttpResponse<String>> post(PackagedService service, String path, String body) {
		HttpRequest request = HttpRequest.newBuilder(service.uri(path))
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		return Timed.of(client.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
	}

	/** A future and when it completed. */
	record Timed<T>(CompletableFuture<T> future, long[] doneNanos) {

		static <T> Timed<T> of(CompletableFuture<T> future) {
			long[] done = { 0 };
			return new Timed<>(future.whenComplete((value, error) -> done[0] = System.nanoTime()), done);
		}

		long millisAfter(long nanos) {
			future.join();
			return (doneNanos[0] - nanos) / 1_000_000;
		}

	}

	/** The readiness probe every 25 ms: when each was sent and what it got. */
	private final class Probes extends Thread {

		private final PackagedService service;

		private final ConcurrentLinkedQueue<long[]> seen = new ConcurrentLinkedQueue<>();

		private final AtomicBoolean running = new AtomicBoolean(true);

		Probes(PackagedService service) {
			this.service = service;
			setDaemon(true);
		}

		@Override
		public void run() {
			while (running.get()) {
				long sent = System.nanoTime();
				seen.add(new long[] { sent, service.readiness(client) });
				try {
					Thread.sleep(25);
				}
				catch (InterruptedException e) {
					return;
				}
			}
		}

		void finish() throws InterruptedException {
			running.set(false);
			join(5000);
		}

		boolean lastUp() {
			long[] last = null;
			for (long[] probe : seen) {
				last = probe;
			}
			return last != null && last[1] == 200;
		}

		boolean upAfter(long nanos) {
			return seen.stream().anyMatch(probe -> probe[0] > nanos && probe[1] == 200);
		}

		long firstDownMillisAfter(long nanos) {
			return seen.stream()
				.filter(probe -> probe[0] >= nanos && probe[1] != 200)
				.mapToLong(probe -> (probe[0] - nanos) / 1_000_000)
				.min()
				.orElse(-1);
		}

	}

	/** A streamed /train run read line by line, with when its result event came. */
	private final class Stream {

		private final CompletableFuture<Void> reading;

		private final List<String> events = new ArrayList<>();

		private volatile long resultNanos;

		Stream(PackagedService service, String body) {
			HttpRequest request = HttpRequest.newBuilder(service.uri("/train"))
				.header("Content-Type", "application/json")
				.header("Accept", "text/event-stream")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build();
			reading = client.sendAsync(request, HttpResponse.BodyHandlers.ofLines()).thenAccept(response -> {
				response.body().forEach(line -> {
					synchronized (events) {
						events.add(line);
						if (line.startsWith("data:") && events.size() > 1
								&& events.get(events.size() - 2).equals("event:result")) {
							resultNanos = System.nanoTime();
						}
						events.notifyAll();
					}
				});
			});
		}

		boolean awaitProgress(Duration timeout) throws InterruptedException {
			long deadline = System.nanoTime() + timeout.toNanos();
			synchronized (events) {
				while (!events.contains("event:progress") && System.nanoTime() < deadline) {
					events.wait(100);
				}
				return events.contains("event:progress");
			}
		}

		long resultMillisAfter(long nanos) throws Exception {
			reading.get(30, TimeUnit.SECONDS);
			assertThat(resultNanos).as("a result event: " + events).isPositive();
			return (resultNanos - nanos) / 1_000_000;
		}

		JsonNode result() {
			synchronized (events) {
				String last = events.stream()
					.filter(line -> line.startsWith("data:"))
					.reduce((a, b) -> b)
					.orElseThrow();
				int at = events.lastIndexOf(last);
				assertThat(events.get(at - 1)).isEqualTo("event:result");
				return Api.JSON.readTree(last.substring("data:".length()));
			}
		}

	}

	/** The seed, one request after another, until told to stop. */
	private final class SmallRequests extends Thread {

		private final PackagedService service;

		private final AtomicBoolean running = new AtomicBoolean(true);

		private final List<String> failures = new ArrayList<>();

		private int answered;

		SmallRequests(PackagedService service) {
			this.service = service;
			setDaemon(true);
			start();
		}

		@Override
		public void run() {
			HttpRequest request = HttpRequest.newBuilder(service.uri("/train-step"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(SeedValues.REQUEST))
				.build();
			while (running.get()) {
				try {
					HttpResponse<String> answer = client.send(request, HttpResponse.BodyHandlers.ofString());
					synchronized (this) {
						answered++;
						if (answer.statusCode() != 200) {
							failures.add(answer.statusCode() + " " + answer.body());
						}
					}
				}
				catch (Exception e) {
					synchronized (this) {
						failures.add(e.toString());
					}
				}
			}
		}

		/** Sends no more; the one in flight, if any, completes. */
		void finish() {
			running.set(false);
		}

		synchronized int answered() {
			return answered;
		}

		List<String> failures() throws InterruptedException {
			join(30_000);
			synchronized (this) {
				return List.copyOf(failures);
			}
		}

	}

}
