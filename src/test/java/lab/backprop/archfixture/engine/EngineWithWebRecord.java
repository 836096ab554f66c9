package lab.backprop.archfixture.engine;

import lab.backprop.archfixture.web.WebRecord;

/**
 * Planted for ArchitectureTest: an engine class that reads a web record, closing a cycle.
 */
public class EngineWithWebRecord {

	public WebRecord record() {
		return new WebRecord(1.0);
	}

}
