package lab.backprop.train;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;

import lab.backprop.engine.DecisionGrid;
import lab.backprop.engine.Training;
import lab.backprop.engine.data.MiniBatches;
import lab.backprop.request.HeldOutDataReader;
import lab.backprop.request.OptimizerStateBody;
import lab.backprop.request.RequestSizeCheck;
import lab.backprop.request.StepInput;
import lab.backprop.request.StepRequestReader;
import lab.backprop.system.admission.MemoryAdmission;
import lab.backprop.system.limits.ComputeBudget;
import lab.backprop.system.limits.TrainingLimits;
import lab.backprop.system.problem.FieldError;
import lab.backprop.system.problem.InvalidRequestException;
import lab.backprop.system.ratelimit.RateLimits;

/**
 * Turns a /train body into a {@link TrainJob}: the /train-step fields through the step
 * reader, then /train's own (how long, the test set, mini-batches, the grid), the compute
 * budget (413) and the memory admission (503), in that order, before anything is
 * computed.
 */
@Component
class TrainPlanner {

	private final StepRequestReader reader;

	private final RequestSizeCheck sizes;

	private final GridReader grids;

	private final TrainingLimits limits;

	private final MemoryAdmission admission;

	private final RateLimits rateLimits;

	TrainPlanner(StepRequestReader reader, RequestSizeCheck sizes, GridReader grids, TrainingLimits limits,
			MemoryAdmission admission, RateLimits rateLimits) {
		this.reader = reader;
		this.sizes = sizes;
		this.grids = grids;
		this.limits = limits;
		this.admission = admission;
		this.rateLimits = rateLimits;
	}

	/**
	 * @param streamed whether progress events will carry a grid each (the budget counts
	 * them)
	 */
	TrainJob plan(TrainRequest request, boolean streamed, HttpServletRequest servletRequest) {
		if (request.test() != null) {
			sizes.checkExamples(request.test().inputs(), "/test/inputs", request);
		}
		List<FieldError> errors = new ArrayList<>();
		StepInput input = reader.read(request, errors);
		Training.Plan plan = plan(request, errors);
		Training.Examples test;
		DecisionGrid grid;
		MiniBatches.Position position = MiniBatches.Position.START;
		test = HeldOutDataReader.read(request.test(), "/test", input == null ? null : input.network(), errors);
		grid = grids.read(request.grid(), input == null ? null : input.network(), errors);
		if (input != null) {
			position = position(request, input.inputs().getRowDimension(), errors);
		}
		if (!errors.isEmpty()) {
			throw new InvalidRequestException(errors);
		}
		int examples = input.inputs().getRowDimension();
		boolean miniBatches = plan.batchSize() != 0 && plan.batchSize() < examples;
		rateLimits.chargeWork(servletRequest, checkBudget(input, plan, test, grid, streamed, miniBatches));
		admission.admit(input.network(), input.inputs(), input.labels(), servletRequest);
		if (test != null) {
			admission.admit(input.network(), test.inputs(), test.labels(), servletRequest);
		}
		if (grid != null) {
			admission.admit(input.network(), grid.inputs(), input.labels(), servletRequest);
		}
		Training.Task task = new Training.Task(input.network(), new Training.Examples(input.inputs(), input.labels()),
				test, input.loss(), input.regularization(), input.learningRate(), input.optimizer(),
				input.optimizerState(), position);
		boolean neurons = request.grid() != null && Boolean.TRUE.equals(request.grid().neurons());
		return new TrainJob(input, task, plan, grid, neurons, Boolean.TRUE.equals(request.trace()), miniBatches);
	}

	/**
	 * How long to train. Bean Validation has checked {@code steps}, {@code targetLoss},
	 * {@code recordEvery} and {@code batchSize} one by one; the size of the history
	 * depends on two of them and a configured limit, so it is checked here.
	 * @return {@code null} when they are not valid
	 */
	private Training.Plan plan(TrainRequest request, List<FieldError> errors) {
		Integer steps = request.steps();
		Double target = request.targetLoss();
		if (steps == null || steps < 1 || steps > limits.maxTrainSteps() || (target != null && !Double.isFinite(target))
				|| (request.recordEvery() != null && request.recordEvery() < 1)
				|| (request.batchSize() != null && request.batchSize() < 1)) {
			return null;
		}
		int recordEvery = request.recordEvery() == null ? Math.max(1, (steps + 99) / 100) : request.recordEvery();
		long points = steps / recordEvery + 2L;
		if (points > limits.maxHistoryPoints()) {
			errors.add(new FieldError("/recordEvery",
					"gives " + points + " history points for " + steps + " steps, more than "
							+ limits.maxHistoryPoints() + " (backprop.limits.max-history-points): use at least "
							+ (steps + limits.maxHistoryPoints() - 3) / (limits.maxHistoryPoints() - 2)));
			return null;
		}
		return new Training.Plan(steps, target == null ? Double.NEGATIVE_INFINITY : target, recordEvery,
				request.batchSize() == null ? 0 : request.batchSize(),
				request.shuffleSeed() == null ? 0 : request.shuffleSeed(), Boolean.TRUE.equals(request.trace()));
	}

	/**
	 * Where the next mini-batch starts, from {@code optimizerState}; the batch size must
	 * fit the examples too.
	 */
	private static MiniBatches.Position position(TrainRequest request, int examples, List<FieldError> errors) {
		if (request.batchSize() != null && request.batchSize() > examples) {
			errors.add(new FieldError("/batchSize", "must be at most the number of examples, " + examples + ", not "
					+ request.batchSize() + " (leave it out for full-batch training)"));
		}
		OptimizerStateBody state = request.optimizerState();
		if (state == null || (state.epoch() == null && state.position() == null)) {
			return MiniBatches.Position.START;
		}
		long epoch = state.epoch() == null ? 0 : state.epoch();
		int taken = state.position() == null ? 0 : state.position();
		if (epoch < 0 || taken < 0) {
			return MiniBatches.Position.START; // Bean Validation said why
		}
		if (taken >= examples) {
			errors.add(new FieldError("/optimizerState/position", "must be below the number of examples, " + examples
					+ ", not " + taken + ": it counts the examples of the epoch already used"));
			return MiniBatches.Position.START;
		}
		return new MiniBatches.Position(epoch, taken);
	}

	/**
	 * The work of the run: parameters × every example it passes through the network.
	 * Full-batch steps pass the whole set once each (the loss after a step is the next
	 * step's forward pass); a mini-batch step passes its batch and then the whole set for
	 * the loss; the test set passes at each history point, a grid once for the answer
	 * and, streamed, once per history point.
	 */
	private long checkBudget(StepInput input, Training.Plan plan, Training.Examples test, DecisionGrid grid,
			boolean streamed, boolean miniBatches) {
		long parameters = ComputeBudget.parameters(input.network());
		long examples = input.inputs().getRowDimension();
		long perStep = miniBatches ? plan.batchSize() + examples : examples;
		long points = plan.steps() / plan.recordEvery() + 2L;
		long testExamples = test == null ? 0 : test.size();
		long grids = grid == null ? 0 : streamed ? points + 1 : 1;
		long gridPoints = grid == null ? 0 : grid.points();
		if (!miniBatches && test == null && grid == null) {
			long work = ComputeBudget.product(plan.steps(), parameters, examples);
			ComputeBudget.check(work,
					"steps × parameters × batch = " + plan.steps() + " × " + parameters + " × " + examples, limits);
			return work;
		}
		long passed = sum(ComputeBudget.product(plan.steps(), perStep), ComputeBudget.product(points, testExamples),
				ComputeBudget.product(grids, gridPoints));
		long work = ComputeBudget.product(parameters, passed);
		ComputeBudget.check(work,
				"parameters × (steps × examples per step + history points × test examples + grids × grid points) = "
						+ parameters + " × (" + plan.steps() + " × " + perStep + " + " + points + " × " + testExamples
						+ " + " + grids + " × " + gridPoints + ")",
				limits);
		return work;
	}

	private static long sum(long... terms) {
		long total = 0;
		for (long term : terms) {
			total = term == Long.MAX_VALUE || total > Long.MAX_VALUE - term ? Long.MAX_VALUE : total + term;
		}
		return total;
	}

}
