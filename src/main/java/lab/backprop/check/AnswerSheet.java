package lab.backprop.check;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import lab.backprop.engine.TrainingStep;
import lab.backprop.engine.slips.Slip;
import lab.backprop.engine.slips.SlippedStep;
import lab.backprop.step.TrainStepResponse;

/**
 * The /train-step answer to a body, as the JSON tree a pointer reads, and beside it, on
 * demand, the answer a learner who made one slip would have written. Each slipped answer
 * is a whole step computed again, so there are at most {@code budget} of them per
 * request; each is computed once.
 */
final class AnswerSheet {

	private final JsonMapper mapper;

	private final SlippedStep slipped;

	private final SlippedStep.Setup setup;

	private final JsonNode right;

	private final Map<String, Optional<JsonNode>> slips = new HashMap<>();

	private int budget;

	AnswerSheet(JsonMapper mapper, SlippedStep slipped, SlippedStep.Setup setup, TrainingStep.Result result,
			int budget) {
		this.mapper = mapper;
		this.slipped = slipped;
		this.setup = setup;
		this.right = tree(result);
		this.budget = budget;
	}

	JsonNode right() {
		return right;
	}

	int depth() {
		return setup.network().depth();
	}

	/**
	 * The answer with {@code slip} made (in {@code layer}); empty where the slip cannot
	 * be made here or the budget is spent.
	 */
	Optional<JsonNode> slipped(Slip slip, int layer) {
		String key = slip + "/" + layer;
		Optional<JsonNode> known = slips.get(key);
		if (known != null) {
			return known;
		}
		if (budget <= 0) {
			return Optional.empty();
		}
		budget--;
		Optional<JsonNode> answer = slipped.run(setup, slip, layer).map(this::tree);
		slips.put(key, answer);
		return answer;
	}

	/**
	 * As /train-step answers it: with its data loss and penalty where it has a penalty.
	 */
	private JsonNode tree(TrainingStep.Result result) {
		return mapper.valueToTree(TrainStepResponse.from(result, !setup.regularization().isNone()));
	}

}
