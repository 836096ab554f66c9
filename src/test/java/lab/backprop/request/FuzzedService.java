package lab.backprop.request;

import java.net.http.HttpClient;
import java.time.Duration;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.test.web.servlet.client.RestTestClient;

import lab.backprop.Api;
import lab.backprop.BackpropLabApplication;

/**
 * The service the fuzzing properties send their requests to: started once per test JVM
 * with its default settings (jqwik properties do not run under Spring's test context),
 * closed when the JVM ends. Every answer must come within {@link #ANSWER_WITHIN}: a
 * request that hangs fails its property.
 */
final class FuzzedService {

	static final Duration ANSWER_WITHIN = Duration.ofSeconds(30);

	private static ConfigurableApplicationContext context;

	private static Api api;

	private FuzzedService() {
	}

	static synchronized Api api() {
		start();
		return api;
	}

	static synchronized int port() {
		start();
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	private static void start() {
		if (context != null) {
			return;
		}
		context = SpringApplication.run(BackpropLabApplication.class, "--server.port=0", "--logging.level.root=WARN",
				"--spring.jmx.enabled=false");
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(
				HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(ANSWER_WITHIN).build());
		factory.setReadTimeout(ANSWER_WITHIN);
		api = new Api(RestTestClient.bindToServer(factory).baseUrl("http://127.0.0.1:" + port).build());
	}

}
