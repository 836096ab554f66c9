package lab.backprop;

import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The image starts with Spring AOT; a separate management port (Kubernetes:
 * MANAGEMENT_SERVER_PORT) needs the classic start, anything else keeps AOT.
 */
class SpringAotFitTest {

	private static final String[] NO_ARGS = {};

	private static Properties aotAsked() {
		Properties system = new Properties();
		system.setProperty("spring.aot.enabled", "true");
		return system;
	}

	@Test
	void withoutAotAskedForNothingChanges() {
		Properties system = new Properties();
		String said = SpringAotFit.fallBackWhereUnfit(system, Map.of("MANAGEMENT_SERVER_PORT", "8081"), NO_ARGS);
		assertThat(said).isNull();
		assertThat(system.getProperty("spring.aot.enabled")).isNull();
	}

	@Test
	void theActuatorOnTheApplicationsPortKeepsAot() {
		Properties system = aotAsked();
		assertThat(SpringAotFit.fallBackWhereUnfit(system, Map.of("PORT", "9090"), NO_ARGS)).isNull();
		assertThat(system.getProperty("spring.aot.enabled")).isEqualTo("true");
	}

	@Test
	void aManagementPortNamedButEqualToTheApplicationsKeepsAot() {
		Properties system = aotAsked();
		assertThat(SpringAotFit.fallBackWhereUnfit(system, Map.of("MANAGEMENT_SERVER_PORT", "8080"), NO_ARGS)).isNull();
		assertThat(system.getProperty("spring.aot.enabled")).isEqualTo("true");
	}

	@Test
	void theKubernetesManagementPortFallsBackToTheClassicStartAndSaysWhy() {
		Properties system = aotAsked();
		String said = SpringAotFit.fallBackWhereUnfit(system, Map.of("PORT", "8080", "MANAGEMENT_SERVER_PORT", "8081"),
				NO_ARGS);
		assertThat(system.getProperty("spring.aot.enabled")).isEqualTo("false");
		assertThat(said).contains("management.server.port=8081").contains("server.port=8080").contains("classic");
	}

	@Test
	void aDisabledManagementPortIsAlsoADifferentContextSetUp() {
		Properties system = aotAsked();
		SpringAotFit.fallBackWhereUnfit(system, Map.of("MANAGEMENT_SERVER_PORT", "-1"), NO_ARGS);
		assertThat(system.getProperty("spring.aot.enabled")).isEqualTo("false");
	}

	@Test
	void argumentsComeBeforeSystemPropertiesWhichComeBeforeTheEnvironment() {
		Properties system = aotAsked();
		system.setProperty("management.server.port", "7000");
		String[] args = { "--management.server.port=9000", "--server.port=9000" };
		assertThat(SpringAotFit.fallBackWhereUnfit(system, Map.of("MANAGEMENT_SERVER_PORT", "8081"), args)).isNull();
		assertThat(system.getProperty("spring.aot.enabled")).isEqualTo("true");

		Properties fromSystem = aotAsked();
		fromSystem.setProperty("management.server.port", "7000");
		SpringAotFit.fallBackWhereUnfit(fromSystem, Map.of("MANAGEMENT_SERVER_PORT", "8080"), NO_ARGS);
		assertThat(fromSystem.getProperty("spring.aot.enabled")).isEqualTo("false");
	}

}
