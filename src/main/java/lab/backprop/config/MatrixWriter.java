package lab.backprop.config;

import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicIntegerArray;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * Writes a {@code double[][]} as Jackson does, byte for byte. A large matrix (a 784 × 256
 * layer's weights, gradients and Adam moments in a /train-step answer) is rendered by two
 * threads at once: this one from the first row on, a pool thread (the common fork-join
 * pool) from the last row back, until they meet. Small matrices and anything with a
 * non-finite number or a null row are written row by row by {@link NumberArrayWriter}.
 */
final class MatrixWriter extends StdSerializer<double[][]> {

	/**
	 * Below this many numbers, handing work to another thread costs more than it saves.
	 */
	static final int PARALLEL_FROM = 16_384;

	private final NumberArrayWriter rows;

	MatrixWriter(NumberArrayWriter rows) {
		super(double[][].class);
		this.rows = rows;
	}

	@Override
	public boolean isEmpty(SerializationContext context, double[][] matrix) {
		return matrix.length == 0;
	}

	@Override
	public void serialize(double[][] matrix, JsonGenerator generator, SerializationContext context) {
		generator.writeStartArray(matrix, matrix.length);
		if (inParallel(matrix, generator)) {
			writeSharing(matrix, generator);
		}
		else {
			for (double[] row : matrix) {
				if (row == null) {
					context.defaultSerializeNullValue(generator);
				}
				else {
					this.rows.serialize(row, generator, context);
				}
			}
		}
		generator.writeEndArray();
	}

	/**
	 * This thread writes rows from the first on while a pool thread renders rows from the
	 * last back; each row goes to whichever thread claims it first, so the split follows
	 * how fast each thread is (this one also does the socket's writing). Where this
	 * thread meets a row the pool thread has claimed, the rest is the pool thread's: it
	 * waits for their text and writes it.
	 */
	private static void writeSharing(double[][] matrix, JsonGenerator generator) {
		SharedRows shared = new SharedRows(matrix);
		ForkJoinPool.commonPool().execute(shared::renderFromTheBack);
		byte[] scratch = new byte[NumberArrayWriter.textCapacity(widest(matrix))];
		ShortestDoubleText digits = new ShortestDoubleText();
		int row = 0;
		while (row < matrix.length && shared.claim(row)) {
			generator.writeRawValue(
					new NumberArrayWriter.RawText(scratch, NumberArrayWriter.render(matrix[row], scratch, digits)));
			row++;
		}
		if (row == matrix.length) {
			return; // the pool thread had not started: all rows were this thread's
		}
		byte[][] texts = shared.texts();
		for (; row < matrix.length; row++) {
			generator.writeRawValue(new NumberArrayWriter.RawText(texts[row]));
		}
	}

	private static int widest(double[][] matrix) {
		int widest = 0;
		for (double[] row : matrix) {
			widest = Math.max(widest, row.length);
		}
		return widest;
	}

	static boolean inParallel(double[][] matrix, JsonGenerator generator) {
		if (matrix.length < 2 || generator.getPrettyPrinter() != null
				|| !NumberArrayWriter.writesBytesAsJacksonWould(generator)) {
			return false;
		}
		long count = 0;
		for (double[] row : matrix) {
			if (row == null) {
				return false;
			}
			for (double value : row) {
				if (!Double.isFinite(value)) {
					return false;
				}
			}
			count += row.length;
		}
		return count >= PARALLEL_FROM;
	}

	/**
	 * The rows of a matrix, each claimed once by one of two threads; the pool thread's
	 * rows (a run at the end) are rendered into {@link #texts()}.
	 */
	private static final class SharedRows {

		private final double[][] matrix;

		private final AtomicIntegerArray claimed;

		private final byte[][] texts;

		private final CompletableFuture<byte[][]> done = new CompletableFuture<>();

		SharedRows(double[][] matrix) {
			this.matrix = matrix;
			this.claimed = new AtomicIntegerArray(matrix.length);
			this.texts = new byte[matrix.length][];
		}

		boolean claim(int row) {
			return this.claimed.compareAndSet(row, 0, 1);
		}

		void renderFromTheBack() {
			try {
				ShortestDoubleText digits = new ShortestDoubleText();
				byte[] scratch = new byte[NumberArrayWriter.textCapacity(widest(this.matrix))];
				for (int row = this.matrix.length - 1; row >= 0 && claim(row); row--) {
					this.texts[row] = Arrays.copyOf(scratch,
							NumberArrayWriter.render(this.matrix[row], scratch, digits));
				}
				this.done.complete(this.texts);
			}
			catch (RuntimeException | Error failure) {
				this.done.completeExceptionally(failure);
			}
		}

		/** The pool thread's texts, once it has stopped (it has claimed a row). */
		byte[][] texts() {
			return this.done.join();
		}

	}

}
