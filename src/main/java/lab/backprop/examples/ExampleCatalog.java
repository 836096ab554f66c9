package lab.backprop.examples;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The ready request bodies kept as resources: {@code examples/index.json} lists the names
 * in order, and {@code examples/<name>.json} holds a title, a sentence, an optional
 * suggested number of /train steps, and the /train-step body, or, for an example on a
 * data set, the recipe {@link DataExamples} builds it from.
 */
@Component
public class ExampleCatalog {

	static final String FOLDER = "examples/";

	/**
	 * One example as stored; an example on a data set also has its {@code test} points
	 * and the addresses its points ({@code dataset}) and starting layers
	 * ({@code initialLayers}) come from, each {@code null} otherwise.
	 */
	public record Example(String name, String title, String description, Integer suggestedSteps, JsonNode request,
			JsonNode test, String dataset, String initialLayers) {
	}

	private final Map<String, Example> examples = new LinkedHashMap<>();

	/**
	 * Reads with a mapper of its own: the resources are ours, and the application's
	 * mapper carries the read limits meant for request bodies.
	 */
	public ExampleCatalog() {
		JsonMapper mapper = JsonMapper.builder().build();
		for (JsonNode name : read(mapper, FOLDER + "index.json")) {
			JsonNode file = read(mapper, FOLDER + name.asString() + ".json");
			JsonNode steps = file.get("suggestedSteps");
			Integer suggested = steps == null ? null : steps.asInt();
			String title = file.get("title").asString();
			String description = file.get("description").asString();
			if (file.has("dataset")) {
				DataExamples.Built built = DataExamples.build(name.asString(), file);
				examples.put(name.asString(), new Example(name.asString(), title, description, suggested,
						built.request(), built.test(), built.dataset(), built.initialLayers()));
			}
			else {
				examples.put(name.asString(), new Example(name.asString(), title, description, suggested,
						file.get("request"), null, null, null));
			}
		}
	}

	public List<Example> all() {
		return List.copyOf(examples.values());
	}

	public Optional<Example> find(String name) {
		return Optional.ofNullable(examples.get(name));
	}

	public List<String> names() {
		return List.copyOf(examples.keySet());
	}

	private static JsonNode read(JsonMapper mapper, String path) {
		try (InputStream in = new ClassPathResource(path).getInputStream()) {
			return mapper.readTree(in);
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot read the example resource " + path, e);
		}
	}

}
