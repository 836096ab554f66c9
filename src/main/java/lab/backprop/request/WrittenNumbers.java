package lab.backprop.request;

import java.util.List;

import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * A number, a flat array of numbers or an array of rows of numbers, with every number
 * kept as it was written ({@code -0.0188}, {@code 1.50e-2}), so that it can be judged at
 * the precision its writer chose. Rows may be ragged here; whoever reads the value says
 * where.
 *
 * @param depth 0 for a number, 1 for a flat array, 2 for rows
 * @param rows the numbers' texts: one row of one for a number, one row for a flat array
 */
@JsonDeserialize(using = WrittenNumbersDeserializer.class)
public record WrittenNumbers(int depth, List<List<String>> rows) {

	public WrittenNumbers {
		rows = rows.stream().map(List::copyOf).toList();
	}

	/** The numbers as doubles, in the same rows. */
	public double[][] values() {
		double[][] values = new double[rows.size()][];
		for (int i = 0; i < values.length; i++) {
			List<String> row = rows.get(i);
			values[i] = new double[row.size()];
			for (int j = 0; j < row.size(); j++) {
				values[i][j] = Double.parseDouble(row.get(j));
			}
		}
		return values;
	}

}
