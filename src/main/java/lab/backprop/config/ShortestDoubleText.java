/*
 * Copyright 2018-2020 Raffaello Giulietti
 *
 * Permission is hereby granted, free of charge, to any person obtaining a copy
 * of this software and associated documentation files (the "Software"), to deal
 * in the Software without restriction, including without limitation the rights
 * to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
 * copies of the Software, and to permit persons to whom the Software is
 * furnished to do so, subject to the following conditions:
 *
 * The above copyright notice and this permission notice shall be included in
 * all copies or substantial portions of the Software.
 *
 * THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
 * IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
 * FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
 * AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
 * LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
 * OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN
 * THE SOFTWARE.
 */
package lab.backprop.config;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

import static java.lang.Double.doubleToRawLongBits;
import static java.lang.Long.numberOfLeadingZeros;
import static java.lang.Math.multiplyHigh;
import static tools.jackson.core.io.schubfach.MathUtils.flog10pow2;
import static tools.jackson.core.io.schubfach.MathUtils.flog10threeQuartersPow2;
import static tools.jackson.core.io.schubfach.MathUtils.flog2pow10;
import static tools.jackson.core.io.schubfach.MathUtils.g0;
import static tools.jackson.core.io.schubfach.MathUtils.g1;
import static tools.jackson.core.io.schubfach.MathUtils.pow10;

/**
 * The text Jackson writes for a finite double with
 * {@code StreamWriteFeature.USE_FAST_DOUBLE_WRITER} (Raffaello Giulietti's Schubfach: the
 * shortest decimal that reads back as the same double), written as ASCII bytes straight
 * into a caller's buffer instead of through a new {@code String} per number. A port of
 * jackson-core 3.1.4's {@code tools.jackson.core.io.schubfach.DoubleToDecimal} (MIT
 * license above; its tables, {@code MathUtils}, are used as they are), changed only where
 * it writes; {@code ShortestDoubleTextTest} compares the two on millions of doubles. Over
 * 250 lines because the algorithm is one piece.
 */
final class ShortestDoubleText {

	/** The longest text: {@code -d.ddddddddddddddddE-eee}. */
	static final int MAX_LENGTH = 24;

	private static final int P = 53;

	private static final int W = (Double.SIZE - 1) - (P - 1);

	private static final int Q_MIN = (-1 << W - 1) - P + 3;

	private static final long C_TINY = 3;

	private static final int H = 17;

	private static final long C_MIN = 1L << P - 1;

	private static final int BQ_MASK = (1 << W) - 1;

	private static final long T_MASK = (1L << P - 1) - 1;

	private static final long MASK_63 = (1L << 63) - 1;

	private static final VarHandle LITTLE_ENDIAN_LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
			ByteOrder.LITTLE_ENDIAN);

	/**
	 * Writes the text of the finite {@code v} (at most {@link #MAX_LENGTH} bytes) into
	 * {@code to} from {@code at}; answers the index after its last byte. The position is
	 * passed along in locals rather than kept in fields, so that it stays in a register.
	 */
	int write(double v, byte[] to, int at) {
		long bits = doubleToRawLongBits(v);
		long t = bits & T_MASK;
		int bq = (int) (bits >>> P - 1) & BQ_MASK;
		if (bq == BQ_MASK) {
			throw new IllegalArgumentException("not a finite double: " + v);
		}
		if (bits < 0) {
			to[at++] = '-';
		}
		if (bq != 0) {
			int mq = -Q_MIN + 1 - bq;
			long c = C_MIN | t;
			if (0 < mq & mq < P) {
				long f = c >> mq;
				if (f << mq == c) {
					return toChars(f, 0, to, at);
				}
			}
			return toDecimal(-mq, c, 0, to, at);
		}
		if (t != 0) {
			return t < C_TINY ? toDecimal(Q_MIN, 10 * t, -1, to, at) : toDecimal(Q_MIN, t, 0, to, at);
		}
		to[at] = '0';
		to[at + 1] = '.';
		to[at + 2] = '0';
		return at + 3;
	}

	private static int toDecimal(int q, long c, int dk, byte[] to, int at) {
		int out = (int) c & 0x1;
		long cb = c << 2;
		long cbr = cb + 2;
		long cbl;
		int k;
		if (c != C_MIN | q == Q_MIN) {
			cbl = cb - 2;
			k = flog10pow2(q);
		}
		else {
			cbl = cb - 1;
			k = flog10threeQuartersPow2(q);
		}
		int h = q + flog2pow10(-k) + 2;
		long g1 = g1(k);
		long g0 = g0(k);
		long vb = rop(g1, g0, cb << h);
		long vbl = rop(g1, g0, cbl << h);
		long vbr = rop(g1, g0, cbr << h);
		long s = vb >> 2;
		if (s >= 100) {
			long sp10 = 10 * multiplyHigh(s, 115_292_150_460_684_698L << 4);
			long tp10 = sp10 + 10;
			boolean upin = vbl + out <= sp10 << 2;
			boolean wpin = (tp10 << 2) + out <= vbr;
			if (upin != wpin) {
				return toChars(upin ? sp10 : tp10, k, to, at);
			}
		}
		long t = s + 1;
		boolean uin = vbl + out <= s << 2;
		boolean win = (t << 2) + out <= vbr;
		if (uin != win) {
			return toChars(uin ? s : t, k + dk, to, at);
		}
		long cmp = vb - (s + t << 1);
		return toChars(cmp < 0 || cmp == 0 && (s & 0x1) == 0 ? s : t, k + dk, to, at);
	}

	private static long rop(long g1, long g0, long cp) {
		long x1 = multiplyHigh(g0, cp);
		long y0 = g1 * cp;
		long y1 = multiplyHigh(g1, cp);
		long z = (y0 >>> 1) + x1;
		long vbp = y1 + (z >>> 63);
		return vbp | (z & MASK_63) + MASK_63 >>> 63;
	}

	private static int toChars(long f, int e, byte[] to, int at) {
		int len = flog10pow2(Long.SIZE - numberOfLeadingZeros(f));
		if (f >= pow10(len)) {
			len += 1;
		}
		f *= pow10(H - len);
		e += len;
		long hm = multiplyHigh(f, 193_428_131_138_340_668L) >>> 20;
		int l = (int) (f - 100_000_000L * hm);
		int h = (int) (hm * 1_441_151_881L >>> 57);
		int m = (int) (hm - 100_000_000 * h);
		if (0 < e && e <= 7) {
			return toChars1(h, m, l, e, to, at);
		}
		if (-3 < e && e <= 0) {
			return toChars2(h, m, l, e, to, at);
		}
		return toChars3(h, m, l, e, to, at);
	}

	/** 0 < e <= 7: plain, without leading zeroes. */
	private static int toChars1(int h, int m, int l, int e, byte[] to, int first) {
		int lastNonZero = digits(h, m, l, to, first);
		int last = first + (l == 0 ? 8 : 16);
		System.arraycopy(to, first + e, to, first + e + 1, last - (first + e) + 1);
		to[first + e] = '.';
		return lastNonZero < first + e ? first + e + 2 : lastNonZero + 2;
	}

	/** -3 < e <= 0: plain, with leading zeroes. */
	private static int toChars2(int h, int m, int l, int e, byte[] to, int at) {
		to[at++] = '0';
		to[at++] = '.';
		for (; e < 0; ++e) {
			to[at++] = '0';
		}
		return digits(h, m, l, to, at) + 1;
	}

	/** Computerized scientific notation. */
	private static int toChars3(int h, int m, int l, int e, byte[] to, int first) {
		int lastNonZero = digits(h, m, l, to, first + 1);
		to[first] = to[first + 1];
		to[first + 1] = '.';
		return exponent(e - 1, to, lastNonZero == first + 1 ? first + 3 : lastNonZero + 1);
	}

	/**
	 * Writes the digit h (never 0) and the eight digits of m and of l from {@code at}
	 * (those of l only when not all zero); answers the index of the last digit that is
	 * not 0, counted from the digits' values rather than read back from the buffer.
	 */
	private static int digits(int h, int m, int l, byte[] to, int at) {
		to[at] = (byte) ('0' + h);
		long high = eightDigits(to, at + 1, m);
		if (l == 0) {
			return at + 8 - trailingZeroDigits(high);
		}
		return at + 16 - trailingZeroDigits(eightDigits(to, at + 9, l));
	}

	/**
	 * The zero digits at the end of eight digits given as byte values, last digit in the
	 * highest byte (all eight when they are all zero).
	 */
	private static int trailingZeroDigits(long digits) {
		return Long.numberOfLeadingZeros(digits) >>> 3;
	}

	/**
	 * The eight decimal digits of {@code value} (below 10⁸), first digit first, as one
	 * little-endian long of ASCII bytes: split into two halves of four digits, pairs,
	 * then digits, each lane of the long at once (x/100 = x·10486 >> 20 for x < 10⁴, y/10
	 * = y·103 >> 10 for y < 100). Answers the digits' values (before the ASCII offset).
	 */
	private static long eightDigits(byte[] to, int at, int value) {
		long high = value / 10_000;
		long halves = high | (value - high * 10_000) << 32;
		long hundreds = (halves * 10_486 >>> 20) & 0x0000_007F_0000_007FL;
		long pairs = hundreds | (halves - hundreds * 100) << 16;
		long tens = (pairs * 103 >>> 10) & 0x000F_000F_000F_000FL;
		long digits = tens | (pairs - tens * 10) << 8;
		LITTLE_ENDIAN_LONGS.set(to, at, digits + 0x3030_3030_3030_3030L);
		return digits;
	}

	private static int exponent(int e, byte[] to, int at) {
		to[at++] = 'E';
		if (e < 0) {
			to[at++] = '-';
			e = -e;
		}
		if (e < 10) {
			to[at++] = (byte) ('0' + e);
			return at;
		}
		int d;
		if (e >= 100) {
			d = e * 1_311 >>> 17;
			to[at++] = (byte) ('0' + d);
			e -= 100 * d;
		}
		d = e * 103 >>> 10;
		to[at++] = (byte) ('0' + d);
		to[at++] = (byte) ('0' + e - 10 * d);
		return at;
	}

}
