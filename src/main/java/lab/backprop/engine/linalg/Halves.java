package lab.backprop.engine.linalg;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Work over a range of indices shared between the calling thread and one worker thread:
 * the worker takes the first half, the caller the second and then, if no worker has
 * started the first yet (every worker busy with other requests), that one too. So an idle
 * machine gives one request both cores, and a loaded one is never slower than doing the
 * work alone. The workers, one per core beyond the first, are shared by every request; on
 * a single core everything runs on the caller.
 */
public final class Halves {

	/** Indices {@code from} (inclusive) to {@code to} (exclusive). */
	public interface Range {

		void run(int from, int to);

	}

	private static final ExecutorService WORKERS = workers();

	private Halves() {
	}

	/**
	 * Runs {@code work} over 0 to {@code size}: in two halves when {@code split} and
	 * there is a worker, else in one go on the caller. Each index is visited exactly once
	 * either way, so an element-wise computation gives the same values.
	 */
	public static void run(int size, boolean split, Range work) {
		if (!split || size < 2 || WORKERS == null) {
			work.run(0, size);
			return;
		}
		int half = size / 2;
		FutureTask<Void> first = new FutureTask<>(() -> work.run(0, half), null);
		WORKERS.execute(first);
		work.run(half, size);
		first.run(); // a no-op when a worker has it already
		try {
			first.get();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while sharing work between cores", e);
		}
		catch (ExecutionException e) {
			throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
		}
	}

	private static ExecutorService workers() {
		int extra = Runtime.getRuntime().availableProcessors() - 1;
		if (extra < 1) {
			return null;
		}
		AtomicInteger count = new AtomicInteger();
		return Executors.newFixedThreadPool(extra, task -> {
			Thread thread = new Thread(task, "matrix-products-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
	}

}
