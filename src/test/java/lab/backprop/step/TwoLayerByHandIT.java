package lab.backprop.step;

import static lab.backprop.NumericAssertions.assertClose;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import lab.backprop.HttpTestSupport;
import lab.backprop.Api.Answer;

/**
 * The contract's two-layer network (Matt Mazur's well-known worked example), computed
 * here by hand, neuron by neuron with scalar arithmetic, and compared with the service to
 * 1e-12.
 *
 * <pre>
 * inputs x = (0.05, 0.10); target y = (0.01, 0.99); loss = quadratic = ½ Σ (ŷ − y)² (n = 1); η = 0.5
 * hidden:  h_j = σ(x1·W1[0][j] + x2·W1[1][j] + b1[j]),  W1 = [[0.15, 0.25], [0.20, 0.30]], b1 = 0.35
 *          net_h1 = 0.05·0.15 + 0.10·0.20 + 0.35 = 0.3775     net_h2 = 0.05·0.25 + 0.10·0.30 + 0.35 = 0.3925
 * output:  o_k = σ(h1·W2[0][k] + h2·W2[1][k] + b2[k]),    W2 = [[0.40, 0.50], [0.45, 0.55]], b2 = 0.60
 * backward (quadratic, n = 1): dL/do_k = o_k − y_k;  δo_k = (o_k − y_k)·o_k(1 − o_k)
 *          dL/dW2[j][k] = h_j·δo_k;  dL/db2[k] = δo_k
 *          dL/dh_j = Σ_k δo_k·W2[j][k] (with the OLD W2);  δh_j = dL/dh_j·h_j(1 − h_j)
 *          dL/dW1[i][j] = x_i·δh_j;  dL/db1[j] = δh_j
 * update:  θ ← θ − 0.5·dL/dθ
 * </pre> Mazur's published (rounded) values are checked too: out_o1 = 0.75136507, E =
 * 0.298371109, w5⁺ = 0.35891648, w1⁺ = 0.149780716.
 */
class TwoLayerByHandIT extends HttpTestSupport {

	private static final String REQUEST = """
			{
			  "inputs": [[0.05, 0.10]],
			  "layers": [
			    {"weights": [[0.15, 0.25], [0.20, 0.30]], "bias": [0.35, 0.35], "activation": "sigmoid"},
			    {"weights": [[0.40, 0.50], [0.45, 0.55]], "bias": [0.60, 0.60], "activation": "sigmoid"}
			  ],
			  "label": [[0.01, 0.99]],
			  "loss": "quadratic",
			  "learningRate": 0.5
			}""";

	private static final double TOLERANCE = 1e-12;

	@Test
	void matchesTheHandWorkedStep() {
		double[] x = { 0.05, 0.10 };
		double[] y = { 0.01, 0.99 };
		double[][] w1 = { { 0.15, 0.25 }, { 0.20, 0.30 } };
		double[] b1 = { 0.35, 0.35 };
		double[][] w2 = { { 0.40, 0.50 }, { 0.45, 0.55 } };
		double[] b2 = { 0.60, 0.60 };
		double eta = 0.5;

		double[] netH = new double[2];
		double[] h = new double[2];
		for (int j = 0; j < 2; j++) {
			netH[j] = x[0] * w1[0][j] + x[1] * w1[1][j] + b1[j];
			h[j] = sigmoid(netH[j]);
		}
		double[] netO = new double[2];
		double[] o = new double[2];
		for (int k = 0; k < 2; k++) {
			netO[k] = h[0] * w2[0][k] + h[1] * w2[1][k] + b2[k];
			o[k] = sigmoid(netO[k]);
		}
		double loss = 0.5 * ((o[0] - y[0]) * (o[0] - y[0]) + (o[1] - y[1]) * (o[1] - y[1]));

		double[] deltaO = new double[2];
		for (int k = 0; k < 2; k++) {
			deltaO[k] = (o[k] - y[k]) * o[k] * (1 - o[k]);
		}
		double[][] dW2 = new double[2][2];
		double[] dLdh = new double[2];
		double[] deltaH = new double[2];
		for (int j = 0; j < 2; j++) {
			for (int k = 0; k < 2; k++) {
				dW2[j][k] = h[j] * deltaO[k];
			}
			dLdh[j] = deltaO[0] * w2[j][0] + deltaO[1] * w2[j][1];
			deltaH[j] = dLdh[j] * h[j] * (1 - h[j]);
		}
		double[][] dW1 = new double[2][2];
		for (int i = 0; i < 2; i++) {
			for (int j = 0; j < 2; j++) {
				dW1[i][j] = x[i] * deltaH[j];
			}
		}

		Answer answer = postJson("/train-step", REQUEST);
		assertThat(answer.status()).isEqualTo(200);
		JsonNode body = answer.json();
		JsonNode forward = body.get("forward");
		for (int j = 0; j < 2; j++) {
			assertClose("net_h" + j, forward.at("/layers/0/z/0/" + j).asDouble(), netH[j], TOLERANCE);
			assertClose("out_h" + j, forward.at("/layers/0/output/0/" + j).asDouble(), h[j], TOLERANCE);
			assertClose("hidden output is the next input", forward.at("/layers/1/input/0/" + j).asDouble(), h[j], 0);
			assertClose("net_o" + j, forward.at("/layers/1/z/0/" + j).asDouble(), netO[j], TOLERANCE);
			assertClose("out_o" + j, forward.at("/prediction/0/" + j).asDouble(), o[j], TOLERANCE);
		}
		assertClose("E_total", forward.get("loss").asDouble(), loss, TOLERANCE);

		JsonNode backward = body.get("backward");
		for (int k = 0; k < 2; k++) {
			assertClose("dL/do" + k, backward.at("/dL_dPrediction/0/" + k).asDouble(), o[k] - y[k], TOLERANCE);
			assertClose("do/dnet" + k, backward.at("/layers/1/dOutput_dZ/0/" + k).asDouble(), o[k] * (1 - o[k]),
					TOLERANCE);
			assertClose("δo" + k, backward.at("/layers/1/dL_dZ/0/" + k).asDouble(), deltaO[k], TOLERANCE);
			assertClose("dL/db2" + k, backward.at("/layers/1/dL_db/" + k).asDouble(), deltaO[k], TOLERANCE);
		}
		for (int j = 0; j < 2; j++) {
			assertClose("dL/dh" + j, backward.at("/layers/1/dL_dInput/0/" + j).asDouble(), dLdh[j], TOLERANCE);
			assertClose("dL/dh" + j + " arrives", backward.at("/layers/0/dL_dOutput/0/" + j).asDouble(), dLdh[j],
					TOLERANCE);
			assertClose("δh" + j, backward.at("/layers/0/dL_dZ/0/" + j).asDouble(), deltaH[j], TOLERANCE);
			assertClose("dL/db1" + j, backward.at("/layers/0/dL_db/" + j).asDouble(), deltaH[j], TOLERANCE);
			for (int k = 0; k < 2; k++) {
				assertClose("dL/dW2", backward.at("/layers/1/dL_dW/" + j + "/" + k).asDouble(), dW2[j][k], TOLERANCE);
				assertClose("dL/dW1", backward.at("/layers/0/dL_dW/" + j + "/" + k).asDouble(), dW1[j][k], TOLERANCE);
			}
		}

		JsonNode update = body.get("update").get("layers");
		double[][] newW1 = new double[2][2];
		double[][] newW2 = new double[2][2];
		double[] newB1 = new double[2];
		double[] newB2 = new double[2];
		for (int j = 0; j < 2; j++) {
			newB1[j] = b1[j] - eta * deltaH[j];
			newB2[j] = b2[j] - eta * deltaO[j];
			assertClose("b1⁺", update.at("/0/bias/" + j).asDouble(), newB1[j], TOLERANCE);
			assertClose("b2⁺", update.at("/1/bias/" + j).asDouble(), newB2[j], TOLERANCE);
			for (int k = 0; k < 2; k++) {
				newW1[j][k] = w1[j][k] - eta * dW1[j][k];
				newW2[j][k] = w2[j][k] - eta * dW2[j][k];
				assertClose("W1⁺", update.at("/0/weights/" + j + "/" + k).asDouble(), newW1[j][k], TOLERANCE);
				assertClose("W2⁺", update.at("/1/weights/" + j + "/" + k).asDouble(), newW2[j][k], TOLERANCE);
			}
		}

		// The check after the step, again by hand with the new parameters.
		double[] h2 = new double[2];
		for (int j = 0; j < 2; j++) {
			h2[j] = sigmoid(x[0] * newW1[0][j] + x[1] * newW1[1][j] + newB1[j]);
		}
		double lossAfter = 0;
		for (int k = 0; k < 2; k++) {
			double out = sigmoid(h2[0] * newW2[0][k] + h2[1] * newW2[1][k] + newB2[k]);
			assertClose("o⁺" + k, body.at("/after/prediction/0/" + k).asDouble(), out, TOLERANCE);
			lossAfter += 0.5 * (out - y[k]) * (out - y[k]);
		}
		assertClose("E⁺", body.at("/after/loss").asDouble(), lossAfter, TOLERANCE);
		assertThat(body.at("/after/lossChange").asDouble()).isNegative();

		// Mazur's published values, rounded to 9 digits.
		assertClose("Mazur out_o1", o[0], 0.75136507, 1e-8);
		assertClose("Mazur E_total", loss, 0.298371109, 1e-8);
		assertClose("Mazur w5+", body.at("/update/layers/1/weights/0/0").asDouble(), 0.35891648, 1e-8);
		assertClose("Mazur w1+", body.at("/update/layers/0/weights/0/0").asDouble(), 0.149780716, 1e-8);
	}

	private static double sigmoid(double z) {
		return 1 / (1 + Math.exp(-z));
	}

}
