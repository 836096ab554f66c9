package lab.backprop;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.springframework.core.io.ClassPathResource;

import tools.jackson.databind.JsonNode;

/**
 * Runs Python scripts with the machine's {@code python3}: one of the test resources'
 * ({@code python/NAME.py}, numpy where they need it) with a JSON document on its standard
 * input, reading the JSON it prints; or a whole script as text (a script the service
 * wrote), reading what it prints. A machine without {@code python3} or numpy fails the
 * test that calls it, saying so: the comparison is never skipped.
 */
public final class Python {

	private Python() {
	}

	public static JsonNode run(String script, JsonNode input) {
		try (InputStream in = new ClassPathResource("python/" + script + ".py").getInputStream()) {
			String printed = execute(script, new String(in.readAllBytes(), StandardCharsets.UTF_8), input.toString(),
					"python3 with numpy is needed for this comparison");
			return Api.JSON.readTree(printed);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Runs {@code text}, a whole script, with {@code arguments}; what it prints. */
	public static String runScript(String text, String... arguments) {
		return execute("script", text, "", "the script must run to its end", arguments);
	}

	private static String execute(String name, String text, String input, String need, String... arguments) {
		try {
			Path file = Files.createTempFile("backprop-" + name, ".py");
			Files.writeString(file, text, StandardCharsets.UTF_8);
			Path errorFile = Files.createTempFile("backprop-" + name, ".err");
			List<String> command = new ArrayList<>(List.of("python3", file.toString()));
			command.addAll(List.of(arguments));
			Process process = new ProcessBuilder(command).redirectError(errorFile.toFile()).start();
			try (OutputStream stdin = process.getOutputStream()) {
				stdin.write(input.getBytes(StandardCharsets.UTF_8));
			}
			byte[] out = process.getInputStream().readAllBytes();
			boolean done = process.waitFor(300, TimeUnit.SECONDS);
			String errors = Files.readString(errorFile);
			Files.deleteIfExists(errorFile);
			if (!done) {
				process.destroyForcibly();
			}
			if (!done || process.exitValue() != 0) {
				throw new AssertionError("python3 " + file + " failed (" + need + "): " + errors);
			}
			Files.deleteIfExists(file);
			return new String(out, StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new UncheckedIOException("python3 could not be started: it is needed for this comparison", e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new AssertionError("interrupted while python3 ran", e);
		}
	}

}
