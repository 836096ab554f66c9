package lab.backprop.train;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import io.swagger.v3.oas.annotations.media.Schema;
import lab.backprop.engine.DecisionGrid;

/** The decision boundary: the network's output at every grid point. */
@Schema(name = "DecisionGrid", description = """
		The network's output over the grid asked for: `output[i][j]` is its first output at \
		(x₁, x₂) = (`x[j]`, `y[i]`), so each row of `output` is one value of `y`. Computed in one forward \
		pass of all the grid points.""")
@JsonPropertyOrder({ "x", "y", "output", "layers" })
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GridResponse(

		@Schema(description = "The x₁ values, ascending.", example = "[-6, -2, 2, 6]",
				requiredMode = Schema.RequiredMode.REQUIRED) double[] x,

		@Schema(description = "The x₂ values, ascending.", example = "[-6, 6]",
				requiredMode = Schema.RequiredMode.REQUIRED) double[] y,

		@Schema(description = "y.length × x.length: the first output of the last layer at (x[j], y[i]).",
				example = "[[0.1, 0.4, 0.6, 0.9], [0.2, 0.5, 0.7, 0.8]]",
				requiredMode = Schema.RequiredMode.REQUIRED) double[][] output,

		@Schema(description = "Only with `neurons: true`: per layer, first to last, every neuron's output over the grid.") List<LayerPictures> layers) {

	@Schema(name = "GridLayer", description = "One layer's neurons over the grid.")
	public record LayerPictures(@Schema(
			description = "Per neuron (column of the layer's weights), a y.length × x.length matrix of its output, as `output`.") double[][][] neurons) {
	}

	static GridResponse of(DecisionGrid.Picture picture) {
		List<LayerPictures> layers = null;
		if (picture.neurons() != null) {
			layers = new ArrayList<>();
			for (double[][][] neurons : picture.neurons()) {
				layers.add(new LayerPictures(neurons));
			}
		}
		return new GridResponse(picture.x(), picture.y(), picture.output(), layers);
	}

}
