package lab.backprop.system.limits;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Bounds on the work of one /train or /gradient-check request. Set them as properties or
 * with the environment, e.g. {@code BACKPROP_LIMITS_MAX_TRAIN_WORK=50000000}.
 *
 * @param maxTrainWork the compute budget of /train: parameters × the examples its steps,
 * evaluations and grids pass through the network (steps × parameters × batch for plain
 * full-batch training); the default lets 1,000 steps of 784 → 256 → 10 on 64 examples run
 * (1.3 × 10¹⁰)
 * @param maxTrainSteps the most steps one /train request may ask for
 * @param maxHistoryPoints the most points of loss history one /train answer may hold
 * @param maxGradientCheckWork the compute budget of /gradient-check: 3 × parameters ×
 * parameters × batch (three loss evaluations per parameter)
 * @param maxTrainTime the wall-clock time one /train run (or gradient check) may take; a
 * run that uses it up stops cleanly with everything so far
 * @param maxStreamedRuns how many streamed /train runs compute at once (each on a thread
 * of its own); one more is a 503
 */
@ConfigurationProperties("backprop.limits")
public record TrainingLimits(@DefaultValue("20000000000") long maxTrainWork, @DefaultValue("100000") int maxTrainSteps,
		@DefaultValue("10000") int maxHistoryPoints, @DefaultValue("100000000") long maxGradientCheckWork,
		@DefaultValue("30s") Duration maxTrainTime, @DefaultValue("4") int maxStreamedRuns) {

	static final String MAX_TRAIN_WORK = "backprop.limits.max-train-work";

	static final String MAX_GRADIENT_CHECK_WORK = "backprop.limits.max-gradient-check-work";

	public static final String MAX_TRAIN_TIME = "backprop.limits.max-train-time";

}
