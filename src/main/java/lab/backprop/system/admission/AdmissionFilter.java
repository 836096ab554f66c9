package lab.backprop.system.admission;

import java.io.IOException;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import tools.jackson.databind.json.JsonMapper;
import lab.backprop.system.limits.RequestLimits;
import lab.backprop.system.problem.Problems;

/**
 * Takes a request's memory share for its body ({@link MemoryAdmission}) before anything
 * reads it, and gives back all it holds once the answer is written, whatever happened:
 * for an asynchronous answer (a stream of events), when it completes. Runs after
 * {@link RequestBodyLimitFilter}, so a body over the limit is refused before it waits for
 * memory.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
public class AdmissionFilter extends OncePerRequestFilter {

	private final MemoryAdmission admission;

	private final RequestLimits limits;

	private final JsonMapper mapper;

	public AdmissionFilter(MemoryAdmission admission, RequestLimits limits, JsonMapper mapper) {
		this.admission = admission;
		this.limits = limits;
		this.mapper = mapper;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		boolean async = false;
		try {
			// RequestBodyLimitFilter has read a chunked body already, so its length is
			// known here too;
			// a body of unknown length all the same counts as the largest allowed
			long length = request.getContentLengthLong();
			boolean unknown = length < 0 && request.getHeader("Transfer-Encoding") != null;
			if (length > 0 || unknown) {
				try {
					admission.admitBody(unknown ? limits.maxBodyBytes() : length, request);
				}
				catch (ServiceBusyException busy) {
					busy.getHeaders().forEach((name, values) -> values.forEach(v -> response.addHeader(name, v)));
					Problems.write(request, response, busy.getBody(), mapper);
					return;
				}
			}
			chain.doFilter(request, response);
			if (request.isAsyncStarted()) {
				// a stream goes on after the chain returns: its share is given back when
				// it ends, however it ends (completion, timeout and error all complete)
				request.getAsyncContext().addListener(new ReleaseOnComplete(request));
				async = true;
			}
		}
		finally {
			if (!async) {
				admission.release(request);
			}
		}
	}

	private final class ReleaseOnComplete implements AsyncListener {

		private final HttpServletRequest request;

		ReleaseOnComplete(HttpServletRequest request) {
			this.request = request;
		}

		@Override
		public void onComplete(AsyncEvent event) {
			admission.release(request);
		}

		@Override
		public void onTimeout(AsyncEvent event) {
		}

		@Override
		public void onError(AsyncEvent event) {
		}

		@Override
		public void onStartAsync(AsyncEvent event) {
			event.getAsyncContext().addListener(this);
		}

	}

}
