package lab.backprop.system;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The packaged jar ({@code target/backprop-lab-*.jar}, as {@code ./mvnw package} left it)
 * run as its own process, as {@code java -jar} runs it in production: started on free
 * ports (the actuator on a port of its own, as in Kubernetes), stopped with SIGTERM
 * ({@link Process#destroy()}), its log read line by line with each line's time.
 */
final class PackagedService implements AutoCloseable {

	private static final Pattern LOG_TIME = Pattern.compile("^(\\d{4}-\\d\\d-\\d\\dT\\S+Z)\\s");

	final int port;

	final int managementPort;

	private final Process process;

	private final Path log;

	private PackagedService(Process process, Path log, int port, int managementPort) {
		this.process = process;
		this.log = log;
		this.port = port;
		this.managementPort = managementPort;
	}

	/**
	 * Starts a copy of the jar (a rebuild cannot change it underneath) with
	 * {@code arguments} and waits until its readiness is UP.
	 */
	static PackagedService start(String name, String... arguments) throws Exception {
		Path work = Files.createDirectories(Path.of("target", name));
		Path jar = work.resolve("app.jar");
		Files.copy(packagedJar(), jar, StandardCopyOption.REPLACE_EXISTING);
		int port = freePort();
		int managementPort = freePort();
		List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
				"--add-modules=jdk.incubator.vector", "-Xmx512m", "-jar", jar.toString(), "--server.port=" + port,
				"--management.server.port=" + managementPort, "--spring.jmx.enabled=false"));
		command.addAll(List.of(arguments));
		Path log = work.resolve("server.log");
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		PackagedService service = new PackagedService(process, log, port, managementPort);
		HttpClient client = HttpClient.newHttpClient();
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException("the jar stopped: " + service.logLines());
			}
			if (service.readiness(client) == 200) {
				return service;
			}
			Thread.sleep(250);
		}
		service.close();
		throw new IllegalStateException("not ready within 180 s: " + service.logLines());
	}

	URI uri(String path) {
		return URI.create("http://127.0.0.1:" + port + path);
	}

	/**
	 * The readiness probe's status: 200 UP, 503 while refusing traffic, −1 unreachable.
	 */
	int readiness(HttpClient client) {
		HttpRequest probe = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/actuator/health/readiness"))
			.timeout(Duration.ofSeconds(1))
			.build();
		try {
			return client.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode();
		}
		catch (IOException e) {
			return -1;
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return -1;
		}
	}

	/** Sends SIGTERM, as {@code docker stop} and the kubelet do. */
	void terminate() {
		process.destroy();
	}

	/** Waits for the process to end. @return whether it did within {@code timeout} */
	boolean awaitExit(Duration timeout) throws InterruptedException {
		return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
	}

	int exitCode() {
		return process.exitValue();
	}

	List<String> logLines() {
		try {
			return Files.readAllLines(log);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** When the first log line matching {@code pattern} was written; null if none is. */
	Instant logged(String pattern) {
		Pattern wanted = Pattern.compile(pattern);
		for (String line : logLines()) {
			Matcher time = LOG_TIME.matcher(line);
			if (wanted.matcher(line).find() && time.find()) {
				return Instant.parse(time.group(1));
			}
		}
		return null;
	}

	@Override
	public void close() throws InterruptedException {
		if (process.isAlive()) {
			process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		}
	}

	private static Path packagedJar() throws IOException {
		try (Stream<Path> files = Files.list(Path.of("target"))) {
			List<Path> jars = files
				.filter(p -> p.getFileName().toString().matches("backprop-lab-.*\\.jar")
						&& !p.getFileName().toString().endsWith("-plain.jar"))
				.toList();
			if (jars.size() != 1) {
				throw new IllegalStateException("expected one target/backprop-lab-*.jar (failsafe runs after "
						+ "package), found " + jars + " in " + new File("target").getAbsolutePath());
			}
			return jars.get(0);
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
