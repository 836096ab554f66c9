package lab.backprop;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.client.RestTestClient;

import lab.backprop.Api.Answer;

/**
 * Starts the service on a random port and gives a test its {@link Api}: the base of every
 * test that calls the service over HTTP (they are named {@code *IT} and run by failsafe).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
public abstract class HttpTestSupport {

	protected static final tools.jackson.databind.json.JsonMapper JSON = Api.JSON;

	@LocalServerPort
	protected int port;

	@Autowired
	protected RestTestClient client;

	protected Api api() {
		return new Api(client);
	}

	protected Answer postJson(String path, String body) {
		return api().post(path, body);
	}

}
