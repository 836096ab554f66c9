package lab.backprop.step;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;

import lab.backprop.HttpTestSupport;
import lab.backprop.SeedValues;
import lab.backprop.bench.BenchmarkCase;

/**
 * JSON answers are gzip-compressed, at zlib's fastest level, for a client that asks
 * (Accept-Encoding: gzip) and sent as they are to one that does not; decompressed, the
 * answer is the same text, digit for digit. Event streams are not compressed (a
 * compressing stream would hold progress events back).
 */
class CompressedAnswerIT extends HttpTestSupport {

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void aBigAnswerIsGzippedOnlyWhenTheClientAsks() throws Exception {
		String body = BenchmarkCase.SMALL.json();

		HttpResponse<byte[]> plain = post("/train-step", body, null);
		assertThat(plain.statusCode()).isEqualTo(200);
		assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
		String plainText = new String(plain.body(), StandardCharsets.UTF_8);
		assertThat(plainText).startsWith("{").contains("\"forward\"");
		assertThat(plain.body().length).as("larger than the compression threshold").isGreaterThan(64 * 1024);

		HttpResponse<byte[]> gzipped = post("/train-step", body, "gzip");
		assertThat(gzipped.statusCode()).isEqualTo(200);
		assertThat(gzipped.headers().firstValue("Content-Encoding")).contains("gzip");
		assertThat(gzipped.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
		assertThat(gzipped.body().length).as("compressed").isLessThan(plain.body().length / 2);
		assertThat(gunzip(gzipped.body())).as("the same digits").isEqualTo(plainText);
	}

	@Test
	void aBigAnswerIsGzippedAtTheFastLevelWithVary() throws Exception {
		HttpResponse<byte[]> gzipped = post("/train-step", BenchmarkCase.SMALL.json(), "deflate, gzip;q=0.8");
		assertThat(gzipped.headers().firstValue("Content-Encoding")).contains("gzip");
		assertThat(String.join(",", gzipped.headers().allValues("Vary")).toLowerCase(java.util.Locale.ROOT))
			.contains("accept-encoding");
		byte[] plain = post("/train-step", BenchmarkCase.SMALL.json(), null).body();
		assertThat(gunzip(gzipped.body())).isEqualTo(new String(plain, StandardCharsets.UTF_8));
		// zlib's fastest level: the bytes java.util.zip writes at Deflater.BEST_SPEED,
		// not at its default
		java.util.zip.Deflater fastest = new java.util.zip.Deflater(java.util.zip.Deflater.BEST_SPEED, true);
		fastest.setInput(plain);
		fastest.finish();
		byte[] deflated = new byte[plain.length];
		int length = fastest.deflate(deflated);
		fastest.end();
		assertThat(gzipped.body().length).isEqualTo(10 + length + 8);
	}

	@Test
	void aProblemIsGzippedTooAndReadsTheSame() throws Exception {
		String bad = SeedValues.REQUEST.replace("\"learningRate\": 0.1", "\"learningRate\": \"fast\"");
		assertThat(bad).isNotEqualTo(SeedValues.REQUEST);
		HttpResponse<byte[]> plain = post("/train-step", bad, null);
		HttpResponse<byte[]> gzipped = post("/train-step", bad, "gzip");
		assertThat(gzipped.statusCode()).isEqualTo(400).isEqualTo(plain.statusCode());
		assertThat(gzipped.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
		assertThat(gzipped.headers().firstValue("Content-Encoding")).contains("gzip");
		assertThat(JSON.readTree(gunzip(gzipped.body()))).isEqualTo(JSON.readTree(plain.body()));
	}

	@Test
	void anEventStreamIsNeverCompressed() throws Exception {
		String body = SeedValues.REQUEST.replaceFirst("\\{", "{\"steps\": 3,");
		HttpResponse<byte[]> answer = post("/train", body, "gzip", "text/event-stream");
		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(answer.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/event-stream");
		assertThat(answer.headers().firstValue("Content-Encoding")).isEmpty();
		assertThat(new String(answer.body(), StandardCharsets.UTF_8)).contains("event:progress")
			.contains("event:result");
	}

	private HttpResponse<byte[]> post(String path, String body, String acceptEncoding)
			throws IOException, InterruptedException {
		return post(path, body, acceptEncoding, "application/json");
	}

	private HttpResponse<byte[]> post(String path, String body, String acceptEncoding, String accept)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.header("Content-Type", "application/json")
			.header("Accept", accept)
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (acceptEncoding != null) {
			request.header("Accept-Encoding", acceptEncoding);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	private static String gunzip(byte[] bytes) throws IOException {
		try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
