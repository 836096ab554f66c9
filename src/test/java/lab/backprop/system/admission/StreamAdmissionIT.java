package lab.backprop.system.admission;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.node.ObjectNode;
import lab.backprop.Api;
import lab.backprop.HttpTestSupport;

/**
 * A streamed /train holds its memory share while it streams, after the request's own
 * thread has returned, and gives it back when the stream ends: at its result, and when
 * the client goes away.
 */
class StreamAdmissionIT extends HttpTestSupport {

	@Autowired
	private MemoryAdmission admission;

	@Test
	void aStreamHoldsItsShareUntilItsResultThenGivesItBack() throws Exception {
		int free = admission.availableKibibytes();
		try (Socket socket = send(largeBody(2000))) {
			InputStream in = socket.getInputStream();
			StringBuilder read = readUntil(in, new StringBuilder(), "event:progress");
			assertThat(admission.availableKibibytes()).as("held while the events flow").isLessThan(free);
			readUntil(in, read, "event:result");
			assertThat(read).contains("\"stoppedBecause\":\"steps\"");
		}
		assertThat(waitUntilFree(free)).as("given back after the result").isEqualTo(free);
	}

	@Test
	void aStreamWhoseClientLeavesGivesItsShareBack() throws Exception {
		int free = admission.availableKibibytes();
		try (Socket socket = send(largeBody(100000))) {
			readUntil(socket.getInputStream(), new StringBuilder(), "event:progress");
			assertThat(admission.availableKibibytes()).isLessThan(free);
		}
		assertThat(waitUntilFree(free)).as("given back after the client left").isEqualTo(free);
	}

	private int waitUntilFree(int free) throws InterruptedException {
		long deadline = System.nanoTime() + 3_000_000_000L;
		while (admission.availableKibibytes() != free && System.nanoTime() < deadline) {
			Thread.sleep(10);
		}
		return admission.availableKibibytes();
	}

	private Socket send(String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		assertThat(bytes.length).as("a body large enough to take a share").isGreaterThan(600_000);
		Socket socket = new Socket("127.0.0.1", port);
		socket.setSoTimeout(60_000);
		OutputStream out = socket.getOutputStream();
		out.write(("POST /train HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
				+ "Accept: text/event-stream\r\nContent-Length: " + bytes.length + "\r\n\r\n")
			.getBytes(StandardCharsets.US_ASCII));
		out.write(bytes);
		out.flush();
		return socket;
	}

	private static StringBuilder readUntil(InputStream in, StringBuilder read, String marker) throws IOException {
		byte[] buffer = new byte[8192];
		while (!read.toString().contains(marker)) {
			int n = in.read(buffer);
			if (n < 0) {
				break;
			}
			read.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
		}
		return read;
	}

	/** 4,096 examples of 10 features, written in full: about 800 kB of JSON. */
	private static String largeBody(int steps) {
		Random random = new Random(9);
		double[][] inputs = new double[4096][10];
		double[][] labels = new double[4096][1];
		for (int i = 0; i < inputs.length; i++) {
			for (int k = 0; k < 10; k++) {
				inputs[i][k] = random.nextDouble();
			}
			labels[i][0] = inputs[i][0] > 0.5 ? 1 : 0;
		}
		ObjectNode body = Api.object("""
				{"layers": [{"weights": [[0.1, -0.2], [0.3, 0.1], [-0.1, 0.2], [0.05, 0.1], [0.2, -0.3],
				                         [0.1, 0.1], [-0.2, 0.2], [0.3, -0.1], [0.1, 0.05], [-0.05, 0.1]],
				             "bias": 0, "activation": "tanh"},
				            {"weights": [[0.5], [-0.5]], "bias": 0, "activation": "sigmoid"}],
				 "learningRate": 0.1, "recordEvery": 100}""");
		body.set("inputs", JSON.valueToTree(inputs));
		body.set("label", JSON.valueToTree(labels));
		body.put("steps", steps);
		return body.toString();
	}

}
