/**
 * POST /train-step: the controller, the response records, the include and explain
 * parameters and the Markdown rendering of a step. Uses request (to read the body), the
 * engine, explain and system.
 */
package lab.backprop.step;
