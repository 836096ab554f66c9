package lab.backprop.explain;

import java.util.Locale;

/**
 * How a key of a message bundle is spelt: from an enum constant's name, never from a
 * string in code.
 */
final class Keys {

	private Keys() {
	}

	/** {@code MEANING_DLDZ_ZERO} becomes {@code meaning.dldz.zero}. */
	static String of(Enum<?> constant) {
		return constant.name().toLowerCase(Locale.ROOT).replace('_', '.');
	}

	/**
	 * A variant's segment: the wire name for the engine's enums ({@code leaky_relu}),
	 * else the lower-case name.
	 */
	static String segment(Enum<?> variant) {
		if (variant instanceof lab.backprop.engine.Activation activation) {
			return activation.wireName();
		}
		if (variant instanceof lab.backprop.engine.Loss loss) {
			return loss.wireName();
		}
		return variant.name().toLowerCase(Locale.ROOT);
	}

	static String join(String key, Enum<?> variant) {
		return variant == null ? key : key + '.' + segment(variant);
	}

}
