package lab.backprop.system.limits;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import tools.jackson.databind.json.JsonMapper;
import lab.backprop.system.problem.FieldError;
import lab.backprop.system.problem.Problems;

/**
 * Bounds the request body (Tomcat does not bound a JSON body by itself): a declared
 * length over the limit is refused at once; a body of unknown length (chunked) is read up
 * to the limit, and refused as soon as it goes past it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class RequestBodyLimitFilter extends OncePerRequestFilter {

	private final RequestLimits limits;

	private final JsonMapper mapper;

	public RequestBodyLimitFilter(RequestLimits limits, JsonMapper mapper) {
		this.limits = limits;
		this.mapper = mapper;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long max = limits.maxBodyBytes();
		long declared = request.getContentLengthLong();
		if (declared > max) {
			refuse(request, response, max);
			return;
		}
		if (declared < 0 && hasBody(request)) {
			byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
			if (body.length > max) {
				refuse(request, response, max);
				return;
			}
			chain.doFilter(new CachedBodyRequest(request, body), response);
			return;
		}
		chain.doFilter(request, response);
	}

	private static boolean hasBody(HttpServletRequest request) {
		return request.getHeader("Transfer-Encoding") != null;
	}

	private void refuse(HttpServletRequest request, HttpServletResponse response, long max) throws IOException {
		String message = "is larger than " + max + " bytes, the limit backprop.limits.max-body-bytes";
		ProblemDetail problem = Problems.withErrors(Problems.of(HttpStatus.CONTENT_TOO_LARGE, Problems.TOO_LARGE,
				"The request is over a limit", "The body " + message + "."), List.of(new FieldError("", message)));
		response.setHeader("Connection", "close");
		Problems.write(request, response, problem, mapper);
	}

	/** The request with its body already read into memory. */
	private static final class CachedBodyRequest extends HttpServletRequestWrapper {

		private final byte[] body;

		CachedBodyRequest(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = new ByteArrayInputStream(body);
			return new ServletInputStream() {
				@Override
				public int read() throws IOException {
					return in.read();
				}

				@Override
				public int read(byte[] b, int off, int len) throws IOException {
					return in.read(b, off, len);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new IllegalStateException("the body was already read");
				}
			};
		}

		@Override
		public int getContentLength() {
			return body.length;
		}

		@Override
		public long getContentLengthLong() {
			return body.length;
		}

	}

}
