package lab.backprop.engine.optim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import lab.backprop.engine.linalg.VectorLanes;

/**
 * A plain {@code java -jar} has no {@code jdk.incubator.vector}: there the engine runs
 * its scalar loops without loading a vector class, and they give the bits the vector
 * loops give here.
 */
class ScalarFallbackTest {

	@Test
	void aJvmWithoutTheVectorModuleComputesTheSameBits() throws IOException, InterruptedException {
		assertThat(VectorLanes.AVAILABLE).as("surefire runs with --add-modules=jdk.incubator.vector").isTrue();
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
				ScalarFallbackProbe.class.getName())
			.redirectErrorStream(true)
			.start();
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the probe ends").isTrue();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
		assertThat(process.exitValue()).as(output).isZero();
		assertThat(output).isEqualTo("false " + ScalarFallbackProbe.fingerprint());
	}

}
