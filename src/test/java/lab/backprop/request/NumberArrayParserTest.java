package lab.backprop.request;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shortcut for numbers in arrays reads exactly what Jackson reads: every decimal to
 * the double {@link Double#parseDouble} gives (millions of random texts of every kind),
 * every value and every refusal the same as Jackson's own parser (the same message and
 * location), whether the bytes arrive at once or a few at a time.
 */
class NumberArrayParserTest {

	private static final JsonMapper SHORTCUT = JsonMapper.builder(new NumberArrayJsonFactory(JsonFactory.builder()))
		.enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
		.build();

	private static final JsonMapper JACKSON = JsonMapper.builder(JsonFactory.builder().build())
		.enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
		.build();

	@Test
	void theMapperOfTheServiceReadsWithTheShortcut() {
		try (JsonParser parser = SHORTCUT.createParser(new ByteArrayInputStream(bytes("[1.5, 2]")))) {
			assertThat(parser).isInstanceOf(NumberArrayParser.class);
		}
	}

	@Test
	void decimalsReadAsDoubleParseDoubleReadsThem() {
		SplittableRandom random = new SplittableRandom(18);
		List<Supplier<String>> kinds = List.of(() -> Double.toString(randomFinite(random)),
				() -> Double.toString(random.nextDouble()),
				() -> Double.toString(Math.abs(random.nextGaussian()) * 1e-3),
				() -> digits(random, 17, 20) + "e" + random.nextInt(-330, 310), () -> "0." + digits(random, 15, 20),
				() -> digits(random, 1, 3) + "." + digits(random, 1, 25),
				() -> digits(random, 1, 19) + "E+" + random.nextInt(0, 40),
				() -> digits(random, 1, 19) + "e-" + random.nextInt(300, 345),
				() -> "1.797693134862315" + digits(random, 1, 5) + "e308",
				() -> "2.225073858507201" + digits(random, 1, 5) + "e-308",
				() -> "4.9" + digits(random, 0, 3) + "e-324", () -> digits(random, 20, 70) + ".5",
				() -> "0." + "0".repeat(random.nextInt(0, 30)) + digits(random, 1, 20),
				() -> new BigDecimal(randomFinite(random)).toPlainString().substring(0, 1) + "." + digits(random, 1, 40)
						+ "e" + random.nextInt(-20, 20));
		int compared = 0;
		for (int batch = 0; batch < 400; batch++) {
			List<String> texts = new ArrayList<>();
			for (int i = 0; i < 5_000; i++) {
				String text = kinds.get(random.nextInt(kinds.size())).get();
				if (Double.isFinite(Double.parseDouble(text))) { // 1e400 is refused:
																	// another test
					texts.add(random.nextBoolean() ? "-" + text : text);
				}
			}
			double[] read = readFlat(String.join(separator(random), texts), batch % 7 == 0);
			for (int i = 0; i < texts.size(); i++) {
				double expected = Double.parseDouble(texts.get(i));
				assertThat(Double.doubleToRawLongBits(read[i])).as(texts.get(i))
					.isEqualTo(Double.doubleToRawLongBits(expected));
				compared++;
			}
		}
		assertThat(compared).isGreaterThan(1_800_000);
	}

	@Test
	void integersAndZeroesReadAsJacksonReadsThem() {
		SplittableRandom random = new SplittableRandom(7);
		List<String> texts = new ArrayList<>(List.of("0", "-0", "0.0", "-0.0", "0e0", "-0E-0", "0.000", "1", "-1",
				"9007199254740993", "18446744073709551616", "123456789012345678901234567890", "1e0", "1E+0"));
		for (int i = 0; i < 50_000; i++) {
			texts.add((random.nextBoolean() ? "-" : "") + digits(random, 1, 22));
		}
		String body = "[" + String.join(", ", texts) + "]";
		assertThat(readBits(SHORTCUT, bytes(body))).isEqualTo(readBits(JACKSON, bytes(body)));
	}

	@Test
	void everyMalformedOrNonFiniteNumberIsRefusedAsJacksonRefusesIt() {
		String[] bodies = { "[1.]", "[01]", "[-01.5]", "[-]", "[-a]", "[1e]", "[1e+]", "[1E-x]", "[.5]", "[-.5]",
				"[1,,2]", "[1 2]", "[NaN]", "[Infinity]", "[-Infinity]", "[1e400]", "[-1e400]", "[1,]", "[1]]",
				"[[1,2],[3]", "[+1]", "[0x10]", "[1.5x]", "[--1]", "[1.2.3]", "[\"1\"]", "[1, true]", "[1, null]",
				"[1\n,2]", "[1,\n2]", "[1\r\n, 2e5]", "[1 ,2]", "[1\t,\t2]", "[1, {}]", "[1, [2]]", "[1}", "[1:2]",
				"[1, 2", "[1, 2.", "[1, 2e", "[1, -", "[1, 0", "[1, 00]", "[1, 0.0e]", "[1, 1e5.5]", "[1, 1/2]",
				"[1, 2 /* c */]", "[[1, 2], [3, x]]", "[[1, 2], 3]", "[1, [2, 3]]", "[1e99999999999]",
				"[" + "9".repeat(2_000) + "]", "[0." + "1".repeat(2_000) + "]", "[1, 2]x", "[1, 2] 3" };
		for (String body : bodies) {
			assertSameOutcome(bytes(body));
		}
	}

	@Test
	void randomlyDamagedArraysAreReadOrRefusedAsJacksonDoes() {
		SplittableRandom random = new SplittableRandom(3);
		byte[] alphabet = bytes("0123456789-+.eE, \n\t[]{}\"aNI:/");
		for (int round = 0; round < 20_000; round++) {
			StringBuilder body = new StringBuilder("[");
			int count = random.nextInt(1, 12);
			for (int i = 0; i < count; i++) {
				body.append(i == 0 ? "" : ", ").append(Double.toString(randomFinite(random)));
			}
			body.append(']');
			byte[] damaged = bytes(body.toString());
			for (int hits = random.nextInt(1, 4); hits > 0; hits--) {
				damaged[random.nextInt(damaged.length)] = alphabet[random.nextInt(alphabet.length)];
			}
			assertSameOutcome(damaged);
		}
	}

	@Test
	void bytesThatArriveAFewAtATimeReadTheSame() {
		SplittableRandom random = new SplittableRandom(11);
		StringBuilder body = new StringBuilder("[");
		for (int row = 0; row < 200; row++) {
			body.append(row == 0 ? "[" : ", [");
			for (int i = 0; i < 50; i++) {
				body.append(i == 0 ? "" : ", ").append(Double.toString(random.nextGaussian()));
			}
			body.append(']');
		}
		body.append(']');
		byte[] bytes = bytes(body.toString());
		NumberArray whole = read(SHORTCUT, new ByteArrayInputStream(bytes));
		NumberArray trickled = read(SHORTCUT, new Trickle(bytes, random));
		NumberArray jackson = read(JACKSON, new ByteArrayInputStream(bytes));
		assertThat(whole.rows()).isDeepEqualTo(jackson.rows());
		assertThat(trickled.rows()).isDeepEqualTo(jackson.rows());
	}

	@Test
	void otherEncodingsAndMarksAreLeftToJackson() {
		String body = "[[0.5, -2.25e-3], [1, 7]]";
		double[][] expected = { { 0.5, -2.25e-3 }, { 1, 7 } };
		byte[] utf8 = bytes(body);
		byte[] marked = new byte[utf8.length + 3];
		marked[0] = (byte) 0xEF;
		marked[1] = (byte) 0xBB;
		marked[2] = (byte) 0xBF;
		System.arraycopy(utf8, 0, marked, 3, utf8.length);
		for (byte[] encoded : new byte[][] { utf8, marked, body.getBytes(StandardCharsets.UTF_16BE),
				body.getBytes(StandardCharsets.UTF_16LE), body.getBytes(StandardCharsets.UTF_16),
				body.getBytes(java.nio.charset.Charset.forName("UTF-32BE")) }) {
			assertThat(read(SHORTCUT, new ByteArrayInputStream(encoded)).rows()).isDeepEqualTo(expected);
		}
		assertThat(read(SHORTCUT, new ByteArrayInputStream(bytes("[]"))).flat()).isEmpty();
		assertThat(read(SHORTCUT, new ByteArrayInputStream(bytes("7"))).scalar()).isEqualTo(7.0);
	}

	private static void assertSameOutcome(byte[] body) {
		String expected = outcome(JACKSON, body);
		assertThat(outcome(SHORTCUT, body)).as(new String(body, StandardCharsets.UTF_8)).isEqualTo(expected);
	}

	/** The values read (their bits) or the refusal: its type, message and location. */
	private static String outcome(JsonMapper mapper, byte[] body) {
		try {
			return readBits(mapper, body);
		}
		catch (JacksonException e) {
			return e.getClass().getName() + ": " + e.getMessage() + " at " + e.getLocation();
		}
	}

	private static String readBits(JsonMapper mapper, byte[] body) {
		NumberArray array = read(mapper, new ByteArrayInputStream(body));
		StringBuilder bits = new StringBuilder(array.depth() + ":");
		if (array.isScalar()) {
			bits.append(Double.doubleToRawLongBits(array.scalar()));
		}
		else if (array.isFlat()) {
			for (double value : array.flat()) {
				bits.append(Double.doubleToRawLongBits(value)).append(',');
			}
		}
		else {
			for (double[] row : array.rows()) {
				for (double value : row) {
					bits.append(Double.doubleToRawLongBits(value)).append(',');
				}
				bits.append(';');
			}
		}
		return bits.toString();
	}

	private static double[] readFlat(String numbers, boolean trickle) {
		byte[] body = bytes("[" + numbers + "]");
		InputStream in = trickle ? new Trickle(body, new SplittableRandom(body.length))
				: new ByteArrayInputStream(body);
		NumberArray array = read(SHORTCUT, in);
		assertThat(array.isFlat()).isTrue();
		return array.flat();
	}

	private static NumberArray read(JsonMapper mapper, InputStream in) {
		return mapper.readValue(in, NumberArray.class);
	}

	private static String separator(SplittableRandom random) {
		return switch (random.nextInt(4)) {
			case 0 -> ",";
			case 1 -> ", ";
			case 2 -> " ,\t";
			default -> ",\n  ";
		};
	}

	private static double randomFinite(SplittableRandom random) {
		double value;
		do {
			value = Double.longBitsToDouble(random.nextLong());
		}
		while (!Double.isFinite(value));
		return Math.abs(value);
	}

	/** A decimal integer of {@code min} to {@code max} digits, without leading zeroes. */
	private static String digits(SplittableRandom random, int min, int max) {
		int length = random.nextInt(min, max + 1);
		StringBuilder digits = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			digits.append((char) ('0' + (i == 0 && length > 1 ? random.nextInt(1, 10) : random.nextInt(10))));
		}
		return length == 0 ? "0" : digits.toString();
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	/** An input stream that hands out one to seven bytes per read. */
	private static final class Trickle extends InputStream {

		private final byte[] bytes;

		private final SplittableRandom random;

		private int at;

		Trickle(byte[] bytes, SplittableRandom random) {
			this.bytes = bytes;
			this.random = random;
		}

		@Override
		public int read() {
			return this.at < this.bytes.length ? this.bytes[this.at++] & 0xFF : -1;
		}

		@Override
		public int read(byte[] to, int offset, int length) {
			if (this.at >= this.bytes.length) {
				return -1;
			}
			int count = Math.min(Math.min(length, this.random.nextInt(1, 8)), this.bytes.length - this.at);
			System.arraycopy(this.bytes, this.at, to, offset, count);
			this.at += count;
			return count;
		}

	}

}
