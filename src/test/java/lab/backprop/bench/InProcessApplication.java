package lab.backprop.bench;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import lab.backprop.BackpropLabApplication;

/**
 * The application's context without a web server, for benchmarks that call its beans
 * directly.
 */
public final class InProcessApplication {

	private InProcessApplication() {
	}

	public static ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(BackpropLabApplication.class).web(WebApplicationType.NONE)
			.logStartupInfo(false)
			.run("--logging.level.root=WARN");
	}

}
