package lab.backprop.system.headers;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts the {@link BrowserHeaders} on every answer, before anything else runs, so that the
 * page, the Swagger UI and every error carry them.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
@EnableConfigurationProperties(BrowserHeaders.class)
public class BrowserHeadersFilter extends OncePerRequestFilter {

	private final String contentSecurityPolicy;

	private final String referrerPolicy;

	public BrowserHeadersFilter(BrowserHeaders headers) {
		this.contentSecurityPolicy = headers.contentSecurityPolicy();
		this.referrerPolicy = headers.referrerPolicy();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		response.setHeader("Content-Security-Policy", contentSecurityPolicy);
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader("Referrer-Policy", referrerPolicy);
		chain.doFilter(request, response);
	}

}
