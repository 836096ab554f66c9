package lab.backprop.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;
import lab.backprop.engine.linalg.Matrices;
import lab.backprop.engine.linalg.MatrixProducts;

/** The checker itself: it must notice a gradient that is wrong. */
class GradientCheckTest {

	static final Network NETWORK = new Network(List.of(
			new Layer(Matrices.of(new double[][] { { 0.15, 0.25 }, { 0.20, 0.30 } }),
					new ArrayRealVector(new double[] { 0.35, 0.35 }), Activation.TANH),
			new Layer(Matrices.of(new double[][] { { 0.40, 0.50 }, { 0.45, 0.55 } }),
					new ArrayRealVector(new double[] { 0.60, 0.60 }), Activation.SIGMOID)));

	static final RealMatrix INPUTS = Matrices.of(new double[][] { { 0.05, 0.10 }, { 0.3, -0.2 } });

	static final RealMatrix LABELS = Matrices.of(new double[][] { { 0.01, 0.99 }, { 0.5, 0.2 } });

	@Test
	void theTrueGradientsPass() {
		GradientCheck.Report report = new GradientCheck(MatrixProducts.COMMONS_MATH).run(NETWORK, INPUTS, LABELS,
				Loss.MSE);
		assertThat(report.passed()).isTrue();
		assertThat(report.layers()).allSatisfy(layer -> assertThat(layer.maxRelativeError()).isLessThan(1e-7));
	}

	/**
	 * The seam: the analytic gradient of one weight of the first layer is off by one part
	 * in a thousand.
	 */
	@Test
	void aCorruptedGradientFailsAndIsFoundInItsLayer() {
		GradientCheck.AnalyticGradients corrupted = (network, forward, labels, loss, products) -> {
			BackwardPass right = BackwardPass.run(network, forward, labels, loss, products);
			BackwardPass.LayerGradients first = right.layers().get(0);
			RealMatrix dLdW = first.dLdW().copy();
			dLdW.setEntry(1, 0, dLdW.getEntry(1, 0) * 1.001);
			BackwardPass.LayerGradients wrong = new BackwardPass.LayerGradients(first.dLdOutput(), first.dOutputdZ(),
					first.dLdZ(), dLdW, first.dLdb(), first.dLdInput());
			return new BackwardPass(right.dLdPrediction(), List.of(wrong, right.layers().get(1)));
		};
		GradientCheck.Report report = new GradientCheck(MatrixProducts.COMMONS_MATH, corrupted).run(NETWORK, INPUTS,
				LABELS, Loss.MSE);

		assertThat(report.passed()).isFalse();
		assertThat(report.layers().get(0).passed()).isFalse();
		assertThat(report.layers().get(0).weights().passed()).isFalse();
		assertThat(report.layers().get(0).bias().passed()).isTrue();
		assertThat(report.layers().get(0).maxRelativeError()).isBetween(0.9e-3, 1.1e-3);
		assertThat(report.layers().get(1).passed()).isTrue();
	}

	@Test
	void theStepGrowsWithTheParameter() {
		assertThat(GradientCheck.stepSize(0.5)).isEqualTo(Math.cbrt(Math.ulp(1.0)));
		assertThat(GradientCheck.stepSize(-4.0)).isEqualTo(4.0 * Math.cbrt(Math.ulp(1.0)));
	}

}
