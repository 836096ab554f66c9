package lab.backprop.system.compression;

import java.io.IOException;
import java.io.StringReader;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.tomcat.util.http.parser.AcceptEncoding;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * gzips a JSON answer of more than {@link GzipResponse#THRESHOLD} bytes at
 * {@code Deflater.BEST_SPEED} when the request accepts gzip (as Tomcat reads
 * {@code Accept-Encoding}): a full 784 → 256 → 10 × 64 /train-step answer (20 MB) is
 * compressed about four times faster than by Tomcat's compression at zlib's default
 * level, for a tenth more bytes. A smaller JSON answer is sent plain with its length;
 * anything else (event streams, pages, an answer whose length or encoding is already set)
 * passes through to Tomcat as before.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
public class FastGzipFilter extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!acceptsGzip(request)) {
			chain.doFilter(request, response);
			return;
		}
		GzipResponse answer = new GzipResponse(request, response);
		boolean completed = false;
		try {
			chain.doFilter(request, answer);
			completed = true;
		}
		finally {
			answer.endOfDispatch(completed);
		}
	}

	static boolean acceptsGzip(HttpServletRequest request) {
		var values = request.getHeaders(HttpHeaders.ACCEPT_ENCODING);
		while (values != null && values.hasMoreElements()) {
			try {
				for (AcceptEncoding encoding : AcceptEncoding.parse(new StringReader(values.nextElement()))) {
					if ("gzip".equalsIgnoreCase(encoding.getEncoding()) && encoding.getQuality() > 0) {
						return true;
					}
				}
			}
			catch (IOException unreadable) {
				return false;
			}
		}
		return false;
	}

}
