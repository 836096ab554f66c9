package lab.backprop.request;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A number that is finite and within bounds; {@code null} passes (pair it with
 * {@code @NotNull} where the field is required). Bean Validation's own {@code @Positive}
 * or {@code @DecimalMin} let NaN or infinity through or report them apart; this says both
 * in one message, as the service's messages do ("must be a finite number > 0, not NaN").
 */
@Documented
@Constraint(validatedBy = FiniteNumber.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface FiniteNumber {

	String message();

	/**
	 * The smallest value allowed (or, with {@link #minExclusive()}, the bound above it).
	 */
	double min() default Double.NEGATIVE_INFINITY;

	boolean minExclusive() default false;

	/**
	 * The largest value allowed (or, with {@link #maxExclusive()}, the bound below it).
	 */
	double max() default Double.POSITIVE_INFINITY;

	boolean maxExclusive() default false;

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<FiniteNumber, Double> {

		private FiniteNumber bounds;

		@Override
		public void initialize(FiniteNumber bounds) {
			this.bounds = bounds;
		}

		@Override
		public boolean isValid(Double value, ConstraintValidatorContext context) {
			if (value == null) {
				return true;
			}
			if (!Double.isFinite(value)) {
				return false;
			}
			boolean aboveMin = bounds.minExclusive() ? value > bounds.min() : value >= bounds.min();
			boolean belowMax = bounds.maxExclusive() ? value < bounds.max() : value <= bounds.max();
			return aboveMin && belowMax;
		}

	}

}
