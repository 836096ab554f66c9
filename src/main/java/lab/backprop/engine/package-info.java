/**
 * The mathematics of a dense network: activations, losses, the forward and backward
 * passes, a training step, training, the gradient check. Plain Java on Commons Math: it
 * uses no Spring and no other package of ours.
 */
package lab.backprop.engine;
