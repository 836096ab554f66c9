package lab.backprop.system.compression;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.http.HttpHeaders;

/**
 * The answer of a request that accepts gzip: its first {@link #THRESHOLD} bytes are held;
 * a JSON answer that grows past them is gzipped at zlib's fastest level, one that ends
 * before is sent plain with its Content-Length (which keeps Tomcat from compressing it),
 * and anything else is passed on unchanged as soon as it is flushed or grows.
 */
final class GzipResponse extends HttpServletResponseWrapper {

	/** Tomcat's threshold here (server.compression.min-response-size). */
	static final int THRESHOLD = 64 * 1024;

	private final HttpServletRequest request;

	private Body body;

	GzipResponse(HttpServletRequest request, HttpServletResponse response) {
		super(response);
		this.request = request;
	}

	@Override
	public ServletOutputStream getOutputStream() throws IOException {
		if (this.body == null) {
			this.body = new Body(super.getOutputStream());
		}
		return this.body;
	}

	/** Spring flushes the buffer after each answer: a held answer waits for its end. */
	@Override
	public void flushBuffer() throws IOException {
		if (this.body != null) {
			this.body.flush();
		}
		if (this.body == null || !this.body.holds()) {
			super.flushBuffer();
		}
	}

	@Override
	public void reset() {
		discard();
		super.reset();
	}

	@Override
	public void resetBuffer() {
		discard();
		super.resetBuffer();
	}

	/**
	 * The end of the request's dispatch: the answer is complete unless the request went
	 * asynchronous (then what is held is passed on) or failed (the container answers).
	 */
	void endOfDispatch(boolean completed) throws IOException {
		if (this.body == null) {
			return;
		}
		if (this.request.isAsyncStarted()) {
			this.body.passOn();
		}
		else if (completed) {
			this.body.finish();
		}
		else {
			this.body.release();
		}
	}

	private void discard() {
		if (this.body != null) {
			this.body.release();
			this.body = null;
		}
	}

	private boolean isLargeJson() {
		String type = getContentType();
		return type != null && (type.startsWith("application/json") || type.startsWith("application/problem+json"))
				&& !containsHeader(HttpHeaders.CONTENT_ENCODING) && !containsHeader(HttpHeaders.CONTENT_LENGTH)
				&& !isCommitted() && getStatus() != SC_NO_CONTENT && getStatus() != SC_NOT_MODIFIED
				&& getStatus() != SC_PARTIAL_CONTENT;
	}

	private void markGzipped() {
		setHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
		boolean varies = getHeaders(HttpHeaders.VARY).stream()
			.anyMatch(value -> value.toLowerCase(java.util.Locale.ROOT).contains("accept-encoding")
					|| value.contains("*"));
		if (!varies) {
			addHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
		}
	}

	private final class Body extends ServletOutputStream {

		private final ServletOutputStream out;

		private ByteArrayOutputStream held = new ByteArrayOutputStream(8192);

		private FastGzip gzip;

		private boolean finished;

		Body(ServletOutputStream out) {
			this.out = out;
		}

		@Override
		public void write(int b) throws IOException {
			write(new byte[] { (byte) b }, 0, 1);
		}

		@Override
		public void write(byte[] bytes, int offset, int length) throws IOException {
			if (this.held != null) {
				if (this.held.size() + length <= THRESHOLD) {
					this.held.write(bytes, offset, length);
					return;
				}
				if (isLargeJson()) {
					markGzipped();
					this.gzip = new FastGzip(this.out);
				}
				release(this.held);
			}
			target().write(bytes, offset, length);
		}

		@Override
		public void flush() throws IOException {
			if (this.held != null && !GzipResponse.this.request.isAsyncStarted()) {
				return; // held to the end of the dispatch: a small answer goes out with
						// its length
			}
			passOn();
			target().flush();
		}

		@Override
		public void close() throws IOException {
			finish();
			this.out.close();
		}

		@Override
		public boolean isReady() {
			return this.out.isReady();
		}

		@Override
		public void setWriteListener(WriteListener listener) {
			this.out.setWriteListener(listener);
		}

		boolean holds() {
			return this.held != null;
		}

		/** Sends what is held as it is, and everything after it. */
		void passOn() throws IOException {
			if (this.held != null) {
				release(this.held);
			}
		}

		void finish() throws IOException {
			if (this.finished) {
				return;
			}
			this.finished = true;
			if (this.held != null) {
				if (!isCommitted()) {
					setContentLength(this.held.size());
				}
				release(this.held);
			}
			if (this.gzip != null) {
				this.gzip.finish();
				this.gzip.release();
			}
		}

		void release() {
			this.held = null;
			if (this.gzip != null) {
				this.gzip.release();
			}
		}

		private void release(ByteArrayOutputStream bytes) throws IOException {
			this.held = null;
			bytes.writeTo(target());
		}

		private OutputStream target() {
			return (this.gzip != null) ? this.gzip : this.out;
		}

	}

	/** gzip at {@link Deflater#BEST_SPEED}. */
	private static final class FastGzip extends GZIPOutputStream {

		FastGzip(OutputStream out) throws IOException {
			super(out, 64 * 1024);
			this.def.setLevel(Deflater.BEST_SPEED);
		}

		void release() {
			this.def.end();
		}

	}

}
