import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;

/**
 * The machine's floor, a server with no framework and no work: the JDK's own HTTP server reading
 * each request's body and answering {"status":"UP"} (bench/floor.sh, the latency floor) and, on the
 * path /answer, the bytes of ANSWER_FILE (bench/big_answer.py: moving a big answer's bytes without
 * making them). Run as a single source file:
 * {@code java -Dsun.net.httpserver.nodelay=true bench/FloorServer.java PORT THREADS [ANSWER_FILE]}.
 */
public class FloorServer {

	public static void main(String[] args) throws Exception {
		int port = Integer.parseInt(args[0]);
		int threads = Integer.parseInt(args[1]);
		byte[] up = "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8);
		byte[] answer = args.length > 2 ? Files.readAllBytes(Path.of(args[2])) : up;
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 128);
		server.createContext("/", exchange -> {
			exchange.getRequestBody().readAllBytes();
			byte[] body = exchange.getRequestURI().getPath().equals("/answer") ? answer : up;
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		server.setExecutor(Executors.newFixedThreadPool(threads));
		server.start();
	}
}
