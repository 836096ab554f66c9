package lab.backprop.system.delivery;

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
 * Which answers the filter gzips: JSON of unknown length, for a request that accepts
 * gzip; that the bytes, unpacked, are the answer as written; and that an answer thrown
 * away halfway leaves no trace of the gzip stream in the one written after it.
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
	void aSmallJsonAnswerIsGzippedToo() throws Exception {
		String small = "{\"loss\":0.5}";
		MockHttpServletResponse response = run("gzip", "application/json", small, true);
		assertThat(response.getHeader("Content-Encoding")).isEqualTo("gzip");
		assertThat(gunzip(response.getContentAsByteArray())).isEqualTo(small);
	}

	@Test
	void aLengthSetAfterGzippingBeganIsDropped() throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		new FastGzipFilter().doFilter(request("gzip"), response, (req, res) -> {
			HttpServletResponse answer = (HttpServletResponse) res;
			answer.setContentType("application/json");
			answer.getOutputStream().write(BIG.getBytes(StandardCharsets.UTF_8));
			answer.setContentLength(BIG.length());
			answer.setHeader("Content-Length", String.valueOf(BIG.length()));
		});
		assertThat(response.getHeader("Content-Length")).isNull();
		assertThat(gunzip(response.getContentAsByteArray())).isEqualTo(BIG);
	}

	@Test
	void anAnswerResetHalfwayIsReplacedByTheNextOne() throws Exception {
		String problem = "{\"title\":\"Bad Request\",\"status\":400}";
		// resetBuffer keeps the headers: the next answer is a gzip stream of its own
		MockHttpServletResponse kept = new MockHttpServletResponse();
		new FastGzipFilter().doFilter(request("gzip"), kept, (req, res) -> {
			HttpServletResponse answer = (HttpServletResponse) res;
			answer.setContentType("application/json");
			answer.getOutputStream().write(BIG.getBytes(StandardCharsets.UTF_8), 0, 30_000);
			answer.resetBuffer();
			answer.getOutputStream().write(problem.getBytes(StandardCharsets.UTF_8));
		});
		assertThat(kept.getHeader("Content-Encoding")).isEqualTo("gzip");
		assertThat(gunzip(kept.getContentAsByteArray())).isEqualTo(problem);
		// reset clears them: an answer that is not JSON goes out plain
		MockHttpServletResponse cleared = new MockHttpServletResponse();
		new FastGzipFilter().doFilter(request("gzip"), cleared, (req, res) -> {
			HttpServletResponse answer = (HttpServletResponse) res;
			answer.setContentType("application/json");
			answer.getOutputStream().write(BIG.getBytes(StandardCharsets.UTF_8), 0, 30_000);
			answer.reset();
			answer.setContentType("text/plain");
			answer.getOutputStream().write("gone".getBytes(StandardCharsets.UTF_8));
		});
		assertThat(cleared.getHeader("Content-Encoding")).isNull();
		assertThat(cleared.getContentAsString()).isEqualTo("gone");
	}

	@Test
	void aHeadRequestAndAnAsynchronousAnswerAreLeftAlone() throws Exception {
		MockHttpServletRequest head = request("gzip");
		head.setMethod("HEAD");
		MockHttpServletResponse response = new MockHttpServletResponse();
		run(head, response, "application/json", BIG, true);
		assertThat(response.getHeader("Content-Encoding")).isNull();

		MockHttpServletRequest streamed = request("gzip");
		streamed.setAsyncSupported(true);
		MockHttpServletResponse later = new MockHttpServletResponse();
		new FastGzipFilter().doFilter(streamed, later, (req, res) -> {
			req.startAsync();
			res.setContentType("application/json");
			res.getOutputStream().write(BIG.getBytes(StandardCharsets.UTF_8));
		});
		assertThat(later.getHeader("Content-Encoding")).isNull();
		assertThat(later.getContentAsString()).isEqualTo(BIG);
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
