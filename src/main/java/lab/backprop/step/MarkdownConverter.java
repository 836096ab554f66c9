package lab.backprop.step;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;

import lab.backprop.explain.Explainer;

/**
 * Writes a {@link StepReport} as its Markdown worked solution: {@code text/markdown} as a
 * second representation of a step.
 */
public final class MarkdownConverter extends AbstractHttpMessageConverter<StepReport> {

	private final Explainer explainer;

	public MarkdownConverter(Explainer explainer) {
		super(StandardCharsets.UTF_8, MediaType.TEXT_MARKDOWN);
		this.explainer = explainer;
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
		String markdown = explainer.workedSolution(report.step(), report.locale());
		outputMessage.getHeaders()
			.set(HttpHeaders.CONTENT_LANGUAGE, explainer.language(report.locale()).toLanguageTag());
		outputMessage.getHeaders().set(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE);
		outputMessage.getBody().write(markdown.getBytes(StandardCharsets.UTF_8));
	}

}
