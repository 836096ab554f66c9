package lab.backprop.archfixture.engine;

import org.springframework.stereotype.Component;

/** Planted for ArchitectureTest: an engine class that uses Spring. */
@Component
public class EngineWithSpring {

}
