package lab.backprop.step;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import lab.backprop.engine.Activation;
import lab.backprop.engine.Loss;
import lab.backprop.engine.optim.Adam;
import lab.backprop.engine.optim.Optimizer;
import lab.backprop.engine.optim.RmsProp;
import lab.backprop.engine.optim.Sgd;

/**
 * The functions of a script: the activations and slopes in numpy (the loss's are
 * {@link PythonLosses}'), and the optimizer's rule, in numpy or as torch.optim, each the
 * formula the engine computes (its stable forms included, so that the numbers agree to
 * the last digits), written only for what the request uses.
 */
final class PythonFunctions {

	private PythonFunctions() {
	}

	static void numpy(ScriptWriter w, Set<Activation> activations, Loss loss, Activation output) {
		if (activations.contains(Activation.SIGMOID) || output == Activation.TANH || loss == Loss.BINARY_CROSS_ENTROPY
				|| loss == Loss.CROSS_ENTROPY) {
			def(w, "sigmoid(z)", "return 1 / (1 + np.exp(-z))");
		}
		if (activations.contains(Activation.SIGMOID)) {
			// a(1 − a) loses every digit of 1 − a for large z; the engine takes
			// sigmoid(−z)
			def(w, ScriptText.FUNCTION_SIGMOID_SLOPE, "sigmoid_slope(z, a)",
					"return np.where(z <= 1, a * (1 - a), a * sigmoid(-z))");
		}
		if (activations.contains(Activation.TANH)) {
			def(w, ScriptText.FUNCTION_TANH_SLOPE, "tanh_slope(z, a)",
					"return np.where(np.abs(z) < 1, 1 - a * a, 1 / np.cosh(z) ** 2)");
		}
		if (activations.contains(Activation.RELU)) {
			def(w, "relu(z)", "return np.where(z > 0, z, 0.0)");
			def(w, "relu_slope(z, a)", "return np.where(z > 0, 1.0, 0.0)");
		}
		if (activations.contains(Activation.LEAKY_RELU)) {
			def(w, "leaky_relu(z)", "return np.where(z > 0, z, 0.01 * z)");
			def(w, "leaky_relu_slope(z, a)", "return np.where(z > 0, 1.0, 0.01)");
		}
		if (activations.contains(Activation.SOFTMAX)) {
			def(w, ScriptText.FUNCTION_SOFTMAX, "softmax(z)", "e = np.exp(z - z.max(axis=1, keepdims=True))",
					"return e / e.sum(axis=1, keepdims=True)");
			// the engine's form: the bracket g − Σ a·g weighted by the outputs other than
			// the largest, which keep their digits where the largest is near 1
			def(w, ScriptText.FUNCTION_SOFTMAX_BACKWARD, "softmax_backward(g, a)", "out = np.empty_like(g)",
					"for i in range(g.shape[0]):", "    top = int(np.argmax(a[i]))",
					"    others = sum(0.0 if k == top else v for k, v in enumerate(a[i].tolist()))",
					"    others_g = sum(0.0 if k == top else v * u for k, (v, u) in enumerate(zip(a[i].tolist(), g[i].tolist())))",
					"    top_bracket = g[i, top] * others - others_g",
					"    out[i] = a[i] * ((g[i] - g[i, top]) + top_bracket)",
					"    out[i, top] = a[i, top] * top_bracket", "return out");
		}
		PythonLosses.numpy(w, loss, output);
	}

	/** The activation applied to {@code z}, as a Python expression. */
	static String call(Activation activation, String z) {
		return switch (activation) {
			case TANH -> "np.tanh(" + z + ")";
			case LINEAR -> z + ".copy()";
			default -> activation.wireName() + "(" + z + ")";
		};
	}

	static String slope(Activation activation, String z, String a) {
		return activation == Activation.LINEAR ? "np.ones_like(" + z + ")"
				: activation.wireName() + "_slope(" + z + ", " + a + ")";
	}

	/** The optimizer's rule for one tensor, and the walk over a layer's two tensors. */
	static void optimizer(ScriptWriter w, Optimizer optimizer) {
		w.blank();
		w.code("BUFFERS = [" + String.join(", ", optimizer.bufferNames().stream().map(ScriptWriter::string).toList())
				+ "]");
		w.blank();
		def(w, ScriptText.FUNCTION_LERP, "lerp(a, b, w)",
				"return a + w * (b - a) if w < 0.5 else b - (b - a) * (1 - w)");
		String decay = "g = grad + OPTIMIZER[\"weightDecay\"] * theta if OPTIMIZER[\"weightDecay\"] != 0 else grad";
		if (optimizer instanceof Adam) {
			def(w, ScriptText.FUNCTION_OPTIMIZER, "optimizer_step(theta, grad, buffers, t)", decay,
					"beta1, beta2 = OPTIMIZER[\"betas\"]",
					"buffers[\"expAvg\"] = lerp(buffers[\"expAvg\"], g, 1 - beta1)",
					"buffers[\"expAvgSq\"] = beta2 * buffers[\"expAvgSq\"] + (1 - beta2) * g * g",
					"step_size = learning_rate / (1 - beta1 ** t)",
					"denom = np.sqrt(buffers[\"expAvgSq\"]) / math.sqrt(1 - beta2 ** t) + OPTIMIZER[\"eps\"]",
					"return theta + -step_size * (buffers[\"expAvg\"] / denom)");
		}
		else if (optimizer instanceof RmsProp) {
			def(w, ScriptText.FUNCTION_OPTIMIZER, "optimizer_step(theta, grad, buffers, t)", decay,
					"alpha = OPTIMIZER[\"alpha\"]",
					"buffers[\"squareAvg\"] = alpha * buffers[\"squareAvg\"] + (1 - alpha) * g * g",
					"if OPTIMIZER[\"centered\"]:",
					"    buffers[\"gradAvg\"] = lerp(buffers[\"gradAvg\"], g, 1 - alpha)",
					"    avg = np.sqrt(buffers[\"squareAvg\"] + -1.0 * buffers[\"gradAvg\"] * buffers[\"gradAvg\"]) + OPTIMIZER[\"eps\"]",
					"else:", "    avg = np.sqrt(buffers[\"squareAvg\"]) + OPTIMIZER[\"eps\"]",
					"if OPTIMIZER[\"momentum\"] > 0:",
					"    buffers[\"momentumBuffer\"] = OPTIMIZER[\"momentum\"] * buffers[\"momentumBuffer\"] + g / avg",
					"    return theta + -learning_rate * buffers[\"momentumBuffer\"]",
					"return theta + -learning_rate * (g / avg)");
		}
		else {
			def(w, ScriptText.FUNCTION_OPTIMIZER, "optimizer_step(theta, grad, buffers, t)", decay,
					"momentum = OPTIMIZER[\"momentum\"]", "if momentum != 0:",
					"    dampening = OPTIMIZER.get(\"dampening\") or 0.0",
					"    b = g.copy() if t == 1 else momentum * buffers[\"momentumBuffer\"] + (1 - dampening) * g",
					"    buffers[\"momentumBuffer\"] = b", "    g = g + momentum * b if OPTIMIZER[\"nesterov\"] else b",
					"return theta - learning_rate * g");
		}
		def(w, "start(old, part, like)",
				"return {name: np.array(old[part][name]) if old else np.zeros_like(like) for name in BUFFERS}");
		def(w, ScriptText.FUNCTION_UPDATE_LAYER, "update_layer(W, b, dW, db, layer, t, buffers)",
				"old = STATE[\"layers\"][layer] if \"layers\" in STATE else None",
				"weights, bias = start(old, \"weights\", W), start(old, \"bias\", b)",
				"W_new, b_new = optimizer_step(W, dW, weights, t), optimizer_step(b, db, bias, t)",
				"buffers.append({\"weights\": weights, \"bias\": bias})", "return W_new, b_new");
	}

	static void def(ScriptWriter w, String signature, String... body) {
		def(w, null, signature, body);
	}

	/** A function whose first line is a comment saying what it computes and why so. */
	static void def(ScriptWriter w, ScriptText comment, String signature, String... body) {
		w.blank();
		w.code("def " + signature + ":");
		if (comment != null) {
			w.comment("    ", comment);
		}
		for (String line : List.of(body)) {
			w.code("    " + line);
		}
	}

	/**
	 * The torch.optim step of a PyTorch script, continued from the request's state (its
	 * buffers under torch's names), and the new state under the service's names.
	 */
	static void torchUpdate(ScriptWriter w, ScriptWriter.Request request) {
		w.section(ScriptText.SECTION_UPDATE);
		w.comment(ScriptText.COMMENT_UPDATE_TORCH);
		List<String> parameters = new ArrayList<>();
		for (int l = 1; l <= request.depth(); l++) {
			parameters.add("W" + l);
			parameters.add("b" + l);
		}
		w.code("parameters = [" + String.join(", ", parameters) + "]");
		if (request.optimizer() instanceof Adam) {
			w.code("optimizer = torch.optim.Adam(parameters, lr=learning_rate, betas=tuple(OPTIMIZER[\"betas\"]), "
					+ "eps=OPTIMIZER[\"eps\"], weight_decay=OPTIMIZER[\"weightDecay\"], foreach=False)");
		}
		else if (request.optimizer() instanceof RmsProp) {
			w.code("optimizer = torch.optim.RMSprop(parameters, lr=learning_rate, alpha=OPTIMIZER[\"alpha\"], "
					+ "eps=OPTIMIZER[\"eps\"], weight_decay=OPTIMIZER[\"weightDecay\"], "
					+ "momentum=OPTIMIZER[\"momentum\"], centered=OPTIMIZER[\"centered\"], foreach=False)");
		}
		else {
			w.code("optimizer = torch.optim.SGD(parameters, lr=learning_rate, momentum=OPTIMIZER[\"momentum\"], "
					+ "dampening=OPTIMIZER.get(\"dampening\") or 0.0, nesterov=OPTIMIZER[\"nesterov\"], "
					+ "weight_decay=OPTIMIZER[\"weightDecay\"], foreach=False)");
		}
		w.code("BUFFERS = ["
				+ String.join(", ", request.optimizer().bufferNames().stream().map(ScriptWriter::string).toList())
				+ "]");
		w.code("TORCH_NAMES = {\"momentumBuffer\": \"momentum_buffer\", \"expAvg\": \"exp_avg\", "
				+ "\"expAvgSq\": \"exp_avg_sq\", \"squareAvg\": \"square_avg\", \"gradAvg\": \"grad_avg\"}");
		w.code("for l, layer in enumerate(STATE.get(\"layers\", [])):");
		w.code("    for part, p in ((\"weights\", parameters[2 * l]), (\"bias\", parameters[2 * l + 1])):");
		w.code("        optimizer.state[p] = {TORCH_NAMES[name]: torch.tensor(value) for name, value in layer[part].items()}");
		if (!(request.optimizer() instanceof Sgd)) {
			w.code("        optimizer.state[p][\"step\"] = torch.tensor(float(STATE[\"step\"]))");
		}
		w.code("optimizer.step()");
		w.code("STATE_NEW = {\"type\": STATE[\"type\"], \"step\": STATE[\"step\"] + 1}");
		w.code("if BUFFERS:");
		w.code("    STATE_NEW[\"layers\"] = [{part: {name: optimizer.state[p][TORCH_NAMES[name]] for name in BUFFERS}");
		w.code("                           for part, p in ((\"weights\", parameters[2 * l]), (\"bias\", parameters[2 * l + 1]))}");
		w.code("                          for l in range(len(parameters) // 2)]");
		for (int l = 1; l <= request.depth(); l++) {
			String n = Integer.toString(l);
			w.code("W" + n + "_new = W" + n + ".detach().clone()");
			w.code("b" + n + "_new = b" + n + ".detach().clone()");
			w.show(ScriptText.LABEL_WEIGHTS_NEW, "W" + n + "_new", n);
			w.show(ScriptText.LABEL_BIAS_NEW, "b" + n + "_new", n);
		}
	}

}
