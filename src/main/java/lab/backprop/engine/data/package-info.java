/**
 * Data for training: the input features computed from a point, the seeded generators of
 * the classic two-feature data sets, and the starting weights. Part of the engine: plain
 * Java, deterministic on every machine and JDK (StrictMath, a documented seeded
 * generator).
 */
package lab.backprop.engine.data;
