/**
 * The update rules (sgd, momentum, Nesterov, Adam, RMSprop, with PyTorch's formulas) and
 * the state they keep between steps. Part of the engine: no Spring, nothing of ours
 * outside it.
 */
package lab.backprop.engine.optim;
