package lab.backprop;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.springframework.core.io.ClassPathResource;

import tools.jackson.databind.JsonNode;

/**
 * Runs one of the test resources' Python scripts ({@code python/NAME.py}, numpy where
 * they need it) with a JSON document on its standard input and reads the JSON it prints.
 * A machine without {@code python3} or numpy fails the test that calls it, saying so: the
 * comparison is never skipped.
 */
public final class Python {

	private Python() {
	}

	public static JsonNode run(String script, JsonNode input) {
		try {
			Path file = Files.createTempFile("backprop-" + script, ".py");
			try (InputStream in = new ClassPathResource("python/" + script + ".py").getInputStream()) {
				Files.write(file, in.readAllBytes());
			}
			Path errorFile = Files.createTempFile("backprop-" + script, ".err");
			Process process = new ProcessBuilder("python3", file.toString()).redirectError(errorFile.toFile()).start();
			try (OutputStream stdin = process.getOutputStream()) {
				stdin.write(input.toString().getBytes(StandardCharsets.UTF_8));
			}
			byte[] out = process.getInputStream().readAllBytes();
			boolean done = process.waitFor(120, TimeUnit.SECONDS);
			String errors = Files.readString(errorFile);
			Files.deleteIfExists(errorFile);
			if (!done) {
				process.destroyForcibly();
			}
			if (!done || process.exitValue() != 0) {
				throw new AssertionError("python3 " + script + ".py failed (python3 with numpy is needed for this "
						+ "comparison): " + errors);
			}
			Files.deleteIfExists(file);
			return Api.JSON.readTree(new String(out, StandardCharsets.UTF_8));
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
