package lab.backprop.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import lab.backprop.explain.Explainer;
import lab.backprop.explain.Texts;

/**
 * The explanations' texts and explainer as beans: the explain package knows nothing of
 * Spring.
 */
@Configuration(proxyBeanMethods = false)
class ExplainBeans {

	@Bean
	Texts texts() {
		return new Texts();
	}

	@Bean
	Explainer explainer(Texts texts) {
		return new Explainer(texts);
	}

}
