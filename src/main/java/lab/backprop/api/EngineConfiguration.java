package lab.backprop.api;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import lab.backprop.engine.TrainingStep;

/** The engine's objects as beans: the engine itself knows nothing of Spring. */
@Configuration(proxyBeanMethods = false)
class EngineConfiguration {

	@Bean
	TrainingStep trainingStep() {
		return new TrainingStep();
	}
}
