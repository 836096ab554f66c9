/**
 * GET /exercises/random: a network to work by hand at one of three levels, the same for
 * the same seed on every machine, answered through POST /check. Uses explain (the texts
 * and the names of values), request (the body's schema) and system.
 */
package lab.backprop.exercises;
