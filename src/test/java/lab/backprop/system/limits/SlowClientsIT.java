package lab.backprop.system.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import lab.backprop.HttpTestSupport;
import lab.backprop.SeedValues;
import lab.backprop.system.admission.MemoryAdmission;

/**
 * Clients that are slow on purpose, on raw sockets: a trickle of header bytes does not
 * hold up anyone else, and a body that stops halfway is cut off after the read timeout
 * ({@code server.tomcat.connection-timeout}, 2 s here) and gives its memory share back.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "server.tomcat.connection-timeout=2s")
class SlowClientsIT extends HttpTestSupport {

	@Autowired
	MemoryAdmission admission;

	@Test
	void twoHundredClientsSendingAHeaderByteASecondDoNotDelayTheSeed() throws Exception {
		assertThat(postJson("/train-step", SeedValues.REQUEST).status()).as("warm").isEqualTo(200);
		List<Socket> slow = new ArrayList<>();
		ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
		try {
			for (int i = 0; i < 200; i++) {
				Socket socket = new Socket("127.0.0.1", port);
				socket.getOutputStream()
					.write("POST /train-step HTTP/1.1\r\nHost: l".getBytes(StandardCharsets.US_ASCII));
				slow.add(socket);
			}
			trickle.scheduleAtFixedRate(() -> slow.forEach(socket -> {
				try {
					socket.getOutputStream().write('o');
				}
				catch (IOException e) {
					// the server may close a slow one: that is its right
				}
			}), 1, 1, TimeUnit.SECONDS);
			Thread.sleep(1500);
			for (int attempt = 0; attempt < 3; attempt++) {
				long start = System.nanoTime();
				assertThat(postJson("/train-step", SeedValues.REQUEST).status()).isEqualTo(200);
				assertThat(Duration.ofNanos(System.nanoTime() - start))
					.as("the seed's answer while 200 clients trickle")
					.isLessThan(Duration.ofSeconds(1));
			}
		}
		finally {
			trickle.shutdownNow();
			for (Socket socket : slow) {
				socket.close();
			}
		}
	}

	@Test
	void aBodyThatStopsHalfwayIsCutOffAndGivesItsShareBack() throws Exception {
		int free = admission.availableKibibytes();
		byte[] half = ("{\"inputs\": [[" + "0.5, ".repeat(20_000)).getBytes(StandardCharsets.US_ASCII);
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(15_000);
			OutputStream out = socket.getOutputStream();
			out.write(("POST /train-step HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
					+ "Content-Length: 1000000\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.write(half);
			out.flush();
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
			while (admission.availableKibibytes() == free && System.nanoTime() < deadline) {
				Thread.sleep(20);
			}
			assertThat(admission.availableKibibytes()).as("the body's share is held while it arrives").isLessThan(free);

			long start = System.nanoTime();
			InputStream in = socket.getInputStream();
			String answer;
			try {
				answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
			catch (SocketTimeoutException e) {
				answer = "(no answer within 15 s)";
			}
			assertThat(Duration.ofNanos(System.nanoTime() - start)).as("cut off after the read timeout")
				.isLessThan(Duration.ofSeconds(10));
			assertThat(answer).doesNotStartWith("HTTP/1.1 5");
		}
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
		while (admission.availableKibibytes() != free && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		assertThat(admission.availableKibibytes()).as("the share came back").isEqualTo(free);
	}

}
