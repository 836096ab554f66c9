package lab.backprop.explain;

import lab.backprop.engine.slips.Slip;

/**
 * A wrong answer that a known slip explains, as the explanation tells it.
 *
 * @param slipLayer the layer the slip was made in (from 0), for a slip of one layer
 * @param element where the first wrong number is (a JSON Pointer into the answer)
 * @param given that number as the learner wrote it
 * @param right the right number there
 * @param rightShape the quantity's shape, e.g. {@code 3 × 1}
 * @param givenShape the shape written
 */
public record Mistake(Slip slip, int slipLayer, String element, String given, double right, String rightShape,
		String givenShape) {
}
