package lab.backprop.engine;

import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;

/** Stops a step at the first quantity that is no longer a finite number. */
final class Finite {

	private Finite() {
	}

	static void check(RealMatrix m, String quantity) {
		if (!Matrices.isFinite(m)) {
			throw new NonFiniteValueException(quantity);
		}
	}

	static void check(RealVector v, String quantity) {
		if (!Matrices.isFinite(v)) {
			throw new NonFiniteValueException(quantity);
		}
	}

	static void check(double value, String quantity) {
		if (!Double.isFinite(value)) {
			throw new NonFiniteValueException(quantity);
		}
	}
}
