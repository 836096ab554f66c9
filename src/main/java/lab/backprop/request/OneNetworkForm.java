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
 * A body gives exactly one form of the network: {@code layers}, or the single-layer
 * {@code weights} and {@code bias} (with an optional {@code activation}); each error
 * names the field it is about.
 */
@Documented
@Constraint(validatedBy = OneNetworkForm.Validator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface OneNetworkForm {

	String message() default "gives the network in one form";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<OneNetworkForm, NetworkBody> {

		static final String BIAS_REQUIRED = "is required: a number, one value per output, or a 1 × outputs matrix";

		static final String WEIGHTS_REQUIRED = "is required: a matrix, inputs × outputs";

		@Override
		public boolean isValid(NetworkBody body, ConstraintValidatorContext context) {
			if (body == null) {
				return true;
			}
			if (body.layers() != null && body.singleLayerForm()) {
				String field = body.weights() != null ? "weights" : body.bias() != null ? "bias" : "activation";
				return error(context, field, "give either 'layers' (network form) or 'weights', 'bias' and "
						+ "'activation' (single-layer form), not both");
			}
			if (body.layers() != null) {
				return true;
			}
			if (!body.singleLayerForm()) {
				return error(context, "layers",
						"is required: give 'layers' (network form) or 'weights' and 'bias' (single-layer form)");
			}
			boolean valid = true;
			if (body.weights() == null) {
				valid = error(context, "weights", WEIGHTS_REQUIRED);
			}
			if (body.bias() == null) {
				valid = error(context, "bias", BIAS_REQUIRED);
			}
			return valid;
		}

		private static boolean error(ConstraintValidatorContext context, String field, String message) {
			context.disableDefaultConstraintViolation();
			context.buildConstraintViolationWithTemplate(BeanViolations.literal(message))
				.addPropertyNode(field)
				.addConstraintViolation();
			return false;
		}

	}

}
