/**
 * The slips a learner makes when working a step by hand, each computed by running the
 * step with that one slip made, on the engine's own pieces. Part of the engine: no
 * Spring, nothing of ours outside it.
 */
package lab.backprop.engine.slips;
