/**
 * Matrices as the engine keeps them (row after row in one array) and their products:
 * Commons Math's textbook sums for small ones, a BLAS for large ones. Used by the engine
 * only; depends on nothing of ours.
 */
package lab.backprop.engine.linalg;
