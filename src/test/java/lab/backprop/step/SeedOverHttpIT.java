package lab.backprop.step;

import static lab.backprop.NumericAssertions.assertClose;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import lab.backprop.SeedValues;
import lab.backprop.HttpTestSupport;
import lab.backprop.Api.Answer;

/** The seed's request over HTTP: every number it prints comes back, to 1e-12 relative. */
class SeedOverHttpIT extends HttpTestSupport {

	private static final double TOLERANCE = 1e-12;

	@Test
	void everyNumberTheSeedPrintsComesBack() {
		Answer answer = postJson("/train-step", SeedValues.REQUEST);
		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.contentType()).startsWith("application/json");
		JsonNode seed = SeedValues.load();
		JsonNode body = answer.json();

		JsonNode layer = body.get("forward").get("layers").get(0);
		assertClose("Z", layer.get("z").get(0).get(0).asDouble(), value(seed, "Z"), TOLERANCE);
		assertClose("pred", layer.get("output").get(0).get(0).asDouble(), value(seed, "pred"), TOLERANCE);
		assertClose("prediction", body.get("forward").get("prediction").get(0).get(0).asDouble(), value(seed, "pred"),
				TOLERANCE);
		assertClose("loss", body.get("forward").get("loss").asDouble(), value(seed, "loss"), TOLERANCE);

		JsonNode backward = body.get("backward");
		JsonNode gradients = backward.get("layers").get(0);
		assertClose("dL/dpred", backward.get("dL_dPrediction").get(0).get(0).asDouble(), value(seed, "dL_d_pred"),
				TOLERANCE);
		assertClose("dL/dOutput", gradients.get("dL_dOutput").get(0).get(0).asDouble(), value(seed, "dL_d_pred"),
				TOLERANCE);
		assertClose("dpred/dZ", gradients.get("dOutput_dZ").get(0).get(0).asDouble(), value(seed, "d_pred_dZ"),
				TOLERANCE);
		assertClose("dL/dZ", gradients.get("dL_dZ").get(0).get(0).asDouble(), value(seed, "dL_dZ"), TOLERANCE);
		assertColumn("dL/dW", gradients.get("dL_dW"), seed.get("dL_dW"));
		assertClose("dL/db", gradients.get("dL_db").get(0).asDouble(), value(seed, "dL_db"), TOLERANCE);

		JsonNode update = body.get("update");
		assertClose("learning rate", update.get("learningRate").asDouble(), 0.1, 0.0);
		assertColumn("W_new", update.get("layers").get(0).get("weights"), seed.get("W_new"));
		assertClose("b_new", update.get("layers").get(0).get("bias").get(0).asDouble(), value(seed, "b_new"),
				TOLERANCE);
		assertThat(update.get("layers").get(0).get("activation").asString()).isEqualTo("sigmoid");

		JsonNode after = body.get("after");
		assertClose("pred_updated", after.get("prediction").get(0).get(0).asDouble(), value(seed, "pred_updated"),
				TOLERANCE);
		assertClose("loss_updated", after.get("loss").asDouble(), value(seed, "loss_updated"), TOLERANCE);
		assertClose("loss change", after.get("lossChange").asDouble(),
				value(seed, "loss_updated") - value(seed, "loss"), 1e-10);
	}

	@Test
	void theResponseKeepsTheSeedsOrderOfComputation() {
		JsonNode body = postJson("/train-step", SeedValues.REQUEST).json();
		// optimizerState (issue 5) comes last: the state after the update, for the next
		// step
		assertThat(names(body)).containsExactly("forward", "backward", "update", "after", "optimizerState");
		assertThat(names(body.get("forward"))).containsExactly("layers", "prediction", "loss");
		assertThat(names(body.get("forward").get("layers").get(0))).containsExactly("input", "z", "activation",
				"output");
		assertThat(names(body.get("backward"))).containsExactly("dL_dPrediction", "layers");
		assertThat(names(body.get("backward").get("layers").get(0))).containsExactly("dL_dOutput", "dOutput_dZ",
				"dL_dZ", "dL_dW", "dL_db", "dL_dInput");
		assertThat(names(body.get("update"))).containsExactly("learningRate", "optimizer", "layers");
		assertThat(names(body.get("update").get("layers").get(0))).containsExactly("weights", "bias", "activation");
		assertThat(names(body.get("after"))).containsExactly("prediction", "loss", "lossChange");
	}

	@Test
	void numbersAreWrittenWithFullRoundTripPrecision() {
		Answer answer = postJson("/train-step", SeedValues.REQUEST);
		// The seed prints 0.62010643; the service must carry every digit of the double.
		assertThat(answer.text()).contains("0.6201064323430902").contains("-0.018820882852641253");
	}

	private static double value(JsonNode seed, String name) {
		return seed.get(name).get(0).get(0).asDouble();
	}

	private static void assertColumn(String what, JsonNode actual, JsonNode expected) {
		assertThat(actual.size()).as(what + " rows").isEqualTo(expected.size());
		for (int i = 0; i < expected.size(); i++) {
			assertThat(actual.get(i).size()).as(what + " columns").isEqualTo(1);
			assertClose(what + "[" + i + "]", actual.get(i).get(0).asDouble(), expected.get(i).get(0).asDouble(),
					TOLERANCE);
		}
	}

	private static List<String> names(JsonNode node) {
		return new ArrayList<>(node.propertyNames());
	}

}
