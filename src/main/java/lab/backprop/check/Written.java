package lab.backprop.check;

import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.util.RawValue;

import lab.backprop.request.WrittenNumbers;
import lab.backprop.system.problem.FieldError;

/** An answer as the learner wrote it: its rows checked, and echoed digit for digit. */
final class Written {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private Written() {
	}

	/**
	 * Rows that are not empty and of one length; else the error, at the row that differs.
	 */
	static boolean rectangular(List<List<String>> rows, String at, List<FieldError> errors) {
		if (rows.isEmpty() || rows.get(0).isEmpty()) {
			errors.add(new FieldError(at, "must not be empty"));
			return false;
		}
		for (int i = 1; i < rows.size(); i++) {
			if (rows.get(i).size() != rows.get(0).size()) {
				errors.add(new FieldError(at + "/" + i, "row " + i + " has " + rows.get(i).size()
						+ " numbers but row 0 has " + rows.get(0).size() + ": every row must have the same length"));
				return false;
			}
		}
		return true;
	}

	/** The numbers as written, digit for digit, in the form they were sent. */
	static JsonNode echo(WrittenNumbers given) {
		if (given.depth() == 0) {
			return NODES.rawValueNode(new RawValue(given.rows().get(0).get(0)));
		}
		ArrayNode rows = NODES.arrayNode();
		for (List<String> row : given.rows()) {
			ArrayNode values = given.depth() == 1 ? rows : rows.addArray();
			row.forEach(text -> values.add(NODES.rawValueNode(new RawValue(text))));
		}
		return rows;
	}

}
