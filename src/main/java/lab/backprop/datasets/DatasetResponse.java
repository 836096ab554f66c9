package lab.backprop.datasets;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.swagger.v3.oas.annotations.media.Schema;

import lab.backprop.engine.data.DataSet;
import lab.backprop.engine.data.Feature;

/** One generated data set, its parameters echoed. */
@Schema(name = "Dataset", description = """
		A generated data set: its parameters as used (defaults filled in) and the points, split into \
		`train` and `test`. The same parameters give the same numbers on every machine.""")
@JsonPropertyOrder({ "name", "kind", "points", "noise", "testFraction", "seed", "features", "train", "test" })
public record DatasetResponse(
		@Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The data set's name, lower case.",
				example = "circle") String name,

		@Schema(requiredMode = Schema.RequiredMode.REQUIRED,
				description = "`classification`: one output, label 0 or 1; `regression`: one real output.",
				allowableValues = {
						"classification", "regression" },
				example = "classification") String kind,

		@Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Points in all, train plus test.",
				example = "200") int points,

		@Schema(requiredMode = Schema.RequiredMode.REQUIRED,
				description = "The noise, as a fraction of the data set's scale.", example = "0.1") double noise,

		@Schema(requiredMode = Schema.RequiredMode.REQUIRED,
				description = "The fraction of the points held out as `test`: round(points × testFraction) of them.",
				example = "0.5") double testFraction,

		@Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The seed the points were drawn with.",
				example = "1") long seed,

		@Schema(requiredMode = Schema.RequiredMode.REQUIRED,
				description = "The input columns, in the order of each row of `inputs`.",
				example = "[\"x1\", \"x2\"]") List<String> features,

		@Schema(requiredMode = Schema.RequiredMode.REQUIRED,
				description = "The training points: points − round(points × testFraction) of them.") DataPoints train,

		@Schema(requiredMode = Schema.RequiredMode.REQUIRED,
				description = "The held-out points (none when `testFraction` is 0): never train on them; they show how well a network generalises.") DataPoints test){

	/** Points as a network reads them. */
	@Schema(name = "DataPoints", description = """
			Points as a network reads them: `inputs` (points × features) and `label` (points × 1), ready \
			for the `inputs` and `label` of /train-step and /train, or the `test` of /train.""")
	@JsonPropertyOrder({ "inputs", "label" })
	public record DataPoints(
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED,
					description = "One row per point: the values of `features`, in their order.",
					example = "[[1.9403, -0.3517], [-4.1022, 2.2139]]") double[][] inputs,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED,
					description = "One row per point with its label: 0 or 1 for classification, a real number for regression.",
					example = "[[1], [0]]") double[][] label) {

		public static DataPoints of(DataSet.Points points, List<Feature> features) {
			return new DataPoints(points.inputs(features.toArray(Feature[]::new)), points.labelColumn());
		}

	}

	static DatasetResponse of(DataSet data, List<Feature> features) {
		DataSet.Spec spec = data.spec();
		return new DatasetResponse(data.shape().wireName(), data.shape().kind().wireName(), spec.points(), spec.noise(),
				spec.testFraction(), spec.seed(), features.stream().map(Feature::wireName).toList(),
				DataPoints.of(data.train(), features), DataPoints.of(data.test(), features));
	}

}
