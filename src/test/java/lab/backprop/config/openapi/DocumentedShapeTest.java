package lab.backprop.config.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import lab.backprop.Api;

/**
 * {@link DocumentedShape} finds each kind of misfit the answers are checked for, so that
 * AnswersFitTheDocumentIT could fail.
 */
class DocumentedShapeTest {

	private static final JsonNode DOCUMENT = Api.object("""
			{"components": {"schemas": {
			  "Matrix": {"type": "array", "items": {"type": "array", "items": {"type": "number"}}},
			  "Layer": {"type": "object", "additionalProperties": false, "required": ["weights"], "properties": {
			    "weights": {"$ref": "#/components/schemas/Matrix"},
			    "dOutput_dZ": {"anyOf": [{"$ref": "#/components/schemas/Matrix"}, {"type": "null"}]},
			    "activation": {"type": ["string", "null"], "pattern": "^(?:[Ss][Ii][Gg][Mm][Oo][Ii][Dd])$"},
			    "buffers": {"type": "object", "additionalProperties": {"$ref": "#/components/schemas/Matrix"}}}}}}}""");

	private static final JsonNode LAYER = Api.object("{\"$ref\": \"#/components/schemas/Layer\"}");

	private static int misfits(String value) {
		return DocumentedShape.violations(DOCUMENT, LAYER, Api.JSON.readTree(value)).size();
	}

	@Test
	void aFittingValueHasNoMisfit() {
		assertThat(misfits("""
				{"weights": [[1.5]], "dOutput_dZ": null, "activation": "SIGMOID", "buffers": {"expAvg": [[0]]}}"""))
			.isZero();
		assertThat(misfits("{\"weights\": [[1.5], [2]], \"dOutput_dZ\": [[0.25]]}")).isZero();
	}

	@Test
	void eachKindOfMisfitIsFound() {
		assertThat(misfits("{}")).as("a required field missing").isEqualTo(1);
		assertThat(misfits("{\"weights\": [[1]], \"bias\": [1]}")).as("a field the schema does not list").isEqualTo(1);
		assertThat(misfits("{\"weights\": [1]}")).as("a flat array where a matrix is").isEqualTo(1);
		assertThat(misfits("{\"weights\": [[\"1\"]]}")).as("a string where a number is").isEqualTo(1);
		assertThat(misfits("{\"weights\": [[1]], \"dOutput_dZ\": 2}")).as("none of anyOf").isEqualTo(1);
		assertThat(misfits("{\"weights\": [[1]], \"activation\": \"sigmoids\"}")).as("a pattern").isEqualTo(1);
		assertThat(misfits("{\"weights\": [[1]], \"buffers\": {\"expAvg\": [1]}}")).as("additionalProperties")
			.isEqualTo(1);
	}

}
