package lab.backprop.engine;

/**
 * The arithmetic of a step overflowed (or became undefined): {@link #quantity()} names
 * the first value, in the order of computation, that is not a finite number, as a path
 * into the response such as {@code backward.layers[0].dL_dW}.
 */
public class NonFiniteValueException extends ArithmeticException {

	private final String quantity;

	public NonFiniteValueException(String quantity) {
		super(quantity + " is not a finite number");
		this.quantity = quantity;
	}

	public String quantity() {
		return quantity;
	}

}
