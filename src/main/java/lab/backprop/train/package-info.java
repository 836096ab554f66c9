/**
 * POST /train: many steps in one request, with the loss history. Uses request, step (the
 * response records a trace shares), the engine and system.
 */
package lab.backprop.train;
