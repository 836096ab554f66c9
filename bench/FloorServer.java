import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;

/**
 * The machine's floor for bench/floor.sh: the JDK's own HTTP server answering {"status":"UP"} to
 * everything, with no framework and no work. Run as a single source file:
 * {@code java -Dsun.net.httpserver.nodelay=true bench/FloorServer.java PORT THREADS}.
 */
public class FloorServer {

	public static void main(String[] args) throws Exception {
		int port = Integer.parseInt(args[0]);
		int threads = Integer.parseInt(args[1]);
		byte[] body = "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8);
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 128);
		server.createContext("/", exchange -> {
			exchange.getRequestBody().readAllBytes();
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		server.setExecutor(Executors.newFixedThreadPool(threads));
		server.start();
	}
}
