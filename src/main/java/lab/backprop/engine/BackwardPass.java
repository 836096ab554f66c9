package lab.backprop.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import lab.backprop.engine.linalg.Matrices;
import lab.backprop.engine.linalg.MatrixProducts;

/**
 * The backward pass: every factor of the chain rule, from the loss back to the inputs.
 *
 * @param dLdPrediction dL/dŷ, batch × outputs
 * @param layers first to last (computed last to first)
 */
public record BackwardPass(RealMatrix dLdPrediction, List<LayerGradients> layers) {

	/**
	 * One layer's factors.
	 *
	 * @param dLdOutput dL/dA: the gradient arriving from the loss or from the next layer
	 * @param dOutputdZ dA/dZ element-wise, or {@code null} for softmax (a Jacobian)
	 * @param dLdZ dL/dZ = dL/dA ⊙ dA/dZ (for softmax, the Jacobian product)
	 * @param dLdW dL/dW = inputᵀ · dL/dZ
	 * @param dLdb dL/db = the column sums of dL/dZ
	 * @param dLdInput dL/dInput = dL/dZ · Wᵀ, which the previous layer receives as its
	 * dL/dA; for the first layer {@code null} when the pass was asked to leave it out
	 */
	public record LayerGradients(RealMatrix dLdOutput, RealMatrix dOutputdZ, RealMatrix dLdZ, RealMatrix dLdW,
			RealVector dLdb, RealMatrix dLdInput) {
	}

	public static BackwardPass run(Network network, ForwardPass forward, RealMatrix labels, Loss loss,
			MatrixProducts products) {
		return run(network, forward, labels, loss, Regularization.NONE, products);
	}

	/**
	 * As above for a loss with {@code regularization}'s penalty: dL/dW gains the
	 * penalty's derivative; every other factor is the data loss's alone.
	 */
	public static BackwardPass run(Network network, ForwardPass forward, RealMatrix labels, Loss loss,
			Regularization regularization, MatrixProducts products) {
		return run(network, forward, labels, loss, regularization, products, true);
	}

	/**
	 * As above; without {@code inputGradient} the first layer's dL/dInput, the gradient
	 * with respect to the inputs themselves, is left out ({@code null}): no parameter
	 * depends on it, so training computes it only for a step it shows in full (PyTorch
	 * leaves it out too, for inputs that do not require a gradient).
	 */
	public static BackwardPass run(Network network, ForwardPass forward, RealMatrix labels, Loss loss,
			Regularization regularization, MatrixProducts products, boolean inputGradient) {
		ForwardPass.LayerValues last = forward.outputLayer();
		Loss.OutputLayer out = new Loss.OutputLayer(last.z(), last.activation(), last.output());
		RealMatrix dLdPrediction = loss.gradient(out, labels);
		Finite.check(dLdPrediction, "backward.dL_dPrediction");

		LayerGradients[] gradients = new LayerGradients[network.depth()];
		RealMatrix dLdOutput = dLdPrediction;
		for (int i = network.depth() - 1; i >= 0; i--) {
			String name = "backward.layers[" + i + "].";
			ForwardPass.LayerValues values = forward.layers().get(i);
			Activation activation = values.activation();

			// An element-wise slope of a finite z lies in [0, 1]
			// (ActivationBoundsTest), so neither it nor its product with the
			// finite dL/dA needs a check; softmax's Jacobian product and a
			// loss's fused gradient can overflow.
			RealMatrix dOutputdZ = activation.derivative(values.z(), values.output());
			RealMatrix fused = i == network.depth() - 1 ? loss.outputGradient(out, labels) : null;
			RealMatrix dLdZ = fused != null ? fused
					: activation.backpropagate(dLdOutput, values.z(), values.output(), dOutputdZ);
			if (fused != null || dOutputdZ == null) {
				Finite.check(dLdZ, name + "dL_dZ");
			}
			RealMatrix dLdW = products.transposeMultiply(values.input(), dLdZ);
			Finite.checkProduct(dLdW, values.input(), dLdZ, name + "dL_dW");
			if (!regularization.isNone()) {
				dLdW = regularization.addGradient(dLdW, network.layer(i).weights());
				Finite.check(dLdW, name + "dL_dW");
			}
			RealVector dLdb = Matrices.columnSums(dLdZ);
			Finite.check(dLdb, name + "dL_db");
			RealMatrix weights = network.layer(i).weights();
			RealMatrix dLdInput = null;
			// Left out only where it is finite for certain: a step that overflows here
			// stops a training run just as the same /train-step answers 422.
			if (i > 0 || inputGradient || !Finite.productBoundedBy(weights.getColumnDimension(), dLdZ, weights)) {
				dLdInput = products.multiplyTranspose(dLdZ, weights);
				Finite.check(dLdInput, name + "dL_dInput");
			}

			gradients[i] = new LayerGradients(dLdOutput, dOutputdZ, dLdZ, dLdW, dLdb, dLdInput);
			dLdOutput = dLdInput;
		}
		return new BackwardPass(dLdPrediction, Collections.unmodifiableList(new ArrayList<>(Arrays.asList(gradients))));
	}
}
