package lab.backprop.exercises;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.JsonNode;

import lab.backprop.request.TrainStepRequest;

/** An exercise: a /train-step body to work by hand, and what to compute. */
@Schema(name = "Exercise", description = """
		A network to work by hand: POST `request` with your numbers for the values in `ask` as `answers` \
		to /check.""")
@JsonPropertyOrder({ "level", "seed", "title", "instructions", "request", "ask", "questions" })
public record ExerciseResponse(
		@Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "1, 2 or 3.", example = "2") int level,
		@Schema(requiredMode = Schema.RequiredMode.REQUIRED,
				description = "The seed it was drawn with: the same seed and level give the same exercise.",
				example = "7") long seed,
		@Schema(requiredMode = Schema.RequiredMode.REQUIRED,
				description = "A short title, in the language of Accept-Language.") String title,
		@Schema(requiredMode = Schema.RequiredMode.REQUIRED,
				description = "What to compute, in the language of Accept-Language.") String instructions,
		@Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The /train-step body of the exercise.",
				implementation = TrainStepRequest.class) JsonNode request,
		@Schema(requiredMode = Schema.RequiredMode.REQUIRED,
				description = "JSON Pointers into the /train-step answer: the values to compute, in the order to compute them.",
				example = "[\"/forward/layers/0/z\", \"/forward/prediction\", \"/forward/loss\"]") List<String> ask,
		@Schema(requiredMode = Schema.RequiredMode.REQUIRED,
				description = "The same values as `ask`, each with its name and shape, to lay out a form.") List<Question> questions) {

	/** One value to compute. */
	@Schema(name = "ExerciseQuestion", description = "One value to compute.")
	@JsonPropertyOrder({ "pointer", "name", "rows", "columns" })
	public record Question(
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "As in `ask`.",
					example = "/forward/layers/0/z") String pointer,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED,
					description = "What it is, in the language of Accept-Language.",
					example = "Weighted sum z") String name,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Its rows (a single number is 1 × 1).",
					example = "1") int rows,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Its columns.",
					example = "1") int columns) {
	}

}
