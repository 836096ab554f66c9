package lab.backprop.bench;

import java.io.OutputStream;

/** Counts the bytes of an answer, as a socket would take them, and keeps none. */
public final class CountingOutputStream extends OutputStream {

	private long count;

	public long count() {
		return count;
	}

	@Override
	public void write(int b) {
		count++;
	}

	@Override
	public void write(byte[] b, int off, int len) {
		count += len;
	}

}
