package lab.backprop.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

import lab.backprop.explain.Explainer;
import lab.backprop.explain.Languages;
import lab.backprop.step.MarkdownConverter;
import lab.backprop.step.PythonConverter;

/**
 * The explanations wired in: their texts and explainer as beans, the language from
 * Accept-Language (English unless Russian is asked for), and {@code text/markdown} and
 * {@code text/x-python} as other representations of a step.
 */
@Configuration(proxyBeanMethods = false)
class ExplainConfiguration implements WebMvcConfigurer {

	private final Explainer explainer;

	ExplainConfiguration(Explainer explainer) {
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
		builder.addCustomConverter(new PythonConverter());
	}

}
