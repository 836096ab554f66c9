package lab.backprop.system.delivery;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Spring's message converters flush the response after writing a JSON (or CBOR) answer,
 * which commits it: Tomcat then sends the headers and the text as a chunk in one write
 * and the closing chunk in another. Within the request's own dispatch those flushes are
 * not needed (the dispatch's end sends everything), so for JSON they are left out: an
 * answer that fits Tomcat's buffer goes out in one write with its Content-Length, and a
 * larger one is sent as its buffer fills, as before. Event streams and anything written
 * after the request went asynchronous are flushed as asked.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
public class OnePieceAnswerFilter extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		chain.doFilter(request, new OnePieceResponse(request, response));
	}

	private static final class OnePieceResponse extends HttpServletResponseWrapper {

		private final HttpServletRequest request;

		private ServletOutputStream body;

		OnePieceResponse(HttpServletRequest request, HttpServletResponse response) {
			super(response);
			this.request = request;
		}

		@Override
		public ServletOutputStream getOutputStream() throws IOException {
			if (this.body == null) {
				this.body = new HeldFlushes(super.getOutputStream());
			}
			return this.body;
		}

		@Override
		public void flushBuffer() throws IOException {
			if (flushes()) {
				super.flushBuffer();
			}
		}

		private boolean flushes() {
			return this.request.isAsyncStarted()
					|| !(JsonAnswers.isJson(getContentType()) || DataFormats.isCbor(getContentType()));
		}

		private final class HeldFlushes extends ForwardingOutputStream {

			HeldFlushes(ServletOutputStream out) {
				super(out);
			}

			@Override
			public void flush() throws IOException {
				if (flushes()) {
					this.out.flush();
				}
			}

		}

	}

}
