package lab.backprop.request;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.Arrays;

import tools.jackson.core.JsonEncoding;
import tools.jackson.core.JsonParser;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.core.io.IOContext;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonFactoryBuilder;

/**
 * Jackson's JSON factory, except that a body read from a stream of UTF-8 bytes gets a
 * {@link NumberArrayParser}. The encoding is told apart as Jackson's bootstrapper does it
 * (a byte-order mark or a zero byte among the first four marks UTF-16 or UTF-32);
 * whatever is not plainly UTF-8 without a mark goes to Jackson's own factory method,
 * which reads the same bytes.
 */
public final class NumberArrayJsonFactory extends JsonFactory {

	private static final long serialVersionUID = 1L;

	public NumberArrayJsonFactory(JsonFactoryBuilder builder) {
		super(builder);
	}

	private NumberArrayJsonFactory(NumberArrayJsonFactory source) {
		super(source);
	}

	@Override
	public JsonFactory copy() {
		return new NumberArrayJsonFactory(this);
	}

	@Override
	protected JsonParser _createParser(ObjectReadContext readContext, IOContext ioContext, InputStream in) {
		if (!JsonFactory.Feature.CANONICALIZE_PROPERTY_NAMES.enabledIn(this._factoryFeatures)) {
			return super._createParser(readContext, ioContext, in);
		}
		byte[] buffer = ioContext.allocReadIOBuffer();
		int length = readStart(in, buffer, ioContext);
		if (!plainUtf8(buffer, length)) {
			byte[] start = Arrays.copyOf(buffer, length);
			ioContext.releaseReadIOBuffer(buffer);
			return super._createParser(readContext, ioContext,
					new SequenceInputStream(new ByteArrayInputStream(start), in));
		}
		ioContext.setEncoding(JsonEncoding.UTF8);
		return new NumberArrayParser(readContext, ioContext,
				readContext.getStreamReadFeatures(this._streamReadFeatures),
				readContext.getFormatReadFeatures(this._formatReadFeatures), in,
				this._byteSymbolCanonicalizer.makeChild(this._factoryFeatures), buffer, 0, length, true);
	}

	/** Reads until the first four bytes are in (fewer only at the end of the input). */
	private static int readStart(InputStream in, byte[] buffer, IOContext ioContext) {
		int length = 0;
		try {
			while (length < 4) {
				int count = in.read(buffer, length, buffer.length - length);
				if (count < 0) {
					break;
				}
				length += count;
			}
		}
		catch (IOException e) {
			ioContext.releaseReadIOBuffer(buffer);
			throw JacksonIOException.construct(e);
		}
		return length;
	}

	/**
	 * Whether Jackson's bootstrapper would read these first bytes as UTF-8 without a
	 * byte-order mark: four of them, none zero, the first not the start of a mark.
	 */
	static boolean plainUtf8(byte[] buffer, int length) {
		if (length < 4) {
			return false;
		}
		int first = buffer[0] & 0xFF;
		if (first == 0xEF || first == 0xFE || first == 0xFF) {
			return false;
		}
		for (int i = 0; i < 4; i++) {
			if (buffer[i] == 0) {
				return false;
			}
		}
		return true;
	}

}
