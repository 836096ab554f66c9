package lab.backprop.engine.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** How the kernel is chosen. */
class BlasKernelTest {

	/**
	 * Debian's and Ubuntu's OpenBLAS as {@code libblas.so.3} (package
	 * libopenblas0-pthread); CI installs it.
	 */
	private static final Path DEBIAN_OPENBLAS = Path.of("/usr/lib/x86_64-linux-gnu/openblas-pthread/libblas.so.3");

	@Test
	void javaIsThePureJavaKernelWhateverIsInstalled() {
		BlasKernel kernel = BlasKernel.choose(BlasKernel.Choice.JAVA);
		// surefire runs with --add-modules=jdk.incubator.vector (pom.xml), so the
		// vectorized kernel serves
		assertThat(kernel.blas().getClass().getSimpleName()).isEqualTo("VectorBLAS");
		assertThat(kernel.parallel()).as("a single-threaded kernel is shared between cores by us").isTrue();
		assertThat(new BlasMatrixProducts(kernel, 0).kernelName()).isEqualTo("VectorBLAS");
	}

	@Test
	void autoTakesTheInstalledOpenBlas() {
		assumeTrue(Files.exists(DEBIAN_OPENBLAS), "OpenBLAS is not installed here (CI installs it)");
		BlasKernel kernel = BlasKernel.choose(BlasKernel.Choice.AUTO);
		assertThat(kernel.blas().getClass().getSimpleName()).isEqualTo("JNIBLAS");
		assertThat(kernel.description()).startsWith("native ").contains("openblas");
		boolean oneThread = "1".equals(System.getenv("OPENBLAS_NUM_THREADS"));
		assertThat(kernel.parallel()).as("OpenBLAS threads on its own unless told to use one thread")
			.isEqualTo(oneThread);
		assertThat(kernel.description().endsWith(", one thread per product")).isEqualTo(oneThread);
	}

	@Test
	void aNativeBlasOnOneThreadIsSharedBetweenTheCoresByUs() {
		String openblas = "/usr/lib/x86_64-linux-gnu/openblas-pthread/libopenblasp-r0.3.21.so";
		assertThat(BlasKernel.singleThreaded(openblas, Map.of())).isFalse();
		assertThat(BlasKernel.singleThreaded(openblas, Map.of("OPENBLAS_NUM_THREADS", "1"))).isTrue();
		assertThat(BlasKernel.singleThreaded(openblas, Map.of("OPENBLAS_NUM_THREADS", "2"))).isFalse();
		assertThat(BlasKernel.singleThreaded(openblas, Map.of("OMP_NUM_THREADS", "1"))).isTrue();
		assertThat(BlasKernel.singleThreaded(openblas, Map.of("OPENBLAS_NUM_THREADS", "4", "OMP_NUM_THREADS", "1")))
			.as("OpenBLAS reads its own variable first")
			.isFalse();
		assertThat(BlasKernel.singleThreaded("/usr/lib/x86_64-linux-gnu/openblas-serial/libblas.so.3", Map.of()))
			.as("Debian's serial build")
			.isTrue();
		assertThat(BlasKernel.singleThreaded("/opt/intel/mkl/lib/libmkl_rt.so", Map.of("MKL_NUM_THREADS", "1")))
			.isTrue();
		assertThat(BlasKernel.singleThreaded("/opt/intel/mkl/lib/libmkl_rt.so", Map.of("OPENBLAS_NUM_THREADS", "1")))
			.isFalse();
	}

	@Test
	void autoAndNativeAgreeWithWhatLoads() {
		BlasKernel auto = BlasKernel.choose(BlasKernel.Choice.AUTO);
		boolean nativeLoads;
		try {
			BlasKernel.choose(BlasKernel.Choice.NATIVE);
			nativeLoads = true;
		}
		catch (IllegalStateException e) {
			assertThat(e).hasMessageContaining("no native BLAS");
			nativeLoads = false;
		}
		if (!nativeLoads) {
			assertThat(auto.description()).contains("pure Java", "no native BLAS found");
			assertThatThrownBy(() -> BlasKernel.choose(BlasKernel.Choice.NATIVE))
				.isInstanceOf(IllegalStateException.class);
		}
		else if (auto.description().startsWith("native")) {
			assertThat(auto.parallel()).isEqualTo(auto.description().endsWith(", one thread per product"));
		}
		else {
			assertThat(auto.description()).contains("not a known optimized BLAS");
		}
	}

}
