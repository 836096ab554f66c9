package lab.backprop.system.limits;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import tools.jackson.core.StreamReadConstraints;

/**
 * How much one request may ask of the service. Each is a Spring property under
 * {@code backprop.limits} (environment: {@code BACKPROP_LIMITS_MAX_LAYERS} and so on). A
 * request over a limit is answered 413, naming the limit and its value.
 *
 * @param maxBodyBytes the request body, in bytes
 * @param maxParameters weights and biases of the whole network
 * @param maxLayers layers in the network
 * @param maxLayerWidth neurons in one layer (and input features)
 * @param maxBatchSize examples in one batch
 * @param maxInputNumbers numbers in {@code inputs} (batch × features)
 * @param maxActivations values one forward pass computes, batch × the neurons of all
 * layers: each is held several times over (z, output, the gradients, the pass after the
 * update), so this bounds a request's memory where a small body describes wide layers
 * @param maxNestingDepth how deep JSON arrays and objects may nest
 * @param maxNumberLength digits in one JSON number
 * @param maxStringLength characters in one JSON string
 */
@ConfigurationProperties("backprop.limits")
public record RequestLimits(@DefaultValue("16777216") long maxBodyBytes, @DefaultValue("1000000") long maxParameters,
		@DefaultValue("64") int maxLayers, @DefaultValue("4096") int maxLayerWidth,
		@DefaultValue("4096") int maxBatchSize, @DefaultValue("1000000") long maxInputNumbers,
		@DefaultValue("1000000") long maxActivations, @DefaultValue("64") int maxNestingDepth,
		@DefaultValue("1000") int maxNumberLength, @DefaultValue("100000") int maxStringLength) {

	public StreamReadConstraints streamReadConstraints() {
		return StreamReadConstraints.builder()
			.maxNestingDepth(maxNestingDepth)
			.maxNumberLength(maxNumberLength)
			.maxStringLength(maxStringLength)
			.build();
	}
}
