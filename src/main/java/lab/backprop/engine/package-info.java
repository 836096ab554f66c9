/**
 * The mathematics of a dense network: activations, losses and penalties, the forward and
 * backward passes, a training step, training (full-batch or mini-batches, with a test
 * set), the gradient check, decision grids. Plain Java on Commons Math: it uses no Spring
 * and no other package of ours.
 */
package lab.backprop.engine;
