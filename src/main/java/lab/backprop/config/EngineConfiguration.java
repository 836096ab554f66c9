package lab.backprop.config;

import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import lab.backprop.engine.linalg.BlasKernel;
import lab.backprop.engine.linalg.BlasMatrixProducts;
import lab.backprop.engine.TrainingStep;

/** The engine's objects as beans: the engine itself knows nothing of Spring. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EngineProperties.class)
class EngineConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EngineConfiguration.class);

	@Bean
	TrainingStep trainingStep(EngineProperties properties) {
		BlasKernel kernel = BlasKernel.choose(properties.blas());
		BlasMatrixProducts products = new BlasMatrixProducts(kernel, BlasMatrixProducts.DEFAULT_THRESHOLD);
		log.info(
				"Large matrix products run on {} (backprop.engine.blas={}; from {} multiply-adds, smaller ones "
						+ "on Commons Math)",
				kernel.description(), properties.blas().name().toLowerCase(Locale.ROOT),
				BlasMatrixProducts.DEFAULT_THRESHOLD);
		return new TrainingStep(products);
	}

}
