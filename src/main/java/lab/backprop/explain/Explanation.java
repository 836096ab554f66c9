package lab.backprop.explain;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.swagger.v3.oas.annotations.media.Schema;

/** The three texts that explain one value of the step. */
@Schema(name = "Explanation",
		description = "What one value of the step is, with this request's numbers, and what it means.")
@JsonPropertyOrder({ "formula", "substituted", "meaning" })
public record Explanation(
		@Schema(description = "The symbolic rule, e.g. `z = x·W + b` or `dL/dZ = dL/dA ⊙ dA/dZ`.",
				example = "z = x·W + b", requiredMode = Schema.RequiredMode.REQUIRED) String formula,
		@Schema(description = """
				The rule with this request's numbers, element by element (`; ` between elements, indices \
				[row,column] from 1 where there are several), each ending in the value exactly as the JSON \
				shows it. For large layers an excerpt: a long sum keeps its first and last terms around \
				`… (N terms in all) …`, and after the first elements `… and M more; T in all` counts the rest.""",
				example = "z = 0.5·0.1 + 0.2·(−0.3) + 0.8·0.5 + 0.1 = 0.49",
				requiredMode = Schema.RequiredMode.REQUIRED) String substituted,
		@Schema(description = """
				What the value says here, chosen by its sign and size: which way the prediction should move, \
				how far off it is, saturated or dead units, vanishing or large gradients, whether the step \
				lowered the loss.""", requiredMode = Schema.RequiredMode.REQUIRED) String meaning) {

	static Explanation of(Worked worked) {
		StringBuilder substituted = new StringBuilder();
		for (Worked.Line line : worked.lines()) {
			if (!substituted.isEmpty()) {
				substituted.append("; ");
			}
			substituted.append(line.equation());
		}
		if (worked.elision() != null) {
			substituted.append("; ").append(worked.elision());
		}
		return new Explanation(worked.formula(), substituted.toString(), worked.meaning());
	}
}
