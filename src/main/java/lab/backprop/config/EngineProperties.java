package lab.backprop.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import lab.backprop.engine.linalg.BlasKernel;

/**
 * How the engine computes.
 *
 * @param blas which BLAS computes the large matrix products: {@code auto} (the machine's
 * OpenBLAS when installed, else the pure-Java kernel), {@code native} (the machine's
 * BLAS, or the service does not start) or {@code java} (the pure-Java kernel, whatever is
 * installed)
 */
@ConfigurationProperties("backprop.engine")
public record EngineProperties(@DefaultValue("auto") BlasKernel.Choice blas) {
}
