package lab.backprop.explain;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/**
 * The web side of the explanations: the language from Accept-Language (English unless
 * Russian is asked for) and {@code text/markdown} as a second representation of a step.
 */
@Configuration(proxyBeanMethods = false)
public class ExplainConfiguration implements WebMvcConfigurer {

	private final Explainer explainer;

	public ExplainConfiguration(Explainer explainer) {
		this.explainer = explainer;
	}

	/**
	 * Accept-Language, matched by language ({@code ru-RU} is Russian); anything else is
	 * English.
	 */
	@Bean(name = DispatcherServlet.LOCALE_RESOLVER_BEAN_NAME)
	LocaleResolver localeResolver() {
		AcceptHeaderLocaleResolver resolver = new AcceptHeaderLocaleResolver();
		resolver.setSupportedLocales(Languages.SUPPORTED);
		resolver.setDefaultLocale(Languages.ENGLISH);
		return resolver;
	}

	@Override
	public void configureMessageConverters(HttpMessageConverters.ServerBuilder builder) {
		builder.addCustomConverter(new MarkdownConverter(explainer));
	}

	/** Writes a {@link StepReport} as its Markdown worked solution. */
	static final class MarkdownConverter extends AbstractHttpMessageConverter<StepReport> {

		private final Explainer explainer;

		MarkdownConverter(Explainer explainer) {
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
			outputMessage.getHeaders().set(HttpHeaders.CONTENT_LANGUAGE, Languages.of(report.locale()).toLanguageTag());
			outputMessage.getHeaders().set(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE);
			OutputStream body = outputMessage.getBody();
			body.write(markdown.getBytes(StandardCharsets.UTF_8));
		}

	}

}
