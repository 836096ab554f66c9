package lab.backprop.engine;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.commons.math3.linear.RealMatrix;
import lab.backprop.engine.linalg.Matrices;

/**
 * How far the engine's forward pass, loss and output-layer gradients are from the exact
 * ones, quantity by quantity: for each array the largest |engine − exact| over the
 * largest |exact| of that array (for the loss, a scalar, its relative error). With
 * {@code termScales}, an element that is a sum (z, dL/dW, dL/db, dL/dInput) is measured
 * against the larger of that and the sum of its terms' magnitudes: where the terms
 * cancel, a double sum can be no more accurate than that.
 */
record Deviations(Map<String, Double> byQuantity) {

	static Deviations of(ForwardPass forward, BackwardPass backward, ExactStep.Values exact, boolean termScales) {
		BackwardPass.LayerGradients last = backward.layers().get(backward.layers().size() - 1);
		Map<String, Double> d = new LinkedHashMap<>();
		d.put("z", relative(forward.outputLayer().z(), exact.z(), termScales ? exact.zScale() : null));
		d.put("prediction", relative(forward.prediction(), exact.prediction(), null));
		d.put("loss", relative(new double[][] { { forward.loss() } }, new BigDecimal[][] { { exact.loss() } }, null));
		d.put("dL/dŷ", relative(backward.dLdPrediction(), exact.dLdPrediction(), null));
		if (exact.dOutputdZ() != null) {
			d.put("dŷ/dz", relative(last.dOutputdZ(), exact.dOutputdZ(), null));
		}
		d.put("dL/dZ", relative(last.dLdZ(), exact.dLdZ(), null));
		d.put("dL/dW", relative(last.dLdW(), exact.dLdW(), termScales ? exact.dLdWScale() : null));
		d.put("dL/db", relative(new double[][] { last.dLdb().toArray() }, exact.dLdb(),
				termScales ? exact.dLdbScale() : null));
		d.put("dL/dInput", relative(last.dLdInput(), exact.dLdInput(), termScales ? exact.dLdInputScale() : null));
		return new Deviations(d);
	}

	/** A step the engine refused as not finite although every exact value is finite. */
	static Deviations refused() {
		return new Deviations(Map.of("refused as not finite", Double.POSITIVE_INFINITY));
	}

	double largest() {
		return byQuantity.values().stream().mapToDouble(Double::doubleValue).max().orElse(0.0);
	}

	@Override
	public String toString() {
		StringBuilder text = new StringBuilder();
		byQuantity
			.forEach((name, value) -> text.append(name).append(' ').append(String.format("%.1e", value)).append("  "));
		return text.toString().trim();
	}

	private static double relative(RealMatrix actual, BigDecimal[][] exact, BigDecimal[][] scale) {
		return relative(Matrices.rows(actual), exact, scale);
	}

	static double relative(double[][] actual, BigDecimal[][] exact, BigDecimal[][] scale) {
		BigDecimal largest = BigDecimal.ZERO;
		for (BigDecimal[] row : exact) {
			for (BigDecimal v : row) {
				largest = largest.max(v.abs());
			}
		}
		double worst = 0.0;
		for (int i = 0; i < exact.length; i++) {
			for (int j = 0; j < exact[i].length; j++) {
				BigDecimal floor = scale == null ? largest : largest.max(scale[i][j]);
				BigDecimal error = new BigDecimal(actual[i][j]).subtract(exact[i][j]).abs();
				if (floor.signum() == 0) {
					worst = Math.max(worst, error.signum() == 0 ? 0.0 : Double.POSITIVE_INFINITY);
				}
				else {
					worst = Math.max(worst, error.divide(floor, MathContext.DECIMAL64).doubleValue());
				}
			}
		}
		return worst;
	}

}
