package lab.backprop.engine.data;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The seven input columns, by hand at one point, and their names. */
class FeatureTest {

	@Test
	void eachColumnAtOnePoint() {
		double[][] rows = Feature.columns(new double[][] { { 2.0, -3.0 } }, Feature.values());
		assertThat(rows[0]).containsExactly(2.0, -3.0, 4.0, 9.0, -6.0, Math.sin(2.0), Math.sin(-3.0));
	}

	@Test
	void namesAreTheContractsAndMatchCaseInsensitively() {
		assertThat(Feature.values()).extracting(Feature::wireName)
			.containsExactly("x1", "x2", "x1^2", "x2^2", "x1*x2", "sin(x1)", "sin(x2)");
		assertThat(Feature.named("SIN(X1)")).isEqualTo(Feature.SIN_X1);
		assertThat(Feature.named("x3")).isNull();
	}

}
