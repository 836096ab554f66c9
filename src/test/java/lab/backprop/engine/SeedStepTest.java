package lab.backprop.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.util.List;

import org.apache.commons.math3.linear.ArrayRealVector;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import lab.backprop.engine.linalg.BlasMatrixProducts;
import lab.backprop.engine.linalg.Matrices;
import lab.backprop.SeedValues;

/**
 * The seed step (one sigmoid neuron, three inputs) through the engine with the products
 * the service uses: every quantity of {@code seed/full_precision.json} (the seed script's
 * own numbers, from numpy) to 1e-12 relative error.
 */
class SeedStepTest {

	@Test
	void theSeedKeepsItsNumbersWithTheFastProducts() throws IOException {
		JsonNode seed = seed();
		Network network = new Network(List.of(new Layer(Matrices.of(new double[][] { { 0.1 }, { -0.3 }, { 0.5 } }),
				new ArrayRealVector(new double[] { 0.1 }), Activation.SIGMOID)));
		TrainingStep.Result result = new TrainingStep(new BlasMatrixProducts()).run(network,
				Matrices.of(new double[][] { { 0.5, 0.2, 0.8 } }), Matrices.of(new double[][] { { 0.7 } }), Loss.MSE,
				0.1);

		assertRelative(result.forward().layers().get(0).z().getEntry(0, 0), seed.at("/Z/0/0"));
		assertRelative(result.forward().prediction().getEntry(0, 0), seed.at("/pred/0/0"));
		assertRelative(result.forward().loss(), seed.at("/loss/0/0"));
		assertRelative(result.backward().dLdPrediction().getEntry(0, 0), seed.at("/dL_d_pred/0/0"));
		BackwardPass.LayerGradients g = result.backward().layers().get(0);
		assertRelative(g.dOutputdZ().getEntry(0, 0), seed.at("/d_pred_dZ/0/0"));
		assertRelative(g.dLdZ().getEntry(0, 0), seed.at("/dL_dZ/0/0"));
		for (int i = 0; i < 3; i++) {
			assertRelative(g.dLdW().getEntry(i, 0), seed.at("/dL_dW/" + i + "/0"));
			assertRelative(result.updated().layer(0).weights().getEntry(i, 0), seed.at("/W_new/" + i + "/0"));
		}
		assertRelative(g.dLdb().getEntry(0), seed.at("/dL_db/0/0"));
		assertRelative(result.updated().layer(0).bias().getEntry(0), seed.at("/b_new/0/0"));
		assertRelative(result.after().prediction().getEntry(0, 0), seed.at("/pred_updated/0/0"));
		assertRelative(result.after().loss(), seed.at("/loss_updated/0/0"));
	}

	static JsonNode seed() {
		return SeedValues.load();
	}

	static void assertRelative(double actual, JsonNode expected) {
		assertThat(expected.isNumber()).as("expected value present").isTrue();
		double value = expected.doubleValue();
		assertThat(actual).isCloseTo(value, within(1e-12 * Math.abs(value)));
	}

}
