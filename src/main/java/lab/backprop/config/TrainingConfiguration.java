package lab.backprop.config;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import lab.backprop.engine.GradientCheck;
import lab.backprop.engine.Training;
import lab.backprop.engine.TrainingStep;
import lab.backprop.system.limits.TrainingLimits;

/**
 * The engine's training loop and gradient checker as beans, on the same step as
 * /train-step.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TrainingLimits.class)
class TrainingConfiguration {

	@Bean
	Training training(TrainingStep trainingStep) {
		return new Training(trainingStep);
	}

	@Bean
	GradientCheck gradientCheck(TrainingStep trainingStep) {
		return new GradientCheck(trainingStep.products());
	}

}
