package lab.backprop.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealMatrix;

import lab.backprop.engine.Activation;
import lab.backprop.engine.linalg.BlasKernel;
import lab.backprop.engine.linalg.BlasMatrixProducts;
import lab.backprop.engine.Layer;
import lab.backprop.engine.Loss;
import lab.backprop.engine.linalg.Matrices;
import lab.backprop.engine.linalg.MatrixProducts;
import lab.backprop.engine.Network;

/**
 * The networks the benchmarks measure, made from a fixed random seed: the same numbers
 * for JMH (in process) and for the load test (as JSON bodies written by {@link #main}).
 */
public enum BenchmarkCase {

	/**
	 * The seed: one sigmoid neuron, three inputs, batch 1, mse (exactly the API's
	 * example).
	 */
	SEED(1, new int[] { 3, 1 }, new Activation[] { Activation.SIGMOID }, Loss.MSE),

	/** 64 → 32 → 10, batch 32: tanh, then softmax with cross-entropy. */
	SMALL(32, new int[] { 64, 32, 10 }, new Activation[] { Activation.TANH, Activation.SOFTMAX }, Loss.CROSS_ENTROPY),

	/** 784 → 256 → 10, batch 64 (MNIST size): relu, then softmax with cross-entropy. */
	MNIST(64, new int[] { 784, 256, 10 }, new Activation[] { Activation.RELU, Activation.SOFTMAX }, Loss.CROSS_ENTROPY);

	private final int batch;

	private final int[] sizes;

	private final Activation[] activations;

	private final Loss loss;

	BenchmarkCase(int batch, int[] sizes, Activation[] activations, Loss loss) {
		this.batch = batch;
		this.sizes = sizes;
		this.activations = activations;
		this.loss = loss;
	}

	public static final double LEARNING_RATE = 0.1;

	/** The products by the benchmarks' name for them, from the service's threshold on. */
	public static MatrixProducts products(String name) {
		return products(name, BlasMatrixProducts.DEFAULT_THRESHOLD);
	}

	/**
	 * {@code blas}: the kernel the service picks ({@code backprop.engine.blas=auto});
	 * {@code java-blas}: the pure-Java BLAS; {@code commons-math}: Commons Math alone.
	 */
	public static MatrixProducts products(String name, long threshold) {
		return switch (name) {
			case "blas" -> new BlasMatrixProducts(BlasKernel.choose(BlasKernel.Choice.AUTO), threshold);
			case "java-blas" -> new BlasMatrixProducts(BlasKernel.choose(BlasKernel.Choice.JAVA), threshold);
			case "commons-math" -> MatrixProducts.COMMONS_MATH;
			default -> throw new IllegalArgumentException("unknown products " + name);
		};
	}

	/** The engine's inputs for this case. */
	public record Data(Network network, RealMatrix inputs, RealMatrix labels, Loss loss) {
	}

	public Data data() {
		Numbers numbers = numbers();
		List<Layer> layers = new ArrayList<>();
		for (int i = 0; i < activations.length; i++) {
			layers.add(new Layer(Matrices.of(numbers.weights.get(i)), new ArrayRealVector(numbers.biases.get(i)),
					activations[i]));
		}
		return new Data(new Network(layers), Matrices.of(numbers.inputs), Matrices.of(numbers.labels), loss);
	}

	/**
	 * The /train-step body (network form) for this case; the seed is the API's own
	 * example.
	 */
	public String json() {
		if (this == SEED) {
			return """
					{"inputs": [[0.5, 0.2, 0.8]], "weights": [[0.1], [-0.3], [0.5]], "bias": [[0.1]], \
					"label": [[0.7]], "learningRate": 0.1}""";
		}
		Numbers numbers = numbers();
		StringBuilder json = new StringBuilder(8 << 20);
		json.append("{\"inputs\":");
		matrix(json, numbers.inputs);
		json.append(",\"layers\":[");
		for (int i = 0; i < activations.length; i++) {
			json.append(i > 0 ? "," : "").append("{\"weights\":");
			matrix(json, numbers.weights.get(i));
			json.append(",\"bias\":");
			row(json, numbers.biases.get(i));
			json.append(",\"activation\":\"").append(activations[i].wireName()).append("\"}");
		}
		json.append("],\"label\":");
		matrix(json, numbers.labels);
		json.append(",\"loss\":\"").append(loss.wireName()).append("\",\"learningRate\":").append(LEARNING_RATE);
		return json.append('}').toString();
	}

	private record Numbers(double[][] inputs, List<double[][]> weights, List<double[]> biases, double[][] labels) {
	}

	private Numbers numbers() {
		if (this == SEED) {
			return new Numbers(new double[][] { { 0.5, 0.2, 0.8 } },
					List.<double[][]>of(new double[][] { { 0.1 }, { -0.3 }, { 0.5 } }), List.of(new double[] { 0.1 }),
					new double[][] { { 0.7 } });
		}
		Random random = new Random(42);
		double[][] inputs = new double[batch][sizes[0]];
		for (double[] row : inputs) {
			for (int j = 0; j < row.length; j++) {
				row[j] = random.nextDouble();
			}
		}
		List<double[][]> weights = new ArrayList<>();
		List<double[]> biases = new ArrayList<>();
		for (int l = 1; l < sizes.length; l++) {
			double scale = 1.0 / Math.sqrt(sizes[l - 1]);
			double[][] w = new double[sizes[l - 1]][sizes[l]];
			for (double[] row : w) {
				for (int j = 0; j < row.length; j++) {
					row[j] = (2 * random.nextDouble() - 1) * scale;
				}
			}
			double[] b = new double[sizes[l]];
			for (int j = 0; j < b.length; j++) {
				b[j] = (2 * random.nextDouble() - 1) * scale;
			}
			weights.add(w);
			biases.add(b);
		}
		int outputs = sizes[sizes.length - 1];
		double[][] labels = new double[batch][outputs];
		for (double[] row : labels) {
			row[random.nextInt(outputs)] = 1.0; // one-hot classes
		}
		return new Numbers(inputs, weights, biases, labels);
	}

	private static void matrix(StringBuilder json, double[][] rows) {
		json.append('[');
		for (int i = 0; i < rows.length; i++) {
			json.append(i > 0 ? "," : "");
			row(json, rows[i]);
		}
		json.append(']');
	}

	private static void row(StringBuilder json, double[] values) {
		json.append('[');
		for (int j = 0; j < values.length; j++) {
			json.append(j > 0 ? "," : "").append(values[j]);
		}
		json.append(']');
	}

	/**
	 * Writes {@code seed.json}, {@code small.json} and {@code mnist.json} into the folder
	 * given.
	 */
	public static void main(String[] args) throws IOException {
		Path folder = Path.of(args.length > 0 ? args[0] : "target/bench");
		Files.createDirectories(folder);
		for (BenchmarkCase c : values()) {
			Path file = folder.resolve(c.name().toLowerCase(java.util.Locale.ROOT) + ".json");
			Files.writeString(file, c.json(), StandardCharsets.UTF_8);
			System.out.println(file + ": " + Files.size(file) + " bytes");
		}
	}

}
