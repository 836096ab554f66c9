package lab.backprop.system.problem;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;

/**
 * Tomcat's last word on errors it meets before any servlet runs (an unreadable address,
 * say): problem+json instead of Tomcat's HTML page.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0) {
			return;
		}
		HttpStatus known = HttpStatus.resolve(status);
		String title = known == null ? "Error" : known.getReasonPhrase();
		String type = known == null ? "http-" + status
				: known.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
		String detail = status == 400 ? "The request could not be read: check the address and the headers."
				: known != null && known.is5xxServerError() ? "The service failed unexpectedly; the failure was logged."
						: title + ".";
		try {
			response.setContentType("application/problem+json");
			response.setCharacterEncoding(StandardCharsets.UTF_8.name());
			Writer writer = response.getReporter();
			if (writer != null) {
				writer.write("{\"type\":\"urn:backprop-lab:problem:" + type + "\",\"title\":\"" + title
						+ "\",\"status\":" + status + ",\"detail\":\"" + detail + "\"}");
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException e) {
			// the connection is gone or the response was already committed: nothing more
			// to say
		}
	}

}
