package lab.backprop.step;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.math3.linear.RealMatrix;
import tools.jackson.core.io.NumberOutput;

import lab.backprop.engine.Layer;
import lab.backprop.engine.Loss;
import lab.backprop.engine.Network;
import lab.backprop.engine.Regularization;
import lab.backprop.engine.linalg.Matrices;
import lab.backprop.engine.optim.Optimizer;
import lab.backprop.engine.optim.OptimizerState;
import lab.backprop.request.OptimizerSpec;

/**
 * What the numpy and the PyTorch script share: the lines and their comments in the
 * request's language, Python literals of the request's numbers written as the JSON writes
 * them, the header, the given values and the JSON answer at the end.
 */
final class ScriptWriter {

	/** What a script is written from: the request in the engine's terms. */
	record Request(Network network, RealMatrix inputs, RealMatrix labels, Loss loss, double learningRate,
			Optimizer optimizer, OptimizerState state, Regularization regularization, Locale locale) {

		int depth() {
			return network.depth();
		}

		Layer layer(int l) {
			return network.layer(l);
		}

		/** Whether the update is plain gradient descent, θ − η·g, written out inline. */
		boolean plainSgd() {
			return Optimizer.plainSgd().equals(optimizer);
		}

	}

	private final StringBuilder out = new StringBuilder();

	private final Locale locale;

	ScriptWriter(Locale locale) {
		this.locale = locale;
	}

	String text(ScriptText key, Object... args) {
		return key.in(locale, args);
	}

	/** A line of code, with a comment after it when one is given. */
	ScriptWriter code(String code, ScriptText comment, Object... args) {
		out.append(code).append("  # ").append(text(comment, args)).append('\n');
		return this;
	}

	ScriptWriter code(String code) {
		out.append(code).append('\n');
		return this;
	}

	/** A comment on a line of its own, before the code it explains. */
	ScriptWriter comment(ScriptText comment, Object... args) {
		return comment("", comment, args);
	}

	ScriptWriter comment(String indent, ScriptText comment, Object... args) {
		out.append(indent).append("# ").append(text(comment, args)).append('\n');
		return this;
	}

	ScriptWriter section(ScriptText title) {
		out.append("\n# --- ").append(text(title)).append(" ---\n");
		return this;
	}

	ScriptWriter blank() {
		out.append('\n');
		return this;
	}

	/** {@code show("label", variable)}: the value printed with its label. */
	ScriptWriter show(ScriptText label, String variable, Object... args) {
		return code("show(" + string(text(label, args)) + ", " + variable + ")");
	}

	@Override
	public String toString() {
		return out.toString();
	}

	/** The header: what the script is and how to run it. */
	void header(String library, String file) {
		code("#!/usr/bin/env python3");
		code("# " + text(ScriptText.TITLE));
		code("# " + text(ScriptText.SOURCE, library));
		code("# " + text(ScriptText.RUN, file));
		code("# " + text(ScriptText.NUMBERS));
	}

	/**
	 * The optimizer as the service describes it, and the state it continues from, as
	 * Python literals.
	 */
	void optimizer(Request request) {
		code("OPTIMIZER = " + dict(OptimizerBodies.describe(request.optimizer())), ScriptText.COMMENT_OPTIMIZER);
		code("STATE = " + json(OptimizerBodies.state(request.optimizer(), request.state())), ScriptText.COMMENT_STATE,
				Long.toString(request.state().step()));
	}

	/**
	 * The answer as /train-step gives it, built from the script's variables; the
	 * variables' names follow one pattern (Z1, A1, dL_dZ1, W1_new, ...).
	 */
	void answer(Request request, String optimizerState) {
		section(ScriptText.SECTION_ANSWER);
		code("if AS_JSON:");
		List<String> forward = new ArrayList<>();
		List<String> backward = new ArrayList<>();
		List<String> update = new ArrayList<>();
		for (int l = 1; l <= request.depth(); l++) {
			String input = l == 1 ? "X" : "A" + (l - 1);
			forward.add("{\"input\": " + input + ", \"z\": Z" + l + ", \"activation\": "
					+ string(request.layer(l - 1).activation().wireName()) + ", \"output\": A" + l + "}");
			backward.add("{\"dL_dOutput\": dL_dA" + l + ", \"dOutput_dZ\": dA_dZ" + l + ", \"dL_dZ\": dL_dZ" + l
					+ ", \"dL_dW\": dL_dW" + l + ", \"dL_db\": dL_db" + l + ", \"dL_dInput\": dL_dX" + l + "}");
			update.add("{\"weights\": W" + l + "_new, \"bias\": b" + l + "_new, \"activation\": "
					+ string(request.layer(l - 1).activation().wireName()) + "}");
		}
		ScriptPenalty penalty = new ScriptPenalty(request, this);
		code("    answer = {");
		code("        \"forward\": {\"layers\": [" + String.join(", ", forward) + "], \"prediction\": prediction, "
				+ penalty.json("") + "\"loss\": loss},");
		code("        \"backward\": {\"dL_dPrediction\": dL_dPrediction, \"layers\": [" + String.join(", ", backward)
				+ "]},");
		code("        \"update\": {\"learningRate\": learning_rate, \"optimizer\": OPTIMIZER, \"layers\": ["
				+ String.join(", ", update) + "]},");
		code("        \"after\": {\"prediction\": prediction_new, " + penalty.json("_new")
				+ "\"loss\": loss_new, \"lossChange\": loss_change},");
		code("        \"optimizerState\": " + optimizerState + ",");
		code("    }");
		code("    print(json.dumps(answer, default=plain))");
	}

	/** A matrix as a nested Python list of the JSON's numbers. */
	static String matrix(RealMatrix m) {
		return matrix(Matrices.rows(m));
	}

	static String matrix(double[][] rows) {
		List<String> parts = new ArrayList<>();
		for (double[] row : rows) {
			parts.add(vector(row));
		}
		return "[" + String.join(", ", parts) + "]";
	}

	static String vector(double[] values) {
		List<String> parts = new ArrayList<>();
		for (double v : values) {
			parts.add(number(v));
		}
		return "[" + String.join(", ", parts) + "]";
	}

	/** A double as the JSON writes it, which Python reads back to the same double. */
	static String number(double v) {
		return NumberOutput.toString(v, true);
	}

	/** A Python string literal. */
	static String string(String s) {
		return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}

	/**
	 * The optimizer's settings as a Python dict (the JSON's, with Python's True and
	 * False).
	 */
	private static String dict(OptimizerSpec spec) {
		StringBuilder dict = new StringBuilder("{\"type\": " + string(spec.type()));
		entry(dict, "momentum", spec.momentum());
		entry(dict, "dampening", spec.dampening());
		entry(dict, "nesterov", spec.nesterov());
		if (spec.betas() != null) {
			dict.append(", \"betas\": ").append(vector(spec.betas()));
		}
		entry(dict, "alpha", spec.alpha());
		entry(dict, "eps", spec.eps());
		entry(dict, "centered", spec.centered());
		entry(dict, "weightDecay", spec.weightDecay());
		return dict.append('}').toString();
	}

	private static void entry(StringBuilder dict, String name, Object value) {
		if (value instanceof Double d) {
			dict.append(", ").append(string(name)).append(": ").append(number(d));
		}
		else if (value instanceof Boolean b) {
			dict.append(", ").append(string(name)).append(": ").append(b ? "True" : "False");
		}
	}

	/** The optimizer state as a Python dict: its step and, per layer, its buffers. */
	private static String json(lab.backprop.request.OptimizerStateBody state) {
		StringBuilder dict = new StringBuilder("{\"type\": " + string(state.type()) + ", \"step\": " + state.step());
		if (state.layers() != null) {
			List<String> layers = new ArrayList<>();
			for (var layer : state.layers()) {
				List<String> weights = new ArrayList<>();
				for (Map.Entry<String, double[][]> buffer : layer.weights().entrySet()) {
					weights.add(string(buffer.getKey()) + ": " + matrix(buffer.getValue()));
				}
				List<String> bias = new ArrayList<>();
				for (Map.Entry<String, double[]> buffer : layer.bias().entrySet()) {
					bias.add(string(buffer.getKey()) + ": " + vector(buffer.getValue()));
				}
				layers.add("{\"weights\": {" + String.join(", ", weights) + "}, \"bias\": {" + String.join(", ", bias)
						+ "}}");
			}
			dict.append(", \"layers\": [").append(String.join(", ", layers)).append(']');
		}
		return dict.append('}').toString();
	}

}
