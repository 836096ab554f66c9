package lab.backprop.system.delivery;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.http.HttpHeaders;

/**
 * The answer of a request that accepts gzip. When its body is first asked for, a JSON
 * answer of unknown length (how Jackson writes every answer here) is switched to gzip at
 * zlib's fastest level; anything else, or anything asked for once the request has gone
 * asynchronous (event streams), gets the container's own stream untouched. Nothing is
 * held back: each write goes through at once, so there is no buffer to hand over between
 * threads.
 */
final class GzipResponse extends HttpServletResponseWrapper {

	private final HttpServletRequest request;

	private GzipBody body;

	GzipResponse(HttpServletRequest request, HttpServletResponse response) {
		super(response);
		this.request = request;
	}

	@Override
	public ServletOutputStream getOutputStream() throws IOException {
		if (this.body != null) {
			return this.body;
		}
		ServletOutputStream out = super.getOutputStream();
		if (!isCompressibleJson()) {
			return out;
		}
		setHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
		if (!varies()) {
			addHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
		}
		this.body = new GzipBody(out);
		return this.body;
	}

	/** Once gzipped, the length of the text would be wrong on the wire. */
	@Override
	public void setContentLength(int length) {
		if (this.body == null) {
			super.setContentLength(length);
		}
	}

	@Override
	public void setContentLengthLong(long length) {
		if (this.body == null) {
			super.setContentLengthLong(length);
		}
	}

	@Override
	public void setHeader(String name, String value) {
		if (this.body == null || !HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name)) {
			super.setHeader(name, value);
		}
	}

	@Override
	public void addHeader(String name, String value) {
		if (this.body == null || !HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name)) {
			super.addHeader(name, value);
		}
	}

	/** Headers and status go too: the next answer is judged afresh. */
	@Override
	public void reset() {
		super.reset();
		drop();
	}

	/**
	 * The half-written text goes, and with it the gzip header already in the buffer: what
	 * is written next starts a gzip stream of its own (Content-Encoding: gzip stays).
	 */
	@Override
	public void resetBuffer() {
		super.resetBuffer();
		if (this.body != null) {
			try {
				this.body = this.body.restart();
			}
			catch (IOException unwritable) {
				throw new UncheckedIOException(unwritable);
			}
		}
	}

	/**
	 * The end of the request's dispatch: a gzipped answer gets its trailer; one whose
	 * dispatch failed only gives its deflater back (the container answers or drops the
	 * connection).
	 */
	void endOfDispatch(boolean completed) throws IOException {
		if (this.body == null) {
			return;
		}
		try {
			if (completed) {
				this.body.gzip.finish();
			}
		}
		finally {
			this.body.gzip.end();
		}
	}

	private void drop() {
		if (this.body != null) {
			this.body.gzip.end();
			this.body = null;
		}
	}

	private boolean isCompressibleJson() {
		int status = getStatus();
		return JsonAnswers.isJson(getContentType()) && !this.request.isAsyncStarted() && !isCommitted()
				&& !containsHeader(HttpHeaders.CONTENT_ENCODING) && !containsHeader(HttpHeaders.CONTENT_LENGTH)
				&& status != SC_NO_CONTENT && status != SC_NOT_MODIFIED && status != SC_PARTIAL_CONTENT
				&& !"HEAD".equalsIgnoreCase(this.request.getMethod());
	}

	private boolean varies() {
		return getHeaders(HttpHeaders.VARY).stream()
			.anyMatch(value -> value.toLowerCase(Locale.ROOT).contains("accept-encoding") || value.contains("*"));
	}

	/**
	 * The servlet stream over a gzip stream over the container's stream. A flush passes
	 * on what is compressed so far and leaves zlib's window alone (no sync flush).
	 */
	private static final class GzipBody extends ForwardingOutputStream {

		private final FastGzip gzip;

		GzipBody(ServletOutputStream out) throws IOException {
			super(out);
			this.gzip = new FastGzip(out);
		}

		GzipBody restart() throws IOException {
			this.gzip.end();
			return new GzipBody(this.out);
		}

		@Override
		public void write(int b) throws IOException {
			this.gzip.write(b);
		}

		@Override
		public void write(byte[] bytes, int offset, int length) throws IOException {
			this.gzip.write(bytes, offset, length);
		}

		@Override
		public void close() throws IOException {
			this.gzip.finish();
			this.out.close();
		}

	}

	/** gzip at {@link Deflater#BEST_SPEED}; finishing twice writes one trailer. */
	private static final class FastGzip extends GZIPOutputStream {

		private boolean finished;

		private boolean ended;

		FastGzip(OutputStream out) throws IOException {
			super(out, 64 * 1024);
			this.def.setLevel(Deflater.BEST_SPEED);
		}

		@Override
		public void finish() throws IOException {
			if (!this.finished && !this.ended) {
				this.finished = true;
				super.finish();
			}
		}

		void end() {
			if (!this.ended) {
				this.ended = true;
				this.def.end();
			}
		}

	}

}
