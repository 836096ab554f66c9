package lab.backprop.request;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * The rules of an optimizer's settings that span fields: a setting must apply to the type
 * (or have the value that changes nothing), {@code momentum} and {@code nesterov} need a
 * momentum above 0, and Nesterov momentum needs dampening 0 (as PyTorch). An unknown type
 * is the reader's to report (with a did-you-mean).
 */
@Documented
@Constraint(validatedBy = OptimizerSettings.Validator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface OptimizerSettings {

	String message() default "has settings that fit its type";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<OptimizerSettings, OptimizerSpec> {

		@Override
		public boolean isValid(OptimizerSpec spec, ConstraintValidatorContext context) {
			if (spec == null || spec.type() == null) {
				return true;
			}
			String type = WireEnum.asciiLowerCase(spec.type());
			List<String> accepted = OptimizerTypes.settingsOf(type);
			if (accepted == null) {
				return true;
			}
			boolean valid = true;
			for (var setting : OptimizerTypes.given(spec).entrySet()) {
				if (setting.getValue() != null && !accepted.contains(setting.getKey())
						&& !neutral(type, setting.getKey(), setting.getValue())) {
					valid = error(context, setting.getKey(),
							"does not apply to " + type + "; " + type + " takes: " + String.join(", ", accepted));
				}
			}
			if (!valid) {
				return false;
			}
			boolean momentumType = OptimizerTypes.usesMomentumByDefault(type);
			if (momentumType && spec.momentum() != null && spec.momentum() == 0.0) {
				return error(context, "momentum", "must be > 0 for " + type + " (use sgd for none)");
			}
			boolean nesterov = type.equals("nesterov") || (type.equals("sgd") && Boolean.TRUE.equals(spec.nesterov()));
			double momentum = spec.momentum() != null ? spec.momentum() : momentumType ? 0.9 : 0.0;
			double dampening = spec.dampening() != null ? spec.dampening() : 0.0;
			if (nesterov && Double.isFinite(momentum) && Double.isFinite(dampening)
					&& (momentum == 0.0 || dampening != 0.0)) {
				return error(context, "nesterov", "needs momentum > 0 and dampening 0 (as PyTorch)");
			}
			return true;
		}

		/**
		 * A setting the type does not take, with the value that changes nothing (a client
		 * that fills in every field sends these): momentum 0, dampening 0, nesterov false
		 * (not for the type {@code nesterov}), centered false.
		 */
		private static boolean neutral(String type, String setting, Object value) {
			return switch (setting) {
				case "momentum", "dampening" -> value instanceof Double number && number == 0.0;
				case "nesterov" -> Boolean.FALSE.equals(value) && !type.equals("nesterov");
				case "centered" -> Boolean.FALSE.equals(value);
				default -> false;
			};
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
