package lab.backprop.step;

import lab.backprop.engine.Activation;
import lab.backprop.engine.Loss;

/**
 * The numpy functions of a script's loss: ŷ − y, ln ŷ and ln(1 − ŷ), the loss and dL/dŷ,
 * and dL/dZ where the loss computes it with its output activation, each the formula the
 * engine computes, its forms exact for saturated outputs included ({@code Residuals},
 * {@code Probabilities}), so that the numbers agree to the last digits there too.
 */
final class PythonLosses {

	private PythonLosses() {
	}

	static void numpy(ScriptWriter w, Loss loss, Activation output) {
		boolean logs = loss == Loss.BINARY_CROSS_ENTROPY || loss == Loss.CROSS_ENTROPY;
		if (!logs || loss.fusesWith(output)) {
			residual(w, output);
		}
		if (logs) {
			PythonFunctions.def(w, "softplus(x)",
					"return np.where(x > 0, x + np.log1p(np.exp(-x)), np.log1p(np.exp(x)))");
			PythonFunctions.def(w, ScriptText.FUNCTION_X_TIMES, "x_times(x, v)", "return np.where(x == 0, 0.0, x * v)");
			PythonFunctions.def(w, "x_over_y(x, y)", "return np.where(x == 0, 0.0, x / y)");
			probabilities(w, output);
		}
		switch (loss) {
			case MSE -> {
				PythonFunctions.def(w, ScriptText.FUNCTION_LOSS, "loss_value(z, p, y)", "r = residual(z, p, y)",
						"return np.sum(r * r) / y.size");
				PythonFunctions.def(w, ScriptText.FUNCTION_LOSS_GRADIENT, "loss_gradient(z, p, y)",
						"return 2 * residual(z, p, y) / y.size");
			}
			case SSE -> {
				PythonFunctions.def(w, ScriptText.FUNCTION_LOSS, "loss_value(z, p, y)", "r = residual(z, p, y)",
						"return np.sum(r * r)");
				PythonFunctions.def(w, ScriptText.FUNCTION_LOSS_GRADIENT, "loss_gradient(z, p, y)",
						"return 2 * residual(z, p, y)");
			}
			case QUADRATIC -> {
				PythonFunctions.def(w, ScriptText.FUNCTION_LOSS, "loss_value(z, p, y)", "r = residual(z, p, y)",
						"return np.sum(r * r) / (2 * y.shape[0])");
				PythonFunctions.def(w, ScriptText.FUNCTION_LOSS_GRADIENT, "loss_gradient(z, p, y)",
						"return residual(z, p, y) / y.shape[0]");
			}
			case BINARY_CROSS_ENTROPY -> {
				PythonFunctions.def(w, ScriptText.FUNCTION_LOSS, "loss_value(z, p, y)",
						"log_p, log_q, q = probabilities(z, p)",
						"return -np.sum(x_times(y, log_p) + x_times(1 - y, log_q)) / y.size");
				PythonFunctions.def(w, ScriptText.FUNCTION_LOSS_GRADIENT, "loss_gradient(z, p, y)",
						"log_p, log_q, q = probabilities(z, p)",
						"return (x_over_y(1 - y, q) - x_over_y(y, p)) / y.size");
			}
			case CROSS_ENTROPY -> {
				PythonFunctions.def(w, ScriptText.FUNCTION_LOSS, "loss_value(z, p, y)",
						"log_p, log_q, q = probabilities(z, p)", "return -np.sum(x_times(y, log_p)) / y.shape[0]");
				PythonFunctions.def(w, ScriptText.FUNCTION_LOSS_GRADIENT, "loss_gradient(z, p, y)",
						"return -x_over_y(y, p) / y.shape[0]");
				if (output == Activation.SOFTMAX) {
					PythonFunctions.def(w, ScriptText.FUNCTION_SOFTMAX_CROSS_ENTROPY,
							"softmax_cross_entropy_dz(z, p, y)", "s = y.sum(axis=1, keepdims=True)",
							"return np.where(y == 1, ((s - 1) * p + residual(z, p, y)) / y.shape[0], (p * s - y) / y.shape[0])");
				}
			}
		}
	}

	/**
	 * ŷ − y as the engine takes it: where a saturated output meets a label of 1 (or −1
	 * after tanh), the complement from z rather than a difference of two nearly equal
	 * numbers.
	 */
	private static void residual(ScriptWriter w, Activation output) {
		switch (output) {
			case SIGMOID -> PythonFunctions.def(w, ScriptText.FUNCTION_RESIDUAL, "residual(z, p, y)",
					"return np.where(y == 1, -sigmoid(-z), p - y)");
			case TANH -> PythonFunctions.def(w, ScriptText.FUNCTION_RESIDUAL, "residual(z, p, y)",
					"return np.where(y == 1, -2 * sigmoid(-2 * z), np.where(y == -1, 2 * sigmoid(2 * z), p - y))");
			case SOFTMAX -> PythonFunctions.def(w, ScriptText.FUNCTION_RESIDUAL, "residual(z, p, y)", "r = p - y",
					"for i in range(p.shape[0]):", "    top = int(np.argmax(p[i]))", "    if y[i, top] == 1:",
					"        r[i, top] = -sum(0.0 if k == top else v for k, v in enumerate(p[i].tolist()))",
					"return r");
			default -> PythonFunctions.def(w, "residual(z, p, y)", "return p - y");
		}
	}

	/**
	 * ln ŷ, ln(1 − ŷ) and 1 − ŷ as the engine takes them: from z for a sigmoid
	 * (softplus), tanh (1 − tanh z = 2σ(−2z)) or softmax (log-sum-exp, the largest
	 * output's own log as −log1p of the others, its complement summed from them) output,
	 * from ŷ otherwise.
	 */
	private static void probabilities(ScriptWriter w, Activation output) {
		switch (output) {
			case SIGMOID -> PythonFunctions.def(w, ScriptText.FUNCTION_PROBABILITIES, "probabilities(z, p)",
					"return -softplus(-z), -softplus(z), sigmoid(-z)");
			case TANH -> PythonFunctions.def(w, ScriptText.FUNCTION_PROBABILITIES, "probabilities(z, p)",
					"q = 2 * sigmoid(-2 * z)",
					"return np.where(p > 0.5, np.log1p(-q), np.log(p)), np.where(p > 0.5, np.log(q), np.log1p(-p)), q");
			case SOFTMAX -> PythonFunctions.def(w, ScriptText.FUNCTION_PROBABILITIES, "probabilities(z, p)",
					"log_p, log_q, q = np.empty_like(z), np.log1p(-p), 1 - p", "for i in range(z.shape[0]):",
					"    top = int(np.argmax(z[i]))", "    e = np.exp(z[i] - z[i, top]).tolist()", "    total = sum(e)",
					"    others = sum(0.0 if k == top else v for k, v in enumerate(e))",
					"    log_p[i] = z[i] - (z[i, top] + np.log(total))", "    log_p[i, top] = -np.log1p(others)",
					"    log_q[i, top] = np.log(others) - np.log(total)", "    q[i, top] = others / total",
					"return log_p, log_q, q");
			default -> PythonFunctions.def(w, ScriptText.FUNCTION_PROBABILITIES, "probabilities(z, p)",
					"return np.log(p), np.log1p(-p), 1 - p");
		}
	}

	/** dL/dZ of an output layer that the loss computes directly. */
	static String fusedOutputGradient(Loss loss, String z, String a) {
		return loss == Loss.BINARY_CROSS_ENTROPY ? "residual(" + z + ", " + a + ", Y) / Y.size"
				: "softmax_cross_entropy_dz(" + z + ", " + a + ", Y)";
	}

	static String fusedRule(Loss loss) {
		return loss == Loss.BINARY_CROSS_ENTROPY ? "(ŷ − y)/N" : "(ŷ·Σy − y)/n";
	}

}
