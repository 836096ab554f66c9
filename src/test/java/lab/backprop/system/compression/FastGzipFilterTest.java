package lab.backprop.system.compression;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which answers the filter gzips: JSON past the threshold, for a request that accepts
 * gzip; and that the bytes, unpacked, are the answer as written.
 */
class FastGzipFilterTest {

	private static final String BIG = "[" + "0.12345678901234567,".repeat(10_000) + "1.0]";

	@Test
	void aLargeJsonAnswerIsGzippedWithVary() throws Exception {
		MockHttpServletResponse response = run("gzip, deflate", "application/json", BIG, true);
		assertThat(response.getHeader("Content-Encoding")).isEqualTo("gzip");
		assertThat(response.getHeaders("Vary")).contains("Accept-Encoding");
		assertThat(response.getContentAsByteArray().length).isLessThan(BIG.length() / 4);
		assertThat(gunzip(response.getContentAsByteArray())).isEqualTo(BIG);
	}

	@Test
	void aLargeProblemIsGzippedAndAnExistingVaryIsKept() throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		response.addHeader("Vary", "Accept-Language");
		run(request("br;q=1.0, GZIP;q=0.5"), response, "application/problem+json", BIG, false);
		assertThat(response.getHeader("Content-Encoding")).isEqualTo("gzip");
		assertThat(response.getHeaders("Vary")).containsExactly("Accept-Language", "Accept-Encoding");
		assertThat(gunzip(response.getContentAsByteArray())).isEqualTo(BIG);
	}

	@Test
	void aSmallJsonAnswerIsSentPlainWithItsLengthEvenAfterAFlush() throws Exception {
		String small = "{\"loss\":0.5}";
		MockHttpServletResponse response = run("gzip", "application/json", small, true);
		assertThat(response.getHeader("Content-Encoding")).isNull();
		assertThat(response.getContentLength()).isEqualTo(small.length());
		assertThat(response.getContentAsString()).isEqualTo(small);
	}

	@Test
	void otherAnswersAndOtherClientsAreLeftAlone() throws Exception {
		for (String[] refused : new String[][] { { null, "application/json" }, { "gzip;q=0", "application/json" },
				{ "deflate, br", "application/json" }, { "gzip", "text/event-stream" },
				{ "gzip", "text/javascript" } }) {
			MockHttpServletResponse response = run(refused[0], refused[1], BIG, true);
			assertThat(response.getHeader("Content-Encoding")).as(String.join(" ", refused)).isNull();
			assertThat(response.getContentAsString()).isEqualTo(BIG);
		}
	}

	@Test
	void anAnswerWithItsLengthSetPassesThrough() throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		response.setContentLength(BIG.length());
		run(request("gzip"), response, "application/json", BIG, false);
		assertThat(response.getHeader("Content-Encoding")).isNull();
		assertThat(response.getContentAsString()).isEqualTo(BIG);
	}

	private static MockHttpServletResponse run(String acceptEncoding, String type, String text, boolean flush)
			throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		run(request(acceptEncoding), response, type, text, flush);
		return response;
	}

	private static void run(MockHttpServletRequest request, MockHttpServletResponse response, String type, String text,
			boolean flush) throws Exception {
		new FastGzipFilter().doFilter(request, response, (req, res) -> {
			HttpServletResponse answer = (HttpServletResponse) res;
			answer.setContentType(type);
			ServletOutputStream out = answer.getOutputStream();
			byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
			for (int at = 0; at < bytes.length; at += 7000) {
				out.write(bytes, at, Math.min(7000, bytes.length - at));
			}
			if (flush) {
				out.flush();
			}
		});
	}

	private static MockHttpServletRequest request(String acceptEncoding) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/train-step");
		if (acceptEncoding != null) {
			request.addHeader("Accept-Encoding", acceptEncoding);
		}
		return request;
	}

	private static String gunzip(byte[] bytes) throws IOException {
		try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
