package lab.backprop.engine.data;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The seven input columns, by hand at one point, and their names. */
class FeatureTest {

	@Test
	void eachColumnAtOnePoint() {
		double[][] rows = Feature.columns(new double[][] { { 2.0, -3.0 } }, Feature.values());
		assertThat(rows[0]).startsWith(2.0, -3.0, 4.0, 9.0, -6.0);
		// sin 2 and sin(−3) to 16 digits (from tables, not from the JDK)
		assertThat(rows[0][5]).isCloseTo(0.9092974268256817, org.assertj.core.data.Offset.offset(2e-16));
		assertThat(rows[0][6]).isCloseTo(-0.1411200080598672, org.assertj.core.data.Offset.offset(2e-16));
	}

	@Test
	void namesAreTheContractsAndMatchCaseInsensitively() {
		assertThat(Feature.values()).extracting(Feature::wireName)
			.containsExactly("x1", "x2", "x1^2", "x2^2", "x1*x2", "sin(x1)", "sin(x2)");
		assertThat(Feature.named("SIN(X1)")).isEqualTo(Feature.SIN_X1);
		assertThat(Feature.named("x3")).isNull();
	}

}
