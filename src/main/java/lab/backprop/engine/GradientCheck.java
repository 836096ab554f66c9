package lab.backprop.engine;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.math3.analysis.UnivariateFunction;
import org.apache.commons.math3.analysis.differentiation.DerivativeStructure;
import org.apache.commons.math3.analysis.differentiation.FiniteDifferencesDifferentiator;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import lab.backprop.engine.linalg.Matrices;
import lab.backprop.engine.linalg.MatrixProducts;

/**
 * Compares every analytic gradient of the backward pass with a central finite difference
 * of the loss, computed by Commons Math's {@link FiniteDifferencesDifferentiator} on
 * three points (θ − h, θ, θ + h), which is (L(θ + h) − L(θ − h)) / 2h.
 *
 * <p>
 * The step is h = ∛ε · max(1, |θ|) with ε = 2⁻⁵² (the machine epsilon): it balances the
 * difference's truncation error (∝ h²) against the rounding error of the loss (∝ ε/h).
 *
 * <p>
 * A parameter passes when |analytic − numeric| ≤ absolute + relative · max(|analytic|,
 * |numeric|).
 */
public final class GradientCheck {

	/**
	 * Where the analytic gradients come from: the backward pass, or, in tests, a
	 * deliberately wrong one.
	 */
	@FunctionalInterface
	public interface AnalyticGradients {

		BackwardPass compute(Network network, ForwardPass forward, RealMatrix labels, Loss loss,
				MatrixProducts products);

	}

	public static final double STEP_FACTOR = StrictMath.cbrt(Math.ulp(1.0));

	public static final double RELATIVE_TOLERANCE = 1e-5;

	public static final double ABSOLUTE_TOLERANCE = 1e-8;

	/** Loss evaluations per parameter. */
	public static final int POINTS = 3;

	private final MatrixProducts products;

	/** {@code null}: the backward pass, with the penalty's gradient. */
	private final AnalyticGradients analytic;

	public GradientCheck(MatrixProducts products, AnalyticGradients analytic) {
		this.products = products;
		this.analytic = analytic;
	}

	public GradientCheck(MatrixProducts products) {
		this(products, null);
	}

	/**
	 * One parameter tensor's gradients side by side (a bias is a matrix of one row here).
	 */
	public record Comparison(double[][] analytic, double[][] numeric, double maxAbsoluteError, double maxRelativeError,
			boolean passed) {
	}

	public record LayerReport(Comparison weights, Comparison bias, double maxAbsoluteError, double maxRelativeError,
			boolean passed) {
	}

	public record Report(double loss, List<LayerReport> layers, boolean passed) {
	}

	public Report run(Network network, RealMatrix inputs, RealMatrix labels, Loss loss) {
		return run(network, inputs, labels, loss, Regularization.NONE, Interruption.NONE);
	}

	/**
	 * The check of the loss with {@code regularization}'s penalty, asking
	 * {@code interruption} before each parameter.
	 * @throws StoppedException when {@code interruption} says to stop
	 */
	public Report run(Network network, RealMatrix inputs, RealMatrix labels, Loss loss, Regularization regularization,
			Interruption interruption) {
		ForwardPass forward = ForwardPass.run(network, inputs, labels, loss, regularization, products, "forward");
		BackwardPass backward = analytic != null ? analytic.compute(network, forward, labels, loss, products)
				: BackwardPass.run(network, forward, labels, loss, regularization, products);
		Data data = new Data(network, inputs, labels, loss, regularization);
		List<LayerReport> layers = new ArrayList<>(network.depth());
		boolean passed = true;
		for (int i = 0; i < network.depth(); i++) {
			int index = i;
			Layer layer = network.layer(i);
			double[][] weights = Matrices.rows(layer.weights());
			double[][] numericW = new double[weights.length][weights[0].length];
			for (int r = 0; r < weights.length; r++) {
				for (int c = 0; c < weights[r].length; c++) {
					int row = r;
					int column = c;
					stopIfAsked(interruption);
					numericW[r][c] = derivative(weights[r][c], x -> {
						RealMatrix changed = layer.weights().copy();
						changed.setEntry(row, column, x);
						return lossWith(data, index, new Layer(changed, layer.bias(), layer.activation()));
					});
				}
			}
			double[] numericB = new double[layer.outputs()];
			for (int c = 0; c < numericB.length; c++) {
				int column = c;
				stopIfAsked(interruption);
				numericB[c] = derivative(layer.bias().getEntry(c), x -> {
					RealVector changed = layer.bias().copy();
					changed.setEntry(column, x);
					return lossWith(data, index, new Layer(layer.weights(), changed, layer.activation()));
				});
			}
			BackwardPass.LayerGradients g = backward.layers().get(i);
			Comparison w = compare(Matrices.rows(g.dLdW()), numericW);
			Comparison b = compare(new double[][] { g.dLdb().toArray() }, new double[][] { numericB });
			boolean layerPassed = w.passed() && b.passed();
			layers.add(new LayerReport(w, b, Math.max(w.maxAbsoluteError(), b.maxAbsoluteError()),
					Math.max(w.maxRelativeError(), b.maxRelativeError()), layerPassed));
			passed &= layerPassed;
		}
		return new Report(forward.loss(), List.copyOf(layers), passed);
	}

	/** h = ∛ε · max(1, |θ|). */
	public static double stepSize(double theta) {
		return STEP_FACTOR * Math.max(1.0, Math.abs(theta));
	}

	/** |a − n| / max(|a|, |n|), and 0 when both are 0. */
	public static double relativeError(double analytic, double numeric) {
		double scale = Math.max(Math.abs(analytic), Math.abs(numeric));
		return scale == 0.0 ? 0.0 : Math.abs(analytic - numeric) / scale;
	}

	public static boolean agrees(double analytic, double numeric) {
		return Math.abs(analytic - numeric) <= ABSOLUTE_TOLERANCE
				+ RELATIVE_TOLERANCE * Math.max(Math.abs(analytic), Math.abs(numeric));
	}

	private static double derivative(double theta, UnivariateFunction loss) {
		FiniteDifferencesDifferentiator differentiator = new FiniteDifferencesDifferentiator(POINTS, stepSize(theta));
		return differentiator.differentiate(loss)
			.value(new DerivativeStructure(1, 1, 0, theta))
			.getPartialDerivative(1);
	}

	/** What the loss is computed from, with one layer replaced. */
	private record Data(Network network, RealMatrix inputs, RealMatrix labels, Loss loss,
			Regularization regularization) {
	}

	private double lossWith(Data data, int index, Layer replacement) {
		List<Layer> layers = new ArrayList<>(data.network().layers());
		layers.set(index, replacement);
		return ForwardPass
			.run(new Network(layers), data.inputs(), data.labels(), data.loss(), data.regularization(), products,
					"gradientCheck")
			.loss();
	}

	private static void stopIfAsked(Interruption interruption) {
		Training.StopReason reason = interruption.check();
		if (reason != null) {
			throw new StoppedException(reason);
		}
	}

	private static Comparison compare(double[][] analytic, double[][] numeric) {
		double maxAbsolute = 0.0;
		double maxRelative = 0.0;
		boolean passed = true;
		for (int r = 0; r < analytic.length; r++) {
			for (int c = 0; c < analytic[r].length; c++) {
				double a = analytic[r][c];
				double n = numeric[r][c];
				maxAbsolute = Math.max(maxAbsolute, Math.abs(a - n));
				maxRelative = Math.max(maxRelative, relativeError(a, n));
				passed &= agrees(a, n);
			}
		}
		return new Comparison(analytic, numeric, maxAbsolute, maxRelative, passed);
	}

}
