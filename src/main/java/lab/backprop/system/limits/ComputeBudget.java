package lab.backprop.system.limits;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import lab.backprop.engine.Layer;
import lab.backprop.engine.Network;
import lab.backprop.system.problem.Problems;

/**
 * The work a request asks for, measured against {@link TrainingLimits#maxTrainWork()} (or
 * {@link TrainingLimits#maxGradientCheckWork()}).
 */
public final class ComputeBudget {

	private ComputeBudget() {
	}

	public static long parameters(Network network) {
		long count = 0;
		for (Layer layer : network.layers()) {
			count += layer.parameterCount();
		}
		return count;
	}

	/** The product, or {@code Long.MAX_VALUE} where it would overflow. */
	public static long product(long... factors) {
		long result = 1;
		for (long factor : factors) {
			try {
				result = Math.multiplyExact(result, factor);
			}
			catch (ArithmeticException e) {
				return Long.MAX_VALUE;
			}
		}
		return result;
	}

	/**
	 * @param formula how {@code work} was computed, with its numbers, for the message
	 * @throws ErrorResponseException a 413 naming the budget and its value when
	 * {@code work} exceeds it
	 */
	public static void check(long work, String formula, TrainingLimits limits) {
		check(work, formula, limits.maxTrainWork(), TrainingLimits.MAX_TRAIN_WORK,
				"ask for fewer steps, or use a smaller network or batch");
	}

	/** The same for /gradient-check, against its own budget. */
	public static void checkGradientCheck(long work, String formula, TrainingLimits limits) {
		check(work, formula, limits.maxGradientCheckWork(), TrainingLimits.MAX_GRADIENT_CHECK_WORK,
				"use a smaller network or batch");
	}

	private static void check(long work, String formula, long budget, String property, String advice) {
		if (work <= budget) {
			return;
		}
		ProblemDetail problem = Problems.of(HttpStatus.CONTENT_TOO_LARGE, Problems.TOO_LARGE,
				"The request is over the compute budget", formula + " = " + work + " is over the compute budget "
						+ property + " = " + budget + ": " + advice + ".");
		problem.setProperty("limit", property);
		problem.setProperty("budget", budget);
		problem.setProperty("work", work);
		throw new ErrorResponseException(HttpStatus.CONTENT_TOO_LARGE, problem, null);
	}

	/**
	 * The 413 of a computation that used up {@code backprop.limits.max-train-time}
	 * without an answer to give so far.
	 */
	public static ErrorResponseException timeUsedUp(String what, TrainingLimits limits) {
		ProblemDetail problem = Problems.of(HttpStatus.CONTENT_TOO_LARGE, Problems.TOO_LARGE,
				"The request took longer than allowed", what + " did not finish within " + TrainingLimits.MAX_TRAIN_TIME
						+ " = " + limits.maxTrainTime() + ": use a smaller network or batch.");
		problem.setProperty("limit", TrainingLimits.MAX_TRAIN_TIME);
		problem.setProperty("budget", limits.maxTrainTime().toMillis());
		return new ErrorResponseException(HttpStatus.CONTENT_TOO_LARGE, problem, null);
	}

}
