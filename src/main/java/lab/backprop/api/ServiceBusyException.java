package lab.backprop.api;

/** A request's memory share did not become free in time: a 503 with Retry-After. */
public class ServiceBusyException extends RuntimeException {

	private final long neededMib;

	private final long budgetMib;

	private final long waitedMillis;

	public ServiceBusyException(long neededMib, long budgetMib, long waitedMillis) {
		super("busy: needed " + neededMib + " MiB of " + budgetMib + " MiB");
		this.neededMib = neededMib;
		this.budgetMib = budgetMib;
		this.waitedMillis = waitedMillis;
	}

	public long neededMib() {
		return neededMib;
	}

	public long budgetMib() {
		return budgetMib;
	}

	public long waitedMillis() {
		return waitedMillis;
	}

}
