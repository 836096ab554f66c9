package lab.backprop.engine;

import static lab.backprop.NumericAssertions.assertClose;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import lab.backprop.engine.linalg.Matrices;
import lab.backprop.engine.linalg.MatrixProducts;

/**
 * The penalty on the weights: its value and its gradient, against PyTorch's autograd
 * (torch_reference.json, written by torch_reference.py beside it), against the formulas
 * PyTorch's autograd applies written out here, and against finite differences.
 */
class RegularizationTest {

	private static final MatrixProducts PRODUCTS = MatrixProducts.COMMONS_MATH;

	private static final JsonNode TORCH = read("/regularization/torch_reference.json");

	private static final Network NETWORK = network(TORCH.get("layers"));

	private static final RealMatrix INPUTS = matrix(TORCH.get("inputs"));

	private static final RealMatrix LABELS = matrix(TORCH.get("labels"));

	@Test
	void thePenaltyIsLambdaTimesTheSumOverTheWeightsOnly() {
		// weights 0.15, 0, 0.2, 0.3 and 0.4, −0.5, 0.45, 0.55; the biases (0.35, 0.6) do
		// not count
		assertClose("l1", new Regularization(Regularization.Type.L1, 0.01).penalty(NETWORK),
				0.01 * (0.15 + 0.2 + 0.3 + 0.4 + 0.5 + 0.45 + 0.55), 1e-15);
		assertClose("l2", new Regularization(Regularization.Type.L2, 0.1).penalty(NETWORK),
				0.05 * (0.0225 + 0.04 + 0.09 + 0.16 + 0.25 + 0.2025 + 0.3025), 1e-15);
		assertThat(Regularization.NONE.penalty(NETWORK)).isZero();
	}

	/** Every case PyTorch computed: the loss's parts and every gradient, to 1e-12. */
	@Test
	void lossesAndGradientsAreAutogradsOnesFromPyTorch() {
		assertThat(TORCH.get("cases").size()).isEqualTo(4);
		for (JsonNode c : TORCH.get("cases")) {
			String name = c.get("loss").asString() + " " + c.get("type").asString();
			Loss loss = Loss.valueOf(c.get("loss").asString().toUpperCase(java.util.Locale.ROOT));
			Regularization regularization = new Regularization(
					Regularization.Type.valueOf(c.get("type").asString().toUpperCase(java.util.Locale.ROOT)),
					c.get("rate").doubleValue());
			ForwardPass forward = ForwardPass.run(NETWORK, INPUTS, LABELS, loss, regularization, PRODUCTS, "forward");
			assertClose(name + " dataLoss", forward.dataLoss(), c.get("dataLoss").doubleValue(), 1e-12);
			assertClose(name + " penalty", forward.penalty(), c.get("penalty").doubleValue(), 1e-12);
			assertClose(name + " loss", forward.loss(), c.get("total").doubleValue(), 1e-12);
			BackwardPass backward = BackwardPass.run(NETWORK, forward, LABELS, loss, regularization, PRODUCTS);
			for (int l = 0; l < NETWORK.depth(); l++) {
				double[][] dw = Matrices.rows(backward.layers().get(l).dLdW());
				double[] db = backward.layers().get(l).dLdb().toArray();
				JsonNode expectedW = c.get("dL_dW").get(l);
				for (int r = 0; r < dw.length; r++) {
					for (int k = 0; k < dw[r].length; k++) {
						assertClose(name + " dL/dW" + l + "[" + r + "," + k + "]", dw[r][k],
								expectedW.get(r).get(k).doubleValue(), 1e-12);
					}
				}
				for (int k = 0; k < db.length; k++) {
					assertClose(name + " dL/db" + l + "[" + k + "]", db[k], c.get("dL_db").get(l).get(k).doubleValue(),
							1e-12);
				}
			}
		}
	}

	/**
	 * PyTorch's rules for the two penalties, written out: d(λ·Σ|w|)/dw = λ·sign(w) with
	 * torch.sign(0) = 0, and d((λ/2)·Σw²)/dw = (λ/2)·2w = λ·w; every other gradient is
	 * the data loss's alone. A weight that is exactly 0 gets no push from L1.
	 */
	@Test
	void theGradientIsTheDataGradientPlusThePenaltysDerivative() {
		ForwardPass plain = ForwardPass.run(NETWORK, INPUTS, LABELS, Loss.MSE, PRODUCTS, "forward");
		BackwardPass data = BackwardPass.run(NETWORK, plain, LABELS, Loss.MSE, PRODUCTS);
		for (Regularization.Type type : Regularization.Type.values()) {
			double lambda = 0.03;
			Regularization regularization = new Regularization(type, lambda);
			ForwardPass forward = ForwardPass.run(NETWORK, INPUTS, LABELS, Loss.MSE, regularization, PRODUCTS,
					"forward");
			BackwardPass with = BackwardPass.run(NETWORK, forward, LABELS, Loss.MSE, regularization, PRODUCTS);
			for (int l = 0; l < NETWORK.depth(); l++) {
				double[][] w = Matrices.rows(NETWORK.layer(l).weights());
				double[][] g = Matrices.rows(data.layers().get(l).dLdW());
				double[][] total = Matrices.rows(with.layers().get(l).dLdW());
				for (int r = 0; r < w.length; r++) {
					for (int k = 0; k < w[r].length; k++) {
						double sign = w[r][k] > 0 ? 1.0 : w[r][k] < 0 ? -1.0 : 0.0;
						double expected = g[r][k] + (type == Regularization.Type.L1 ? lambda * sign : lambda * w[r][k]);
						assertThat(total[r][k]).as(type + " layer " + l + " [" + r + "," + k + "]").isEqualTo(expected);
					}
				}
				assertThat(with.layers().get(l).dLdb()).isEqualTo(data.layers().get(l).dLdb());
				assertThat(with.layers().get(l).dLdZ()).isEqualTo(data.layers().get(l).dLdZ());
			}
			assertThat(Matrices.rows(with.layers().get(0).dLdW())[0][1]).as(type + " at w = 0")
				.isEqualTo(Matrices.rows(data.layers().get(0).dLdW())[0][1]);
		}
	}

	/**
	 * The finite difference of the whole objective agrees with the analytic gradient
	 * (away from w = 0, where |w| has no derivative, so the zero weight is moved).
	 */
	@Test
	void theGradientCheckOfTheObjectivePasses() {
		List<Layer> layers = new ArrayList<>(NETWORK.layers());
		RealMatrix first = layers.get(0).weights().copy();
		first.setEntry(0, 1, -0.07);
		layers.set(0, new Layer(first, layers.get(0).bias(), layers.get(0).activation()));
		Network network = new Network(layers);
		GradientCheck check = new GradientCheck(PRODUCTS);
		for (Regularization.Type type : Regularization.Type.values()) {
			Regularization regularization = new Regularization(type, 0.05);
			GradientCheck.Report report = check.run(network, INPUTS, LABELS, Loss.BINARY_CROSS_ENTROPY, regularization,
					Interruption.NONE);
			assertThat(report.passed()).as(type.name()).isTrue();
			assertThat(report.layers()).allSatisfy(layer -> assertThat(layer.maxRelativeError()).isLessThan(1e-7));
			// without the penalty's derivative the same check fails: the check sees it
			GradientCheck blind = new GradientCheck(PRODUCTS, BackwardPass::run);
			assertThat(blind.run(network, INPUTS, LABELS, Loss.BINARY_CROSS_ENTROPY, regularization, Interruption.NONE)
				.passed()).as(type + " without the penalty's gradient").isFalse();
		}
	}

	@Test
	void aStoppedCheckSaysWhy() {
		GradientCheck check = new GradientCheck(PRODUCTS);
		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> check.run(NETWORK, INPUTS, LABELS, Loss.MSE, Regularization.NONE,
					() -> Training.StopReason.TIME_LIMIT))
			.isInstanceOfSatisfying(StoppedException.class,
					e -> assertThat(e.reason()).isEqualTo(Training.StopReason.TIME_LIMIT));
	}

	private static Network network(JsonNode layers) {
		List<Layer> result = new ArrayList<>();
		for (JsonNode layer : layers) {
			double[] bias = new double[layer.get(1).size()];
			for (int k = 0; k < bias.length; k++) {
				bias[k] = layer.get(1).get(k).doubleValue();
			}
			result.add(new Layer(matrix(layer.get(0)), new ArrayRealVector(bias),
					Activation.valueOf(layer.get(2).asString().toUpperCase(java.util.Locale.ROOT))));
		}
		return new Network(result);
	}

	private static RealMatrix matrix(JsonNode rows) {
		double[][] m = new double[rows.size()][];
		for (int r = 0; r < m.length; r++) {
			m[r] = new double[rows.get(r).size()];
			for (int k = 0; k < m[r].length; k++) {
				m[r][k] = rows.get(r).get(k).doubleValue();
			}
		}
		return Matrices.of(m);
	}

	private static JsonNode read(String resource) {
		try (InputStream in = RegularizationTest.class.getResourceAsStream(resource)) {
			return JsonMapper.builder().build().readTree(in);
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

}
