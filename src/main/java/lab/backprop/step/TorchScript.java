package lab.backprop.step;

import lab.backprop.engine.Activation;
import lab.backprop.engine.Loss;
import lab.backprop.step.ScriptWriter.Request;

/**
 * A step as a PyTorch script: the same network in float64 tensors, the loss as torch
 * computes it, every gradient by autograd (read from {@code .grad}), the update by
 * torch.optim continued from the request's state, and the forward pass again.
 */
final class TorchScript {

	private final Request request;

	private final ScriptWriter w;

	private final ScriptPenalty penalty;

	private TorchScript(Request request) {
		this.request = request;
		this.w = new ScriptWriter(request.locale());
		this.penalty = new ScriptPenalty(request, w);
	}

	static String write(Request request) {
		return new TorchScript(request).script();
	}

	private String script() {
		w.header("PyTorch", "backprop_step.py");
		w.code("# " + w.text(ScriptText.TORCH));
		w.code("import json");
		w.code("import sys");
		w.blank();
		w.code("import torch");
		w.code("import torch.nn.functional as F");
		w.blank();
		w.code("AS_JSON = \"--json\" in sys.argv[1:]");
		w.code("torch.set_default_dtype(torch.float64)");
		w.blank();
		w.blank();
		w.code("def show(label, value):");
		w.comment("    ", ScriptText.COMMENT_SHOW);
		w.code("    if not AS_JSON:");
		w.code("        is_matrix = isinstance(value, torch.Tensor) and value.dim() > 0");
		w.code("        print(label + \":\", value.tolist() if is_matrix else repr(float(value)))");
		w.blank();
		w.blank();
		w.code("def plain(value):");
		w.code("    return value.detach().tolist() if isinstance(value, torch.Tensor) else float(value)");
		w.section(ScriptText.SECTION_FUNCTIONS);
		losses();
		penalty.functions(true);
		given();
		forward("");
		backward();
		PythonFunctions.torchUpdate(w, request);
		w.section(ScriptText.SECTION_AFTER);
		w.comment(ScriptText.COMMENT_AFTER);
		forward("_new");
		w.code("loss_change = loss_new - loss", ScriptText.COMMENT_LOSS_CHANGE);
		w.show(ScriptText.LABEL_LOSS_CHANGE, "loss_change");
		w.answer(request, "STATE_NEW");
		return w.toString();
	}

	/**
	 * The loss from z and ŷ (from the logits where the output activation matches the
	 * loss, as the service computes it), and the loss as a function of ŷ alone, whose
	 * gradient is dL/dŷ.
	 */
	private void losses() {
		Activation output = request.layer(request.depth() - 1).activation();
		String ofPrediction = switch (request.loss()) {
			case MSE -> "F.mse_loss(p, y)";
			case SSE -> "F.mse_loss(p, y, reduction=\"sum\")";
			case QUADRATIC -> "F.mse_loss(p, y, reduction=\"sum\") / (2 * y.shape[0])";
			case BINARY_CROSS_ENTROPY -> "-(torch.xlogy(y, p) + torch.special.xlog1py(1 - y, -p)).mean()";
			case CROSS_ENTROPY -> "-torch.xlogy(y, p).sum() / y.shape[0]";
		};
		String value = ofPrediction;
		if (request.loss() == Loss.BINARY_CROSS_ENTROPY && output == Activation.SIGMOID) {
			value = "F.binary_cross_entropy_with_logits(z, y)";
		}
		else if (request.loss() == Loss.CROSS_ENTROPY && output == Activation.SOFTMAX) {
			value = "-(y * F.log_softmax(z, dim=1)).sum() / y.shape[0]";
		}
		else if (request.loss() == Loss.CROSS_ENTROPY && output == Activation.SIGMOID) {
			value = "-(y * F.logsigmoid(z)).sum() / y.shape[0]";
		}
		w.blank();
		w.code("def loss_value(z, p, y):");
		w.code("    return " + value);
		w.blank();
		w.code("def loss_of_prediction(p, y):");
		w.code("    return " + ofPrediction);
		w.blank();
		w.code("def slope(activation, z):");
		w.code("    z = z.detach().requires_grad_()");
		w.code("    a = activation(z)");
		w.code("    return torch.autograd.grad(a, z, torch.ones_like(a))[0]");
	}

	private void given() {
		w.section(ScriptText.SECTION_GIVEN);
		int batch = request.inputs().getRowDimension();
		w.code("X = torch.tensor(" + ScriptWriter.matrix(request.inputs()) + ", requires_grad=True)",
				ScriptText.COMMENT_INPUTS, Integer.toString(batch),
				Integer.toString(request.inputs().getColumnDimension()));
		for (int l = 1; l <= request.depth(); l++) {
			var layer = request.layer(l - 1);
			w.code("W" + l + " = torch.tensor(" + ScriptWriter.matrix(layer.weights()) + ", requires_grad=True)",
					ScriptText.COMMENT_WEIGHTS, Integer.toString(l), Integer.toString(layer.inputs()),
					Integer.toString(layer.outputs()));
			w.code("b" + l + " = torch.tensor(" + ScriptWriter.vector(layer.bias().toArray()) + ", requires_grad=True)",
					ScriptText.COMMENT_BIAS, Integer.toString(l));
		}
		w.code("Y = torch.tensor(" + ScriptWriter.matrix(request.labels()) + ")", ScriptText.COMMENT_LABEL,
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

	private void forward(String suffix) {
		boolean first = suffix.isEmpty();
		String indent = "";
		if (first) {
			w.section(ScriptText.SECTION_FORWARD);
		}
		String input = "X";
		for (int l = 1; l <= request.depth(); l++) {
			Activation activation = request.layer(l - 1).activation();
			String n = Integer.toString(l);
			String z = "Z" + l + suffix;
			String a = "A" + l + suffix;
			String parameters = first ? "" : "_new";
			w.code(indent + z + " = " + input + " @ W" + l + parameters + " + b" + l + parameters, ScriptText.COMMENT_Z,
					n);
			w.code(indent + a + " = " + call(activation, z), ScriptText.COMMENT_OUTPUT, n, activation.wireName());
			if (first) {
				w.code(z + ".retain_grad()");
				w.code(a + ".retain_grad()");
				w.show(ScriptText.LABEL_Z, z, n);
				w.show(ScriptText.LABEL_OUTPUT, a, n);
			}
			input = a;
		}
		String depth = Integer.toString(request.depth());
		w.code(indent + "prediction" + suffix + " = A" + depth + suffix, ScriptText.COMMENT_PREDICTION);
		penalty.loss(suffix, "loss_value(Z" + depth + suffix + ", prediction" + suffix + ", Y)", first ? "" : "_new");
		w.show(first ? ScriptText.LABEL_PREDICTION : ScriptText.LABEL_PREDICTION_NEW, "prediction" + suffix);
		penalty.show(suffix);
		w.show(first ? ScriptText.LABEL_LOSS : ScriptText.LABEL_LOSS_NEW, "loss" + suffix);
	}

	private static String call(Activation activation, String z) {
		return switch (activation) {
			case SIGMOID -> "torch.sigmoid(" + z + ")";
			case TANH -> "torch.tanh(" + z + ")";
			case RELU -> "torch.relu(" + z + ")";
			case LEAKY_RELU -> "F.leaky_relu(" + z + ", 0.01)";
			case LINEAR -> z + ".clone()";
			case SOFTMAX -> "torch.softmax(" + z + ", dim=1)";
		};
	}

	private void backward() {
		w.section(ScriptText.SECTION_BACKWARD);
		int depth = request.depth();
		w.code("prediction_leaf = prediction.detach().requires_grad_()");
		w.code("loss_of_prediction(prediction_leaf, Y).backward()");
		w.code("dL_dPrediction = prediction_leaf.grad", ScriptText.COMMENT_DLDPREDICTION);
		w.show(ScriptText.LABEL_DLDPREDICTION, "dL_dPrediction");
		w.code("loss.backward()");
		for (int l = depth; l >= 1; l--) {
			String n = Integer.toString(l);
			w.blank();
			if (l == depth) {
				w.code("dL_dA" + n + " = dL_dPrediction", ScriptText.COMMENT_DLDOUTPUT_LAST, n);
			}
			else {
				w.code("dL_dA" + n + " = A" + n + ".grad", ScriptText.COMMENT_DLDOUTPUT_HIDDEN, n,
						Integer.toString(l + 1));
			}
			w.show(ScriptText.LABEL_DLDOUTPUT, "dL_dA" + n, n);
			Activation activation = request.layer(l - 1).activation();
			if (activation == Activation.SOFTMAX) {
				w.comment(ScriptText.COMMENT_DOUTPUTDZ_SOFTMAX);
				w.code("dA_dZ" + n + " = None");
			}
			else {
				w.code("dA_dZ" + n + " = slope(lambda z: " + call(activation, "z") + ", Z" + n + ")",
						ScriptText.COMMENT_DOUTPUTDZ, n);
				w.show(ScriptText.LABEL_DOUTPUTDZ, "dA_dZ" + n, n);
			}
			w.code("dL_dZ" + n + " = Z" + n + ".grad", ScriptText.COMMENT_DLDZ, n);
			w.show(ScriptText.LABEL_DLDZ, "dL_dZ" + n, n);
			if (penalty.none()) {
				w.code("dL_dW" + n + " = W" + n + ".grad.clone()", ScriptText.COMMENT_DLDW, n);
			}
			else {
				w.code("dL_dW" + n + " = W" + n + ".grad.clone()", ScriptText.COMMENT_DLDW_PENALTY, n, penalty.slope());
			}
			w.show(ScriptText.LABEL_DLDW, "dL_dW" + n, n);
			w.code("dL_db" + n + " = b" + n + ".grad.clone()", ScriptText.COMMENT_DLDB, n);
			w.show(ScriptText.LABEL_DLDB, "dL_db" + n, n);
			w.code("dL_dX" + n + " = " + (l == 1 ? "X" : "A" + (l - 1)) + ".grad", ScriptText.COMMENT_DLDINPUT, n);
			w.show(ScriptText.LABEL_DLDINPUT, "dL_dX" + n, n);
		}
	}

}
