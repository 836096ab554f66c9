package lab.backprop.system.limits;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import lab.backprop.engine.Interruption;
import lab.backprop.engine.Training;

/**
 * When a long computation must stop early: its time
 * ({@code backprop.limits.max-train-time}) is used up, or the service is stopping. The
 * stop flag is raised by the {@link ContextClosedEvent}, which the application context
 * publishes before it stops the web server, so a run in flight stops at its next step and
 * still writes its answer while the server's graceful shutdown waits for it.
 */
@Component
public class StopSignals {

	private final AtomicBoolean stopping = new AtomicBoolean();

	private final TrainingLimits limits;

	public StopSignals(TrainingLimits limits) {
		this.limits = limits;
	}

	@EventListener(ContextClosedEvent.class)
	void contextClosing() {
		stopping.set(true);
	}

	/** Whether the service is shutting down. */
	public boolean stopping() {
		return stopping.get();
	}

	/**
	 * The interruption of a computation starting now: {@code SHUTDOWN} once the service
	 * stops, {@code TIME_LIMIT} once its time is used up, and {@code CANCELLED} once
	 * {@code cancelled} says so.
	 */
	public Interruption startRun(BooleanSupplier cancelled) {
		long deadline = System.nanoTime() + limits.maxTrainTime().toNanos();
		return () -> {
			if (cancelled.getAsBoolean()) {
				return Training.StopReason.CANCELLED;
			}
			if (stopping.get()) {
				return Training.StopReason.SHUTDOWN;
			}
			return System.nanoTime() - deadline >= 0 ? Training.StopReason.TIME_LIMIT : null;
		};
	}

	/** As {@link #startRun(BooleanSupplier)} for a run that nobody cancels. */
	public Interruption startRun() {
		return startRun(() -> false);
	}

}
