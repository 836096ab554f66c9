package lab.backprop;

import java.util.Map;
import java.util.Properties;

/**
 * Whether Spring AOT's build-time bean definitions fit this start. The Docker image is
 * built with them ({@code -P spring-aot}) and starts with
 * {@code -Dspring.aot.enabled=true}; they fix at build time every decision Boot makes
 * from properties, and the one the image's documented settings change is where the
 * actuator listens: {@code management.server.port} (Kubernetes sets
 * {@code MANAGEMENT_SERVER_PORT}) makes Boot start a second context on a port of its own,
 * which the build-time definitions (actuator on the application's port) do not have. Such
 * a start uses the classic, reflective start-up instead: slower, but the actuator where
 * it was asked for.
 */
final class SpringAotFit {

	static final String AOT_ENABLED = "spring.aot.enabled";

	private SpringAotFit() {
	}

	/**
	 * Switches Spring AOT off for this start when it was asked for but the management
	 * port is one of its own; says why, or {@code null} when nothing changed.
	 */
	static String fallBackWhereUnfit(Properties system, Map<String, String> environment, String[] args) {
		if (!Boolean.parseBoolean(system.getProperty(AOT_ENABLED))) {
			return null;
		}
		String management = setting("management.server.port", "MANAGEMENT_SERVER_PORT", system, environment, args);
		if (management == null || management.isBlank()) {
			return null;
		}
		String server = setting("server.port", "SERVER_PORT", system, environment, args);
		if (server == null) {
			server = environment.getOrDefault("PORT", "8080");
		}
		if (management.strip().equals(server.strip())) {
			return null;
		}
		system.setProperty(AOT_ENABLED, "false");
		return "Spring AOT's build-time bean definitions not used: management.server.port=" + management.strip()
				+ " asks for the actuator on a port of its own (server.port=" + server.strip()
				+ "), which they do not provide; starting the classic way";
	}

	/**
	 * The value Boot would see first: a command-line argument, a system property, the
	 * environment.
	 */
	private static String setting(String property, String variable, Properties system, Map<String, String> environment,
			String[] args) {
		String prefix = "--" + property + "=";
		for (int i = args.length - 1; i >= 0; i--) {
			if (args[i].startsWith(prefix)) {
				return args[i].substring(prefix.length());
			}
		}
		String value = system.getProperty(property);
		return (value != null) ? value : environment.get(variable);
	}

}
