package lab.backprop.request;

import java.util.List;
import java.util.Set;

import lab.backprop.engine.optim.Adam;
import lab.backprop.engine.optim.Optimizer;
import lab.backprop.engine.optim.RmsProp;
import lab.backprop.engine.optim.Sgd;
import lab.backprop.system.problem.FieldError;

/**
 * Reads a request's {@code optimizer} into the engine's optimizer, with PyTorch's
 * defaults. Bean Validation has checked each setting's range and the rules across
 * settings ({@link OptimizerSettings}); what stays here is the type's name (a
 * did-you-mean needs the names) and {@code betas} (a primitive array, whose elements
 * carry no constraints).
 */
final class OptimizerReader {

	private static final String POINTER = "/optimizer";

	private OptimizerReader() {
	}

	/**
	 * @param invalid pointers Bean Validation found wrong
	 * @return {@code null} when the optimizer cannot be built (the errors say why)
	 */
	static Optimizer read(OptimizerSpec spec, Set<String> invalid, List<FieldError> errors) {
		if (spec == null) {
			return Optimizer.plainSgd();
		}
		if (spec.type() == null) {
			return null;
		}
		String type = WireEnum.asciiLowerCase(spec.type());
		if (OptimizerTypes.settingsOf(type) == null) {
			errors.add(new FieldError(POINTER + "/type",
					"unknown optimizer '" + spec.type() + "'" + Suggestions.hint(spec.type(), OptimizerTypes.names())
							+ "; allowed: " + String.join(", ", OptimizerTypes.names())));
			return null;
		}
		if (invalid.stream().anyMatch(pointer -> pointer.startsWith(POINTER + "/"))) {
			return null;
		}
		double weightDecay = orDefault(spec.weightDecay(), 0.0);
		double eps = orDefault(spec.eps(), 1e-8);
		double momentum = orDefault(spec.momentum(), OptimizerTypes.usesMomentumByDefault(type) ? 0.9 : 0.0);
		return switch (type) {
			case "adam" -> adam(spec.betas(), eps, weightDecay, errors);
			case "rmsprop" -> new RmsProp(orDefault(spec.alpha(), 0.99), eps, momentum,
					Boolean.TRUE.equals(spec.centered()), weightDecay);
			default -> new Sgd(momentum, orDefault(spec.dampening(), 0.0),
					type.equals("nesterov") || Boolean.TRUE.equals(spec.nesterov()), weightDecay);
		};
	}

	private static Optimizer adam(double[] given, double eps, double weightDecay, List<FieldError> errors) {
		double[] betas = given == null ? new double[] { 0.9, 0.999 } : given;
		if (betas.length != 2) {
			errors.add(new FieldError(POINTER + "/betas", "must be two numbers [β₁, β₂], not " + betas.length));
			return null;
		}
		int before = errors.size();
		for (int k = 0; k < 2; k++) {
			if (!(betas[k] >= 0.0 && betas[k] < 1.0)) {
				errors.add(new FieldError(POINTER + "/betas/" + k, "must be in [0, 1), not " + betas[k]));
			}
		}
		return errors.size() > before ? null : new Adam(betas[0], betas[1], eps, weightDecay);
	}

	private static double orDefault(Double value, double defaultValue) {
		return value == null ? defaultValue : value;
	}

}
