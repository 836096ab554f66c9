package lab.backprop;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The seed script's numbers at full double precision: a copy of
 * shared/seed/full_precision.json, printed by the numpy script itself.
 */
public final class SeedValues {

	public static final String REQUEST = """
			{
			  "inputs": [[0.5, 0.2, 0.8]],
			  "weights": [[0.1], [-0.3], [0.5]],
			  "bias": [[0.1]],
			  "label": [[0.7]],
			  "learningRate": 0.1
			}""";

	private SeedValues() {
	}

	public static JsonNode load() {
		try (InputStream in = SeedValues.class.getResourceAsStream("/seed/full_precision.json")) {
			return JsonMapper.builder().build().readTree(in);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** One of the seed's 1×1 quantities, such as "loss". */
	public static double scalar(String name) {
		return load().get(name).get(0).get(0).asDouble();
	}

	/** The seed's column vector {@code name}, top to bottom. */
	public static double[] column(String name) {
		JsonNode rows = load().get(name);
		double[] values = new double[rows.size()];
		for (int i = 0; i < values.length; i++) {
			values[i] = rows.get(i).get(0).asDouble();
		}
		return values;
	}

}
