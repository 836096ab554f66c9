/**
 * POST /check: a learner's numbers for any values of a step, judged at the precision they
 * were written with, the wrong elements found and the slip that explains them named. Uses
 * request (to read the body), the engine (the step and its slips), explain (the texts),
 * step (the answer's shape) and system.
 */
package lab.backprop.check;
