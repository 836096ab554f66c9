package lab.backprop.engine.linalg;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import dev.ludovic.netlib.blas.BLAS;
import dev.ludovic.netlib.blas.JavaBLAS;
import dev.ludovic.netlib.blas.NativeBLAS;

/**
 * Which BLAS of {@code dev.ludovic.netlib} computes the large products, and how it was
 * chosen.
 *
 * <p>
 * The native BLAS is the machine's {@code libblas.so.3} reached through the library's JNI
 * shim: OpenBLAS there is about three times as fast as the best pure-Java kernel on the
 * products of a MNIST-sized layer (BENCHMARKS.md). The pure-Java kernel is VectorBLAS
 * when the JVM runs with {@code --add-modules=jdk.incubator.vector}, Java11BLAS
 * otherwise; it needs nothing installed.
 *
 * @param blas the implementation
 * @param parallel whether the kernel runs on one thread, so that
 * {@link BlasMatrixProducts} should share a large product between the cores itself (a
 * native BLAS threads on its own unless told otherwise)
 * @param description what was chosen and why, for the log
 */
public record BlasKernel(BLAS blas, boolean parallel, String description) {

	/** What an operator asks for ({@code backprop.engine.blas}). */
	public enum Choice {

		/**
		 * An optimized native BLAS (OpenBLAS, MKL, BLIS) when one loads, the pure-Java
		 * one otherwise.
		 */
		AUTO,
		/**
		 * The native BLAS, whichever library {@code libblas.so.3} is; an error when none
		 * loads.
		 */
		NATIVE,
		/**
		 * The pure-Java BLAS, whatever is installed (the same numbers wherever the JVM
		 * and CPU are the same).
		 */
		JAVA

	}

	/**
	 * Library names of native BLAS builds that beat the pure-Java kernel (not the
	 * reference BLAS).
	 */
	private static final Pattern OPTIMIZED = Pattern.compile("openblas|mkl|blis|armpl|accelerate");

	/** The pure-Java kernel. */
	public static BlasKernel java() {
		JavaBLAS blas = JavaBLAS.getInstance();
		return new BlasKernel(blas, true, blas.getClass().getSimpleName() + " (pure Java)");
	}

	/**
	 * The kernel for {@code choice}.
	 * @throws IllegalStateException when {@link Choice#NATIVE} is asked for and no native
	 * BLAS loads
	 */
	public static BlasKernel choose(Choice choice) {
		if (choice == Choice.JAVA) {
			return java();
		}
		Optional<NativeBLAS> loaded = loadNative();
		if (loaded.isEmpty()) {
			if (choice == Choice.NATIVE) {
				throw new IllegalStateException("no native BLAS could be loaded (libblas.so.3, such as Debian's "
						+ "libopenblas0-pthread); choose the pure-Java kernel or install one");
			}
			BlasKernel java = java();
			return new BlasKernel(java.blas(), true, java.description() + ", no native BLAS found");
		}
		Optional<String> library = nativeLibraryPath();
		boolean optimized = library.filter(path -> OPTIMIZED.matcher(path).find()).isPresent();
		String name = library.orElse("libblas.so.3");
		if (choice == Choice.AUTO && !optimized) {
			BlasKernel java = java();
			return new BlasKernel(java.blas(), true,
					java.description() + ", since the native " + name + " is not a known optimized BLAS");
		}
		if (singleThreaded(name, System.getenv())) {
			return new BlasKernel(loaded.get(), true, "native " + name + ", one thread per product");
		}
		return new BlasKernel(loaded.get(), false, "native " + name);
	}

	/**
	 * Whether the native BLAS computes each product on one thread: a serial build
	 * (Debian's {@code openblas-serial}), or a thread count of 1 in the variable the
	 * library reads ({@code OPENBLAS_NUM_THREADS}, {@code MKL_NUM_THREADS}, else
	 * {@code OMP_NUM_THREADS}). The engine then shares a large product between the cores
	 * itself, each half on one thread, and a busy machine loses nothing to threads of the
	 * library waiting for each other (BENCHMARKS.md).
	 */
	static boolean singleThreaded(String library, Map<String, String> environment) {
		String path = library.toLowerCase(Locale.ROOT);
		if (path.contains("serial")) {
			return true;
		}
		String own = path.contains("openblas") ? "OPENBLAS_NUM_THREADS"
				: path.contains("mkl") ? "MKL_NUM_THREADS" : null;
		String threads = own == null ? null : environment.get(own);
		if (threads == null || threads.isBlank()) {
			threads = environment.get("OMP_NUM_THREADS");
		}
		return threads != null && threads.strip().equals("1");
	}

	private static Optional<NativeBLAS> loadNative() {
		try {
			return Optional.of(NativeBLAS.getInstance());
		}
		catch (RuntimeException | LinkageError e) {
			return Optional.empty();
		}
	}

	/**
	 * The library the process mapped as its BLAS, read from {@code /proc/self/maps}
	 * (Linux, where the JNI shim exists): an optimized one by name first, else anything
	 * called BLAS.
	 */
	private static Optional<String> nativeLibraryPath() {
		try {
			List<String> libraries = Files.readAllLines(Path.of("/proc/self/maps"))
				.stream()
				.map(line -> line.substring(line.lastIndexOf(' ') + 1).toLowerCase(Locale.ROOT))
				.filter(path -> path.contains(".so") && !path.contains("netlibblasjni"))
				.distinct()
				.toList();
			return libraries.stream()
				.filter(path -> OPTIMIZED.matcher(path).find())
				.findFirst()
				.or(() -> libraries.stream().filter(path -> path.contains("blas")).findFirst());
		}
		catch (IOException | RuntimeException e) {
			return Optional.empty();
		}
	}
}
