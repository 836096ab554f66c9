package lab.backprop.system.ratelimit;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.github.bucket4j.ConsumptionProbe;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import tools.jackson.databind.json.JsonMapper;

import lab.backprop.system.problem.Problems;

/**
 * Takes one token from the client's request bucket before anything reads the request, and
 * says in every answer what is left; a client with none left gets the 429 at once. The
 * actuator is exempt (probes and scrapes must never be throttled).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
public class RateLimitFilter extends OncePerRequestFilter {

	private final RateLimits limits;

	private final JsonMapper mapper;

	public RateLimitFilter(RateLimits limits, JsonMapper mapper) {
		this.limits = limits;
		this.mapper = mapper;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return !limits.enabled() || path.equals("/actuator") || path.startsWith("/actuator/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		ConsumptionProbe probe = limits.client(request).requests().tryConsumeAndReturnRemaining(1);
		if (!probe.isConsumed()) {
			RateLimitedException refused = new RateLimitedException(limits.requestPolicy(), probe,
					"is one more than it may make now");
			refused.getHeaders().forEach((name, values) -> values.forEach(v -> response.setHeader(name, v)));
			Problems.write(request, response, refused.getBody(), mapper);
			return;
		}
		RateLimitHeaders.write(response::setHeader, limits.requestPolicy(), probe);
		chain.doFilter(request, response);
	}

}
