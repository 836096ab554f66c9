package lab.backprop.config;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service's mapper writes number arrays byte for byte as plain Jackson with its fast
 * double writer does (the writing before {@link NumberArrayWriter}): as bytes, as a
 * String, pretty-printed, with non-finite values and with rows longer than Jackson's
 * output buffer.
 */
class NumberArrayWriterTest {

	private final JsonMapper service = serviceMapper();

	private final JsonMapper plain = JsonMapper.builder().enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER).build();

	record Values(double[] vector, double[][] matrix, double scalar, List<double[]> list, double[] none,
			Map<String, double[]> named) {
	}

	@Test
	void aLargeMatrixIsWrittenAsPlainJacksonWritesIt() {
		Values values = new Values(gaussians(300, 1), matrix(784, 256, 0.05), 0.1 + 0.2,
				List.of(gaussians(5, 1e-3), new double[0], new double[] { 7 }), null,
				Map.of("z", gaussians(1000, 1e6)));
		String ours = new String(this.service.writeValueAsBytes(values), StandardCharsets.UTF_8);
		assertThat(ours).isEqualTo(new String(this.plain.writeValueAsBytes(values), StandardCharsets.UTF_8));
		assertThat(ours.length()).isGreaterThan(3_000_000);
	}

	@Test
	void specialValuesAreWrittenAsPlainJacksonWritesThem() {
		double[] specials = { Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.0, -0.0,
				Double.MIN_VALUE, Double.MAX_VALUE, 1e7, 1e-3, 9999999.999999998, 0.0009999999999999998 };
		Values values = new Values(specials, new double[][] { specials, {} }, Double.NaN, List.of(), new double[0],
				Map.of());
		assertSameText(values);
	}

	@Test
	void textAndPrettyPrintedOutputStayTheSame() {
		Values values = new Values(gaussians(50, 1), matrix(40, 30, 1), -0.0, List.of(gaussians(3, 1)), null,
				Map.of("a", new double[] { Double.NaN, 1.5 }));
		assertThat(this.service.writeValueAsString(values)).isEqualTo(this.plain.writeValueAsString(values));
		assertThat(this.service.writerWithDefaultPrettyPrinter().writeValueAsBytes(values))
			.isEqualTo(this.plain.writerWithDefaultPrettyPrinter().writeValueAsBytes(values));
		assertThat(this.service.writeValueAsBytes(new double[][] { { 1, 2 }, { 3 } })).asString(StandardCharsets.UTF_8)
			.isEqualTo("[[1.0,2.0],[3.0]]");
	}

	@Test
	void theServiceWritesBytesThroughTheDirectPath() {
		assertThat(this.service.writer().createGenerator(new java.io.ByteArrayOutputStream()))
			.matches(NumberArrayWriter::writesBytesAsJacksonWould, "a UTF-8 generator with the fast double writer");
		assertThat(this.service.writer().createGenerator(new java.io.StringWriter()))
			.matches(generator -> !NumberArrayWriter.writesBytesAsJacksonWould(generator), "a text generator");
	}

	@Test
	void largeMatricesWithOddRowsAreWrittenAsPlainJacksonWritesThem() {
		double[][] ragged = matrix(301, 97, 2);
		ragged[5] = new double[0];
		ragged[250] = gaussians(3000, 1e-9);
		double[][] withNull = matrix(200, 100, 1);
		withNull[150] = null;
		double[][] withNaN = matrix(200, 100, 1);
		withNaN[199][99] = Double.NaN;
		double[][][] pictures = { matrix(50, 50, 1), matrix(300, 60, 1) };
		Map<String, Object> values = new java.util.LinkedHashMap<>();
		values.put("ragged", ragged);
		values.put("withNull", withNull);
		values.put("withNaN", withNaN);
		values.put("pictures", pictures);
		assertSameText(values);
		assertThat(this.service.writerWithDefaultPrettyPrinter().writeValueAsBytes(values))
			.isEqualTo(this.plain.writerWithDefaultPrettyPrinter().writeValueAsBytes(values));
		try (tools.jackson.core.JsonGenerator generator = this.service.writer()
			.createGenerator(new java.io.ByteArrayOutputStream())) {
			assertThat(MatrixWriter.inParallel(ragged, generator)).isTrue();
			assertThat(MatrixWriter.inParallel(withNull, generator)).isFalse();
			assertThat(MatrixWriter.inParallel(withNaN, generator)).isFalse();
			assertThat(MatrixWriter.inParallel(pictures[0], generator)).isFalse();
		}
	}

	/**
	 * The rows of a large matrix go to whichever thread claims them first: wherever the
	 * two meet, and when the pool thread is busy elsewhere and never starts, the text is
	 * the same.
	 */
	@Test
	void theRowsOfALargeMatrixAreWrittenInOrderWhereverTheTwoThreadsMeet() throws Exception {
		SplittableRandom random = new SplittableRandom(9);
		for (int round = 0; round < 40; round++) {
			double[][] matrix = matrix(random.nextInt(2, 400), random.nextInt(60, 300), 1e-2);
			assertSameText(Map.of("m", matrix));
		}
		int poolThreads = java.util.concurrent.ForkJoinPool.commonPool().getParallelism();
		java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
		java.util.concurrent.CountDownLatch busy = new java.util.concurrent.CountDownLatch(poolThreads);
		for (int i = 0; i < poolThreads; i++) {
			java.util.concurrent.ForkJoinPool.commonPool().execute(() -> {
				busy.countDown();
				try {
					release.await();
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
				}
			});
		}
		try {
			assertThat(busy.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
			assertSameText(Map.of("m", matrix(500, 200, 1)));
		}
		finally {
			release.countDown();
		}
	}

	private void assertSameText(Object values) {
		assertThat(new String(this.service.writeValueAsBytes(values), StandardCharsets.UTF_8))
			.isEqualTo(new String(this.plain.writeValueAsBytes(values), StandardCharsets.UTF_8));
	}

	private static JsonMapper serviceMapper() {
		JsonMapper.Builder builder = JsonMapper.builder();
		new JacksonConfiguration().strictExactJson().customize(builder);
		return builder.build();
	}

	private static double[][] matrix(int rows, int columns, double scale) {
		double[][] matrix = new double[rows][];
		for (int i = 0; i < rows; i++) {
			matrix[i] = gaussians(columns, scale, i);
		}
		return matrix;
	}

	private static double[] gaussians(int count, double scale) {
		return gaussians(count, scale, count);
	}

	private static double[] gaussians(int count, double scale, long seed) {
		SplittableRandom random = new SplittableRandom(seed);
		double[] values = new double[count];
		for (int i = 0; i < count; i++) {
			values[i] = random.nextGaussian() * scale;
		}
		return values;
	}

}
