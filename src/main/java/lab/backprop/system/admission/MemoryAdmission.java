package lab.backprop.system.admission;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.apache.commons.math3.linear.RealMatrix;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import lab.backprop.engine.Layer;
import lab.backprop.engine.Network;
import lab.backprop.system.limits.ComputeBudget;

/**
 * Lets requests proceed only while the memory they need, by estimate, fits a shared
 * budget, so that many large requests at once queue instead of exhausting the heap (which
 * would stop the service). One request is bounded by {@link RequestLimits}; this bounds
 * their sum. A request takes a share for its body before it is parsed
 * ({@link #admitBody}: parsing a large body holds memory too), tops it up once its
 * network is known ({@link #admit}) and holds it until its answer is written
 * ({@link AdmissionFilter} gives it back).
 */
@Component
@EnableConfigurationProperties(AdmissionProperties.class)
public class MemoryAdmission {

	private static final Logger log = LoggerFactory.getLogger(MemoryAdmission.class);

	static final String HELD = MemoryAdmission.class.getName() + ".held";

	/**
	 * Shares below this are not taken at all: small requests (the seed, the examples, a
	 * page's every keystroke) never wait behind large ones, and their memory is bounded
	 * by the server's threads.
	 */
	static final long FREE_BELOW = 512L * 1024;

	private final Semaphore kibibytes;

	private final int budget;

	private final long maxWaitMillis;

	/** The threads waiting for a share now (guarded by itself). */
	private final Set<Thread> waiting = new HashSet<>();

	private volatile boolean stopping;

	public MemoryAdmission(AdmissionProperties properties) {
		this.budget = (int) Math.max(1, Math.min(Integer.MAX_VALUE, properties.memoryBytes() / 1024));
		this.kibibytes = new Semaphore(budget, true);
		this.maxWaitMillis = properties.maxWait().toMillis();
		log.info("Requests in flight may hold about {} MiB together (backprop.admission.memory)", budget / 1024);
	}

	/**
	 * The bytes a step of {@code input} holds at most, roughly: every activation about a
	 * dozen times (z, output, the gradients, the pass after the update, the answer's
	 * copies), every parameter about ten times (weights, gradient, update, optimizer
	 * buffers in and out), the inputs and labels a few times. Measured: a 784→256→10 step
	 * on 64 examples estimates 19 MB and holds 16 MiB.
	 */
	static long estimate(Network network, RealMatrix inputs, RealMatrix labels) {
		long batch = inputs.getRowDimension();
		long activations = 0;
		for (Layer layer : network.layers()) {
			activations += batch * layer.outputs();
		}
		long parameters = ComputeBudget.parameters(network);
		long inputNumbers = batch * inputs.getColumnDimension();
		long labelNumbers = batch * labels.getColumnDimension();
		return Double.BYTES * (12 * activations + 10 * parameters + 4 * inputNumbers + 2 * labelNumbers);
	}

	/**
	 * The share of a body of {@code bytes} while it is parsed and computed: four bytes
	 * per byte (a number's text is a few bytes, its double eight, and the step holds it
	 * several times; for the 5.3 MB MNIST body that is 21 MB, about its step's
	 * {@link #estimate}).
	 */
	static long bodyEstimate(long bytes) {
		return 4 * bytes;
	}

	/**
	 * Takes the share of a body of {@code bytes} for {@code request}, waiting for it as
	 * {@link #admit} does.
	 */
	public void admitBody(long bytes, HttpServletRequest request) {
		hold(bodyEstimate(bytes), request);
	}

	/**
	 * Waits until the share of a step of {@code network} on {@code inputs} fits (a share
	 * larger than the whole budget waits for all of it), holding it for the rest of
	 * {@code request}; a share already taken for the body counts.
	 * @throws ServiceBusyException when it did not fit within the configured wait
	 */
	public void admit(Network network, RealMatrix inputs, RealMatrix labels, HttpServletRequest request) {
		hold(estimate(network, inputs, labels), request);
	}

	/**
	 * Holds at least {@code bytes} for {@code request}: takes only what it does not hold
	 * yet.
	 */
	private void hold(long bytes, HttpServletRequest request) {
		if (bytes < FREE_BELOW) {
			return;
		}
		Held previous = (Held) request.getAttribute(HELD);
		int already = previous == null ? 0 : previous.kibibytes();
		int wanted = (int) Math.min(budget, Math.max(1, (bytes + 1023) / 1024));
		int share = wanted - already;
		if (share <= 0) {
			return;
		}
		if (!acquire(share)) {
			if (stopping) {
				throw ServiceBusyException.stopping();
			}
			throw new ServiceBusyException(wanted / 1024, budget / 1024, maxWaitMillis);
		}
		request.setAttribute(HELD, new Held(wanted));
	}

	/**
	 * Waits for {@code share} KiB in the fair queue, at most the configured time; a wait
	 * that the service's stop cuts short ({@link #stop}) gets nothing.
	 */
	private boolean acquire(int share) {
		Thread self = Thread.currentThread();
		synchronized (waiting) {
			if (stopping) {
				return false;
			}
			waiting.add(self);
		}
		try {
			return kibibytes.tryAcquire(share, maxWaitMillis, TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException e) {
			if (!stopping) {
				self.interrupt();
			}
			return false;
		}
		finally {
			synchronized (waiting) {
				waiting.remove(self);
				if (stopping) {
					// stop() may have interrupted this thread just after it was given its
					// share:
					// that interrupt was meant for the wait only
					Thread.interrupted();
				}
			}
		}
	}

	/**
	 * The service is stopping: every request waiting for its share gets its 503 now
	 * rather than at the end of its wait (it would not be computed in time), and so does
	 * every request that would wait from now on. Requests holding a share go on; the
	 * {@link ContextClosedEvent} comes before the web server waits for them.
	 */
	@EventListener(ContextClosedEvent.class)
	void stop() {
		synchronized (waiting) {
			stopping = true;
			waiting.forEach(Thread::interrupt);
		}
	}

	/**
	 * Gives back what {@code request} holds, if anything; once only, even when two
	 * threads (a request's own and its stream's) ask at once.
	 */
	void release(HttpServletRequest request) {
		Held held = (Held) request.getAttribute(HELD);
		if (held != null && held.released().compareAndSet(false, true)) {
			request.removeAttribute(HELD);
			kibibytes.release(held.kibibytes());
		}
	}

	/** KiB free now (for tests and the log). */
	public int availableKibibytes() {
		return kibibytes.availablePermits();
	}

	private record Held(int kibibytes, AtomicBoolean released) {

		Held(int kibibytes) {
			this(kibibytes, new AtomicBoolean());
		}
	}

}
