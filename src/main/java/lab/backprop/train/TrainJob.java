package lab.backprop.train;

import lab.backprop.engine.DecisionGrid;
import lab.backprop.engine.Training;
import lab.backprop.request.StepInput;

/**
 * A checked /train request, ready to run: the engine's task and plan, and what the answer
 * adds.
 *
 * @param grid the decision boundary to draw, or {@code null}
 * @param neurons whether the grid shows every neuron too
 * @param miniBatches whether the steps take mini-batches (the answer's state then says
 * where the next one starts)
 */
record TrainJob(StepInput input, Training.Task task, Training.Plan plan, DecisionGrid grid, boolean neurons,
		boolean trace, boolean miniBatches) {
}
