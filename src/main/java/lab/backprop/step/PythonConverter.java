package lab.backprop.step;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;

/**
 * Writes a {@link StepReport} as a standalone Python script that computes the same step:
 * {@code text/x-python} as a third representation of a step, with numpy or PyTorch.
 */
public final class PythonConverter extends AbstractHttpMessageConverter<StepReport> {

	public static final MediaType TEXT_X_PYTHON = MediaType.parseMediaType("text/x-python");

	public PythonConverter() {
		super(StandardCharsets.UTF_8, TEXT_X_PYTHON);
	}

	@Override
	protected boolean supports(Class<?> clazz) {
		return StepReport.class.isAssignableFrom(clazz);
	}

	@Override
	protected boolean canRead(MediaType mediaType) {
		return false;
	}

	@Override
	protected StepReport readInternal(Class<? extends StepReport> clazz, HttpInputMessage inputMessage) {
		throw new HttpMessageNotReadableException(clazz.getSimpleName(), inputMessage);
	}

	@Override
	protected void writeInternal(StepReport report, HttpOutputMessage outputMessage) throws IOException {
		ScriptWriter.Request request = report.script().request();
		String script = report.script().framework() == Framework.PYTORCH ? TorchScript.write(request)
				: NumpyScript.write(request);
		outputMessage.getHeaders().set(HttpHeaders.CONTENT_LANGUAGE, request.locale().toLanguageTag());
		outputMessage.getHeaders().set(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE);
		outputMessage.getHeaders()
			.set(HttpHeaders.CONTENT_DISPOSITION,
					"inline; filename=\"backprop_step_" + report.script().framework().wireName() + ".py\"");
		outputMessage.getBody().write(script.getBytes(StandardCharsets.UTF_8));
	}

}
