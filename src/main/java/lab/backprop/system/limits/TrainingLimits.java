package lab.backprop.system.limits;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Bounds on the work of one /train or /gradient-check request. Set them as properties or
 * with the environment, e.g. {@code BACKPROP_LIMITS_MAX_TRAIN_WORK=50000000}.
 *
 * @param maxTrainWork the compute budget: steps × parameters × batch for /train, and 3 ×
 * parameters × parameters × batch (three loss evaluations per parameter) for
 * /gradient-check
 * @param maxTrainSteps the most steps one /train request may ask for
 * @param maxHistoryPoints the most points of loss history one /train answer may hold
 */
@ConfigurationProperties("backprop.limits")
public record TrainingLimits(@DefaultValue("100000000") long maxTrainWork, @DefaultValue("100000") int maxTrainSteps,
		@DefaultValue("10000") int maxHistoryPoints) {

	static final String MAX_TRAIN_WORK = "backprop.limits.max-train-work";

}
