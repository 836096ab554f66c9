package lab.backprop.page;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * {@code /playground} is {@code playground.html}, as {@code /} is {@code index.html}: a
 * view controller (not a handler method), so the OpenAPI document does not list it.
 */
@Configuration(proxyBeanMethods = false)
public class PageRoutes implements WebMvcConfigurer {

	@Override
	public void addViewControllers(ViewControllerRegistry registry) {
		registry.addViewController("/playground").setViewName("forward:/playground.html");
	}

}
