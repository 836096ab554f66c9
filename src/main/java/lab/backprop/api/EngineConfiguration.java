package lab.backprop.api;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import lab.backprop.engine.BlasMatrixProducts;
import lab.backprop.engine.TrainingStep;

/** The engine's objects as beans: the engine itself knows nothing of Spring. */
@Configuration(proxyBeanMethods = false)
class EngineConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EngineConfiguration.class);

	@Bean
	TrainingStep trainingStep() {
		BlasMatrixProducts products = new BlasMatrixProducts();
		log.info("Large matrix products run on {} (from {} multiply-adds; smaller ones on Commons Math)",
				products.kernelName(), BlasMatrixProducts.DEFAULT_THRESHOLD);
		return new TrainingStep(products);
	}
}
