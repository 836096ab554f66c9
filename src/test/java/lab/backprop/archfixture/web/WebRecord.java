package lab.backprop.archfixture.web;

import lab.backprop.archfixture.engine.EngineWithWebRecord;

/**
 * Planted for ArchitectureTest: a response record that uses the engine (so the two form a
 * cycle).
 */
public record WebRecord(double value) {

	public static String engine() {
		return EngineWithWebRecord.class.getSimpleName();
	}

}
