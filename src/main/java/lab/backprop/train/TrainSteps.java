package lab.backprop.train;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import lab.backprop.system.limits.TrainingLimits;

/**
 * A /train request's {@code steps}: required, from 1 to the configured
 * {@code backprop.limits.max-train-steps} (the validator is a Spring bean, given the
 * limits).
 */
@Documented
@Constraint(validatedBy = TrainSteps.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
public @interface TrainSteps {

	String message() default "is out of range";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<TrainSteps, Integer> {

		private final TrainingLimits limits;

		public Validator(TrainingLimits limits) {
			this.limits = limits;
		}

		@Override
		public boolean isValid(Integer steps, ConstraintValidatorContext context) {
			String message;
			if (steps == null) {
				message = "is required: how many steps to train, 1 to " + limits.maxTrainSteps();
			}
			else if (steps < 1 || steps > limits.maxTrainSteps()) {
				message = "must be from 1 to " + limits.maxTrainSteps() + " (backprop.limits.max-train-steps), not "
						+ steps;
			}
			else {
				return true;
			}
			context.disableDefaultConstraintViolation();
			context.buildConstraintViolationWithTemplate(message).addConstraintViolation();
			return false;
		}

	}

}
