package lab.backprop;

import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.tomcat.autoconfigure.metrics.TomcatMetricsAutoConfiguration;

/**
 * The service. Without Tomcat's session metrics: the service keeps no sessions (they
 * would stay 0), and binding them creates the JVM's platform MBean server on the main
 * thread after "Started" and before readiness, about half a second of every start on two
 * cores (BENCHMARKS.md, "Issue 18, fourth pass: start").
 */
@SpringBootApplication(exclude = TomcatMetricsAutoConfiguration.class)
public class BackpropLabApplication {

	public static void main(String[] args) {
		String aotFallBack = SpringAotFit.fallBackWhereUnfit(System.getProperties(), System.getenv(), args);
		SpringApplication.run(BackpropLabApplication.class, args);
		if (aotFallBack != null) {
			LoggerFactory.getLogger(BackpropLabApplication.class).info(aotFallBack);
		}
	}

}
