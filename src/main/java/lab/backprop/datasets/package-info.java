/**
 * GET /datasets: the seeded two-feature data sets of the engine (engine.data), their
 * query parameters and their answers. Uses the engine, request (query parameters) and
 * system.
 */
package lab.backprop.datasets;
