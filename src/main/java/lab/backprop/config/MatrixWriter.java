package lab.backprop.config;

import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicBoolean;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * Writes a {@code double[][]} as Jackson does, byte for byte. A large matrix (a 784 × 256
 * layer's weights, gradients and Adam moments in a /train-step answer) has the text of
 * its second half of rows rendered on another core (the common fork-join pool) while this
 * thread writes the first half; if no pool thread has taken that work by then, this
 * thread renders it itself. Small matrices and anything with a non-finite number or a
 * null row are written row by row by {@link NumberArrayWriter}.
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
		int half = inParallel(matrix, generator) ? matrix.length / 2 : matrix.length;
		RenderedRows secondHalf = null;
		if (half < matrix.length) {
			secondHalf = new RenderedRows(matrix, half);
			ForkJoinPool.commonPool().execute(secondHalf::renderUnlessTaken);
		}
		for (int i = 0; i < half; i++) {
			if (matrix[i] == null) {
				context.defaultSerializeNullValue(generator);
			}
			else {
				this.rows.serialize(matrix[i], generator, context);
			}
		}
		if (secondHalf != null) {
			for (byte[] text : secondHalf.texts()) {
				generator.writeRawValue(new NumberArrayWriter.RawText(text));
			}
		}
		generator.writeEndArray();
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

	/** The JSON text of rows {@code from} to the end, each as {@code [a,b,...]}. */
	private static final class RenderedRows {

		private final double[][] matrix;

		private final int from;

		private final AtomicBoolean taken = new AtomicBoolean();

		private final CompletableFuture<byte[][]> texts = new CompletableFuture<>();

		RenderedRows(double[][] matrix, int from) {
			this.matrix = matrix;
			this.from = from;
		}

		void renderUnlessTaken() {
			if (this.taken.compareAndSet(false, true)) {
				try {
					this.texts.complete(render());
				}
				catch (RuntimeException | Error failure) {
					this.texts.completeExceptionally(failure);
				}
			}
		}

		byte[][] texts() {
			renderUnlessTaken();
			return this.texts.join();
		}

		private byte[][] render() {
			ShortestDoubleText digits = new ShortestDoubleText();
			int widest = 0;
			for (int i = this.from; i < this.matrix.length; i++) {
				widest = Math.max(widest, this.matrix[i].length);
			}
			byte[] scratch = new byte[2 + widest * (ShortestDoubleText.MAX_LENGTH + 1)];
			byte[][] texts = new byte[this.matrix.length - this.from][];
			for (int i = this.from; i < this.matrix.length; i++) {
				double[] row = this.matrix[i];
				int at = 0;
				scratch[at++] = '[';
				for (int j = 0; j < row.length; j++) {
					if (j > 0) {
						scratch[at++] = ',';
					}
					at = digits.write(row[j], scratch, at);
				}
				scratch[at++] = ']';
				texts[i - this.from] = Arrays.copyOf(scratch, at);
			}
			return texts;
		}

	}

}
