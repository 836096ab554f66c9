package lab.backprop.request;

import java.io.InputStream;

import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.internal.shaded.fdp.JavaDoubleParser;
import tools.jackson.core.io.IOContext;
import tools.jackson.core.json.UTF8StreamJsonParser;
import tools.jackson.core.sym.ByteQuadsCanonicalizer;

/**
 * Jackson's UTF-8 parser with one shortcut for {@link NumberArrayDeserializer}: the next
 * number of an array is scanned in the input buffer and converted from its bytes, rather
 * than copied char by char into the text buffer and parsed from there (that copy was most
 * of the time of reading a 5 MB body of numbers). Only a number that is plainly well
 * formed and lies whole in the buffer, after spaces and a comma, takes the shortcut;
 * anything else (a malformed or non-finite number, a line break, the end of the buffer,
 * any other token) goes through Jackson's own {@code nextToken()}, so errors and their
 * locations stay Jackson's. The token left behind is the one Jackson would leave: the
 * same type, text, location and (for a decimal) the same double, from the same
 * FastDoubleParser Jackson uses.
 */
public final class NumberArrayParser extends UTF8StreamJsonParser {

	/** Longer numbers take Jackson's way (its text buffer grows segment by segment). */
	private static final int MAX_SHORTCUT_LENGTH = 64;

	NumberArrayParser(ObjectReadContext readContext, IOContext ioContext, int streamReadFeatures,
			int formatReadFeatures, InputStream in, ByteQuadsCanonicalizer symbols, byte[] buffer, int start, int end,
			boolean bufferRecyclable) {
		super(readContext, ioContext, streamReadFeatures, formatReadFeatures, in, symbols, buffer, start, end, 0,
				bufferRecyclable);
	}

	/**
	 * The next token, inside an array: the same as {@link #nextToken()}, quicker for a
	 * number.
	 */
	JsonToken nextInArray() {
		if (this._currToken == JsonToken.PROPERTY_NAME || this._tokenIncomplete || !this._streamReadContext.inArray()) {
			return nextToken();
		}
		byte[] buffer = this._inputBuffer;
		int end = this._inputEnd;
		int at = skipBlanks(buffer, this._inputPtr, end);
		boolean comma = this._streamReadContext.hasCurrentIndex();
		if (comma) {
			if (at >= end || buffer[at] != ',') {
				return nextToken();
			}
			at = skipBlanks(buffer, at + 1, end);
		}
		int start = at;
		if (at < end && buffer[at] == '-') {
			at++;
		}
		int integerStart = at;
		at = skipDigits(buffer, at, end);
		int integerLength = at - integerStart;
		if (integerLength == 0 || at >= end || (integerLength > 1 && buffer[integerStart] == '0')) {
			return nextToken();
		}
		int fractionLength = 0;
		if (buffer[at] == '.') {
			int fractionStart = at + 1;
			at = skipDigits(buffer, fractionStart, end);
			fractionLength = at - fractionStart;
			if (fractionLength == 0 || at >= end) {
				return nextToken();
			}
		}
		int exponentLength = 0;
		if ((buffer[at] | 0x20) == 'e') {
			at++;
			if (at < end && (buffer[at] == '-' || buffer[at] == '+')) {
				at++;
			}
			int exponentStart = at;
			at = skipDigits(buffer, exponentStart, end);
			exponentLength = at - exponentStart;
			if (exponentLength == 0 || at >= end) {
				return nextToken();
			}
		}
		int length = at - start;
		if (!endsNumber(buffer[at]) || length > MAX_SHORTCUT_LENGTH) {
			return nextToken();
		}
		boolean decimal = fractionLength > 0 || exponentLength > 0;
		double value = decimal ? JavaDoubleParser.parseDouble(buffer, start, length) : 0;
		if (decimal && !Double.isFinite(value)) {
			return nextToken();
		}
		return number(buffer, start, length, integerStart > start, integerLength, fractionLength, exponentLength,
				value);
	}

	/**
	 * Leaves the state {@code nextToken()} would leave for the number at {@code start}.
	 */
	private JsonToken number(byte[] buffer, int start, int length, boolean negative, int integerLength,
			int fractionLength, int exponentLength, double value) {
		this._numTypesValid = NR_UNKNOWN;
		this._binaryValue = null;
		this._streamReadContext.expectComma();
		this._tokenInputRow = this._currInputRow;
		this._tokenInputTotal = this._currInputProcessed + start + 1;
		this._tokenInputCol = start + 1 - this._currInputRowStart;
		char[] text = this._textBuffer.emptyAndGetCurrentSegment();
		if (text.length < length) {
			text = this._textBuffer.expandCurrentSegment(length);
		}
		for (int i = 0; i < length; i++) {
			text[i] = (char) buffer[start + i];
		}
		this._textBuffer.setCurrentLength(length);
		this._inputPtr = start + length;
		if (fractionLength == 0 && exponentLength == 0) {
			return _updateToken(resetInt(negative, integerLength));
		}
		JsonToken token = resetFloat(negative, integerLength, fractionLength, exponentLength);
		this._numberDouble = value;
		this._numTypesValid = NR_DOUBLE;
		return _updateToken(token);
	}

	private static int skipBlanks(byte[] buffer, int at, int end) {
		while (at < end && (buffer[at] == ' ' || buffer[at] == '\t')) {
			at++;
		}
		return at;
	}

	private static int skipDigits(byte[] buffer, int at, int end) {
		while (at < end && buffer[at] >= '0' && buffer[at] <= '9') {
			at++;
		}
		return at;
	}

	private static boolean endsNumber(byte b) {
		return b == ',' || b == ']' || b == ' ' || b == '\t' || b == '\n' || b == '\r';
	}

}
