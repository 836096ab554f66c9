/**
 * POST /train: many steps in one request, with the history, a test set, mini-batches and
 * a decision grid, answered as JSON or streamed as Server-Sent Events on a bounded pool.
 * Uses request, step (the response records a trace shares), the engine and system.
 */
package lab.backprop.train;
