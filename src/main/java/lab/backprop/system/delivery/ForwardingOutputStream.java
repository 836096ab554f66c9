package lab.backprop.system.delivery;

import java.io.IOException;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;

/**
 * A servlet stream that hands everything on to the container's; subclasses change what
 * they must.
 */
class ForwardingOutputStream extends ServletOutputStream {

	protected final ServletOutputStream out;

	ForwardingOutputStream(ServletOutputStream out) {
		this.out = out;
	}

	@Override
	public void write(int b) throws IOException {
		this.out.write(b);
	}

	@Override
	public void write(byte[] bytes, int offset, int length) throws IOException {
		this.out.write(bytes, offset, length);
	}

	@Override
	public void flush() throws IOException {
		this.out.flush();
	}

	@Override
	public void close() throws IOException {
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

}
