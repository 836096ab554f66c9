package lab.backprop.archfixture.explain;

import lab.backprop.archfixture.web.WebRecord;

/** Planted for ArchitectureTest: an explanation that reads a response record. */
public class ExplainWithWebRecord {

	public double value(WebRecord record) {
		return record.value();
	}

}
