package lab.backprop.step;

import java.util.EnumSet;
import java.util.Set;

import lab.backprop.engine.Activation;
import lab.backprop.engine.Loss;
import lab.backprop.step.ScriptWriter.Request;

/**
 * A step as a numpy script in the seed's order and spirit: each value computed in plain
 * numpy by the formula the service uses (the same stable forms where a textbook form
 * loses digits), printed with its label, and at the end, with {@code --json}, the whole
 * /train-step answer.
 */
final class NumpyScript {

	private final Request request;

	private final ScriptWriter w;

	private final ScriptPenalty penalty;

	private NumpyScript(Request request) {
		this.request = request;
		this.w = new ScriptWriter(request.locale());
		this.penalty = new ScriptPenalty(request, w);
	}

	static String write(Request request) {
		return new NumpyScript(request).script();
	}

	private String script() {
		w.header("numpy", "backprop_step.py");
		w.code("import json");
		w.code("import math");
		w.code("import sys");
		w.blank();
		w.code("import numpy as np");
		w.blank();
		w.code("AS_JSON = \"--json\" in sys.argv[1:]");
		w.code("np.set_printoptions(floatmode=\"unique\")");
		w.code("np.seterr(all=\"ignore\")");
		w.blank();
		w.blank();
		w.code("def show(label, value):");
		w.comment("    ", ScriptText.COMMENT_SHOW);
		w.code("    if not AS_JSON:");
		w.code("        print(label + \":\", value if np.ndim(value) else repr(float(value)))");
		w.blank();
		w.blank();
		w.code("def plain(value):");
		w.code("    return value.tolist() if isinstance(value, np.ndarray) else float(value)");
		w.section(ScriptText.SECTION_FUNCTIONS);
		PythonFunctions.numpy(w, activations(), request.loss(), request.layer(request.depth() - 1).activation());
		penalty.functions(false);
		if (!request.plainSgd()) {
			PythonFunctions.optimizer(w, request.optimizer());
		}
		given();
		forward("", "X");
		backward();
		update();
		w.section(ScriptText.SECTION_AFTER);
		w.comment(ScriptText.COMMENT_AFTER);
		forward("_new", "X");
		w.code("loss_change = loss_new - loss", ScriptText.COMMENT_LOSS_CHANGE);
		w.show(ScriptText.LABEL_LOSS_CHANGE, "loss_change");
		w.answer(request, "STATE_NEW");
		return w.toString();
	}

	private Set<Activation> activations() {
		Set<Activation> used = EnumSet.noneOf(Activation.class);
		for (int l = 0; l < request.depth(); l++) {
			used.add(request.layer(l).activation());
		}
		return used;
	}

	private void given() {
		w.section(ScriptText.SECTION_GIVEN);
		int batch = request.inputs().getRowDimension();
		w.code("X = np.array(" + ScriptWriter.matrix(request.inputs()) + ")", ScriptText.COMMENT_INPUTS,
				Integer.toString(batch), Integer.toString(request.inputs().getColumnDimension()));
		for (int l = 1; l <= request.depth(); l++) {
			var layer = request.layer(l - 1);
			w.code("W" + l + " = np.array(" + ScriptWriter.matrix(layer.weights()) + ")", ScriptText.COMMENT_WEIGHTS,
					Integer.toString(l), Integer.toString(layer.inputs()), Integer.toString(layer.outputs()));
			w.code("b" + l + " = np.array(" + ScriptWriter.vector(layer.bias().toArray()) + ")",
					ScriptText.COMMENT_BIAS, Integer.toString(l));
		}
		w.code("Y = np.array(" + ScriptWriter.matrix(request.labels()) + ")", ScriptText.COMMENT_LABEL,
				Integer.toString(batch), Integer.toString(request.labels().getColumnDimension()));
		w.code("learning_rate = " + ScriptWriter.number(request.learningRate()), ScriptText.COMMENT_LEARNING_RATE);
		penalty.given();
		w.optimizer(request);
		w.show(ScriptText.LABEL_INPUTS, "X");
		for (int l = 1; l <= request.depth(); l++) {
			w.show(ScriptText.LABEL_WEIGHTS, "W" + l, Integer.toString(l));
			w.show(ScriptText.LABEL_BIAS, "b" + l, Integer.toString(l));
		}
		w.show(ScriptText.LABEL_LABEL, "Y");
		w.show(ScriptText.LABEL_LEARNING_RATE, "learning_rate");
		penalty.showGiven();
	}

	/**
	 * The forward pass and the loss; {@code suffix} "" for the parameters sent, "_new"
	 * for the updated ones.
	 */
	private void forward(String suffix, String inputs) {
		boolean first = suffix.isEmpty();
		if (first) {
			w.section(ScriptText.SECTION_FORWARD);
		}
		String input = inputs;
		for (int l = 1; l <= request.depth(); l++) {
			Activation activation = request.layer(l - 1).activation();
			String z = "Z" + l + suffix;
			String a = "A" + l + suffix;
			w.code(z + " = " + input + " @ W" + l + suffix + " + b" + l + suffix, ScriptText.COMMENT_Z,
					Integer.toString(l));
			w.code(a + " = " + PythonFunctions.call(activation, z), ScriptText.COMMENT_OUTPUT, Integer.toString(l),
					activation.wireName());
			if (first) {
				w.show(ScriptText.LABEL_Z, z, Integer.toString(l));
				w.show(ScriptText.LABEL_OUTPUT, a, Integer.toString(l));
			}
			input = a;
		}
		String last = "A" + request.depth() + suffix;
		String zLast = "Z" + request.depth() + suffix;
		w.code("prediction" + suffix + " = " + last, ScriptText.COMMENT_PREDICTION);
		penalty.loss(suffix, "loss_value(" + zLast + ", prediction" + suffix + ", Y)", suffix);
		w.show(first ? ScriptText.LABEL_PREDICTION : ScriptText.LABEL_PREDICTION_NEW, "prediction" + suffix);
		penalty.show(suffix);
		w.show(first ? ScriptText.LABEL_LOSS : ScriptText.LABEL_LOSS_NEW, "loss" + suffix);
	}

	private void backward() {
		w.section(ScriptText.SECTION_BACKWARD);
		int depth = request.depth();
		w.code("dL_dPrediction = loss_gradient(Z" + depth + ", prediction, Y)", ScriptText.COMMENT_DLDPREDICTION);
		w.show(ScriptText.LABEL_DLDPREDICTION, "dL_dPrediction");
		Loss loss = request.loss();
		for (int l = depth; l >= 1; l--) {
			String n = Integer.toString(l);
			Activation activation = request.layer(l - 1).activation();
			w.blank();
			if (l == depth) {
				w.code("dL_dA" + n + " = dL_dPrediction", ScriptText.COMMENT_DLDOUTPUT_LAST, n);
			}
			else {
				w.code("dL_dA" + n + " = dL_dX" + (l + 1), ScriptText.COMMENT_DLDOUTPUT_HIDDEN, n,
						Integer.toString(l + 1));
			}
			w.show(ScriptText.LABEL_DLDOUTPUT, "dL_dA" + n, n);
			if (activation == Activation.SOFTMAX) {
				w.comment(ScriptText.COMMENT_DOUTPUTDZ_SOFTMAX);
				w.code("dA_dZ" + n + " = None");
			}
			else {
				w.code("dA_dZ" + n + " = " + PythonFunctions.slope(activation, "Z" + n, "A" + n),
						ScriptText.COMMENT_DOUTPUTDZ, n);
				w.show(ScriptText.LABEL_DOUTPUTDZ, "dA_dZ" + n, n);
			}
			if (l == depth && loss.fusesWith(activation)) {
				w.code("dL_dZ" + n + " = " + PythonLosses.fusedOutputGradient(loss, "Z" + n, "A" + n),
						ScriptText.COMMENT_DLDZ_FUSED, n, PythonLosses.fusedRule(loss));
			}
			else if (activation == Activation.SOFTMAX) {
				w.code("dL_dZ" + n + " = softmax_backward(dL_dA" + n + ", A" + n + ")", ScriptText.COMMENT_DLDZ_SOFTMAX,
						n);
			}
			else {
				w.code("dL_dZ" + n + " = dL_dA" + n + " * dA_dZ" + n, ScriptText.COMMENT_DLDZ, n);
			}
			w.show(ScriptText.LABEL_DLDZ, "dL_dZ" + n, n);
			String input = l == 1 ? "X" : "A" + (l - 1);
			if (penalty.none()) {
				w.code("dL_dW" + n + " = " + input + ".T @ dL_dZ" + n, ScriptText.COMMENT_DLDW, n);
			}
			else {
				w.code("dL_dW" + n + " = " + input + ".T @ dL_dZ" + n + " + penalty_slope(W" + n + ")",
						ScriptText.COMMENT_DLDW_PENALTY, n, penalty.slope());
			}
			w.show(ScriptText.LABEL_DLDW, "dL_dW" + n, n);
			w.code("dL_db" + n + " = dL_dZ" + n + ".sum(axis=0)", ScriptText.COMMENT_DLDB, n);
			w.show(ScriptText.LABEL_DLDB, "dL_db" + n, n);
			w.code("dL_dX" + n + " = dL_dZ" + n + " @ W" + n + ".T", ScriptText.COMMENT_DLDINPUT, n);
			w.show(ScriptText.LABEL_DLDINPUT, "dL_dX" + n, n);
		}
	}

	private void update() {
		w.section(ScriptText.SECTION_UPDATE);
		int depth = request.depth();
		if (request.plainSgd()) {
			w.comment(ScriptText.COMMENT_UPDATE_SGD);
			for (int l = 1; l <= depth; l++) {
				w.code("W" + l + "_new = W" + l + " - learning_rate * dL_dW" + l);
				w.code("b" + l + "_new = b" + l + " - learning_rate * dL_db" + l);
			}
			w.code("STATE_NEW = {\"type\": STATE[\"type\"], \"step\": STATE[\"step\"] + 1}");
		}
		else {
			w.comment(ScriptText.COMMENT_UPDATE_RULE, request.optimizer().type());
			w.code("t = STATE[\"step\"] + 1");
			w.code("STATE_NEW = {\"type\": STATE[\"type\"], \"step\": t}");
			w.code("buffers = []");
			for (int l = 1; l <= depth; l++) {
				w.code("W" + l + "_new, b" + l + "_new = update_layer(W" + l + ", b" + l + ", dL_dW" + l + ", dL_db" + l
						+ ", " + (l - 1) + ", t, buffers)");
			}
			w.code("if BUFFERS:");
			w.code("    STATE_NEW[\"layers\"] = buffers");
		}
		for (int l = 1; l <= depth; l++) {
			w.show(ScriptText.LABEL_WEIGHTS_NEW, "W" + l + "_new", Integer.toString(l));
			w.show(ScriptText.LABEL_BIAS_NEW, "b" + l + "_new", Integer.toString(l));
		}
	}

}
