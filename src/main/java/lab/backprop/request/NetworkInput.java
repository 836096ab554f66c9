package lab.backprop.request;

import org.apache.commons.math3.linear.RealMatrix;

import lab.backprop.engine.Loss;
import lab.backprop.engine.Network;

/**
 * A checked {@link NetworkBody}, in the engine's terms; {@code labels} is {@code null}
 * when the body has none.
 */
public record NetworkInput(Network network, RealMatrix inputs, RealMatrix labels, Loss loss) {
}
