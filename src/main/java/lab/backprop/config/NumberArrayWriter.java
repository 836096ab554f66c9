package lab.backprop.config;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.io.SerializedString;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.core.json.UTF8JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * Writes a {@code double[]} (and so every row of a {@code double[][]}) as Jackson does,
 * byte for byte, but with each number's digits rendered straight into the generator's
 * output buffer ({@link ShortestDoubleText}) rather than through a {@code String} and a
 * char-by-char copy: that detour was most of the time of a 20 MB /train-step answer.
 * Non-finite numbers, and generators other than Jackson's UTF-8 one with the fast double
 * writer on, take Jackson's own path. Matrices: {@link MatrixWriter}.
 */
final class NumberArrayWriter extends StdSerializer<double[]> {

	NumberArrayWriter() {
		super(double[].class);
	}

	static SimpleModule module() {
		NumberArrayWriter rows = new NumberArrayWriter();
		return new SimpleModule("number-array-writer").addSerializer(double[].class, rows)
			.addSerializer(double[][].class, new MatrixWriter(rows));
	}

	@Override
	public boolean isEmpty(SerializationContext context, double[] values) {
		return values.length == 0;
	}

	@Override
	public void serialize(double[] values, JsonGenerator generator, SerializationContext context) {
		if (!writesBytesAsJacksonWould(generator)) {
			generator.writeArray(values, 0, values.length);
			return;
		}
		if (generator.getPrettyPrinter() == null && allFinite(values)) {
			byte[] text = new byte[textCapacity(values.length)];
			generator.writeRawValue(new RawText(text, render(values, text, new ShortestDoubleText())));
			return;
		}
		NumberText text = new NumberText();
		generator.writeStartArray(values, values.length);
		for (double value : values) {
			if (Double.isFinite(value)) {
				text.value = value;
				generator.writeRawValue(text);
			}
			else {
				generator.writeNumber(value);
			}
		}
		generator.writeEndArray();
	}

	/**
	 * Writes {@code [a,b,...]} for finite {@code values} into {@code to} from 0, the text
	 * Jackson writes for them without a pretty printer; answers its length.
	 */
	static int render(double[] values, byte[] to, ShortestDoubleText digits) {
		int at = 0;
		to[at++] = '[';
		for (int i = 0; i < values.length; i++) {
			if (i > 0) {
				to[at++] = ',';
			}
			at = digits.write(values[i], to, at);
		}
		to[at++] = ']';
		return at;
	}

	/** The room {@link #render} needs for {@code count} numbers. */
	static int textCapacity(int count) {
		return 2 + count * (ShortestDoubleText.MAX_LENGTH + 1);
	}

	static boolean allFinite(double[] values) {
		for (double value : values) {
			if (!Double.isFinite(value)) {
				return false;
			}
		}
		return true;
	}

	static boolean writesBytesAsJacksonWould(JsonGenerator generator) {
		return generator instanceof UTF8JsonGenerator utf8 && utf8.isEnabled(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
				&& !utf8.isEnabled(JsonWriteFeature.WRITE_NUMBERS_AS_STRINGS);
	}

	/**
	 * One finite number as raw JSON: the generator asks it to append its bytes to the
	 * output buffer, or (when fewer than {@link ShortestDoubleText#MAX_LENGTH} bytes are
	 * left) for them as an array.
	 */
	private static final class NumberText extends RawJson {

		private final ShortestDoubleText digits = new ShortestDoubleText();

		private double value;

		@Override
		public int appendUnquotedUTF8(byte[] buffer, int offset) {
			if (buffer.length - offset < ShortestDoubleText.MAX_LENGTH) {
				return -1;
			}
			return this.digits.write(this.value, buffer, offset) - offset;
		}

		@Override
		public byte[] asUnquotedUTF8() {
			byte[] bytes = new byte[ShortestDoubleText.MAX_LENGTH];
			return Arrays.copyOf(bytes, this.digits.write(this.value, bytes, 0));
		}

	}

	/** JSON text already rendered, as ASCII bytes: the first {@code length} of them. */
	static final class RawText extends RawJson {

		private final byte[] bytes;

		private final int length;

		RawText(byte[] bytes) {
			this(bytes, bytes.length);
		}

		RawText(byte[] bytes, int length) {
			this.bytes = bytes;
			this.length = length;
		}

		@Override
		public int appendUnquotedUTF8(byte[] buffer, int offset) {
			if (buffer.length - offset < this.length) {
				return -1;
			}
			System.arraycopy(this.bytes, 0, buffer, offset, this.length);
			return this.length;
		}

		@Override
		public byte[] asUnquotedUTF8() {
			return this.length == this.bytes.length ? this.bytes : Arrays.copyOf(this.bytes, this.length);
		}

	}

	/**
	 * Raw JSON for {@code writeRawValue}, which asks only for the unquoted UTF-8 bytes;
	 * the other forms are derived from them.
	 */
	abstract static class RawJson implements SerializableString {

		@Override
		public String getValue() {
			return new String(asUnquotedUTF8(), StandardCharsets.US_ASCII);
		}

		@Override
		public int charLength() {
			return asUnquotedUTF8().length;
		}

		@Override
		public int appendUnquoted(char[] buffer, int offset) {
			return text().appendUnquoted(buffer, offset);
		}

		@Override
		public int writeUnquotedUTF8(OutputStream out) throws IOException {
			return text().writeUnquotedUTF8(out);
		}

		@Override
		public int putUnquotedUTF8(ByteBuffer buffer) throws IOException {
			return text().putUnquotedUTF8(buffer);
		}

		@Override
		public char[] asQuotedChars() {
			return text().asQuotedChars();
		}

		@Override
		public byte[] asQuotedUTF8() {
			return text().asQuotedUTF8();
		}

		@Override
		public int appendQuotedUTF8(byte[] buffer, int offset) {
			return text().appendQuotedUTF8(buffer, offset);
		}

		@Override
		public int appendQuoted(char[] buffer, int offset) {
			return text().appendQuoted(buffer, offset);
		}

		@Override
		public int writeQuotedUTF8(OutputStream out) throws IOException {
			return text().writeQuotedUTF8(out);
		}

		@Override
		public int putQuotedUTF8(ByteBuffer buffer) throws IOException {
			return text().putQuotedUTF8(buffer);
		}

		private SerializedString text() {
			return new SerializedString(getValue());
		}

	}

}
