package lab.backprop.engine;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.math3.linear.RealMatrix;

import lab.backprop.engine.data.Feature;
import lab.backprop.engine.linalg.Matrices;
import lab.backprop.engine.linalg.MatrixProducts;
import lab.backprop.engine.linalg.RowMajorMatrix;

/**
 * A network's picture over a rectangle of two-feature points (x₁, x₂): its first output,
 * and optionally every neuron's, at each point of a grid, computed in one forward pass of
 * all the points as one batch. The network's inputs are either the two coordinates or the
 * {@link Feature} columns computed from them.
 *
 * @param features the network's input columns, in order; empty for (x₁, x₂) themselves
 */
public record DecisionGrid(Axis x, Axis y, List<Feature> features) {

	public DecisionGrid {
		features = List.copyOf(features);
	}

	/**
	 * {@code points} values from {@code min} to {@code max}, evenly spaced, the ends
	 * exactly.
	 */
	public record Axis(double min, double max, int points) {

		public double[] values() {
			double[] values = new double[points];
			for (int j = 0; j < points; j++) {
				values[j] = j == points - 1 ? max : min + (max - min) * j / (points - 1);
			}
			return values;
		}

		/**
		 * Whether the values strictly increase (they do unless the range is too narrow).
		 */
		public boolean ascending() {
			double[] values = values();
			for (int j = 1; j < values.length; j++) {
				if (!(values[j] > values[j - 1])) {
					return false;
				}
			}
			return true;
		}
	}

	/**
	 * The grid's values: {@code output[i][j]} is the first output at (x[j], y[i]);
	 * {@code neurons}, when asked for, has per layer per neuron such a matrix.
	 */
	public record Picture(double[] x, double[] y, double[][] output, List<double[][][]> neurons) {
	}

	/** Grid points in all: one row of the batch each. */
	public long points() {
		return (long) x.points() * y.points();
	}

	/** How many input columns a point gives. */
	public int columns() {
		return features.isEmpty() ? 2 : features.size();
	}

	/** The batch: the point (x[j], y[i]) in row i · x.points + j. */
	public RealMatrix inputs() {
		double[] xs = x.values();
		double[] ys = y.values();
		int columns = columns();
		double[] data = new double[xs.length * ys.length * columns];
		int at = 0;
		for (double yi : ys) {
			for (double xj : xs) {
				if (features.isEmpty()) {
					data[at++] = xj;
					data[at++] = yi;
				}
				else {
					for (Feature feature : features) {
						data[at++] = feature.of(xj, yi);
					}
				}
			}
		}
		return new RowMajorMatrix(xs.length * ys.length, columns, data);
	}

	/**
	 * One forward pass of every grid point through {@code network}.
	 * @throws NonFiniteValueException naming the first value ({@code grid.layers[l].z},
	 * ...) that is not finite
	 */
	public Picture evaluate(Network network, MatrixProducts products, boolean withNeurons) {
		double[] xs = x.values();
		double[] ys = y.values();
		List<ForwardPass.LayerValues> layers = ForwardPass.layers(network, inputs(), products, "grid");
		double[][] output = picture(layers.get(layers.size() - 1).output(), 0, xs.length, ys.length);
		List<double[][][]> neurons = null;
		if (withNeurons) {
			neurons = new ArrayList<>(layers.size());
			for (ForwardPass.LayerValues layer : layers) {
				RealMatrix values = layer.output();
				double[][][] pictures = new double[values.getColumnDimension()][][];
				for (int k = 0; k < pictures.length; k++) {
					pictures[k] = picture(values, k, xs.length, ys.length);
				}
				neurons.add(pictures);
			}
		}
		return new Picture(xs, ys, output, neurons);
	}

	/** Column {@code k} of the batch's values as rows of y, columns of x. */
	private static double[][] picture(RealMatrix values, int k, int width, int height) {
		double[] data = Matrices.data(values);
		int columns = values.getColumnDimension();
		double[][] rows = new double[height][width];
		for (int i = 0; i < height; i++) {
			for (int j = 0; j < width; j++) {
				rows[i][j] = data[(i * width + j) * columns + k];
			}
		}
		return rows;
	}

}
