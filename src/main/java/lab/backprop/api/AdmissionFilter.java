package lab.backprop.api;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Takes a request's memory share for its body ({@link MemoryAdmission}) before anything reads it, and
 * gives back all it holds once the answer is written, whatever happened. Runs after
 * {@link RequestBodyLimitFilter}, so a body over the limit is refused before it waits for memory.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
public class AdmissionFilter extends OncePerRequestFilter {

	private final MemoryAdmission admission;

	private final RequestLimits limits;

	private final HandlerExceptionResolver problems;

	public AdmissionFilter(MemoryAdmission admission, RequestLimits limits,
			@Qualifier("handlerExceptionResolver") HandlerExceptionResolver problems) {
		this.admission = admission;
		this.limits = limits;
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			long length = request.getContentLengthLong();
			if (length > 0 || request.getHeader("Transfer-Encoding") != null) {
				try {
					// a chunked body was read into memory by RequestBodyLimitFilter, up to the limit
					admission.admitBody(length > 0 ? length : limits.maxBodyBytes(), request);
				}
				catch (ServiceBusyException busy) {
					problems.resolveException(request, response, null, busy); // the 503 of ApiExceptionHandler
					return;
				}
			}
			chain.doFilter(request, response);
		}
		finally {
			admission.release(request);
		}
	}
}
