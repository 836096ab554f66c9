package lab.backprop.system.admission;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import lab.backprop.system.problem.Problems;

/**
 * A request's memory share did not become free in time: a 503 problem with
 * {@code Retry-After}.
 */
public class ServiceBusyException extends ErrorResponseException {

	/** What a 503 asks the client to wait, in seconds. */
	static final String RETRY_AFTER_SECONDS = "5";

	private final long budgetMib;

	public ServiceBusyException(long neededMib, long budgetMib, long waitedMillis) {
		super(HttpStatus.SERVICE_UNAVAILABLE, Problems.of(HttpStatus.SERVICE_UNAVAILABLE, Problems.BUSY,
				"The service is busy",
				"Other large requests hold the memory this one needs (about " + Math.max(1, neededMib) + " MiB of the "
						+ budgetMib + " MiB that requests in flight may hold, backprop.admission.memory), and did not "
						+ "free it within " + waitedMillis + " ms. Try again shortly."),
				null);
		getHeaders().set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
		this.budgetMib = budgetMib;
	}

	private ServiceBusyException(ProblemDetail problem) {
		super(HttpStatus.SERVICE_UNAVAILABLE, problem, null);
		getHeaders().set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
		this.budgetMib = 0;
	}

	/**
	 * The 503 of a request that waited for its share while the service stopped: another
	 * replica (or this one, restarted) will answer it.
	 */
	public static ServiceBusyException stopping() {
		return new ServiceBusyException(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, Problems.BUSY,
				"The service is stopping", "The service is shutting down and will not compute this request. "
						+ "Send it again in a few seconds (to another replica, or to this one once it is back)."));
	}

	/** The memory all requests in flight may hold together, in MiB. */
	public long budgetMib() {
		return budgetMib;
	}

}
