package lab.backprop;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackages;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * The layout holds: the engine is plain Java on Commons Math, explain reads only the
 * engine, and the top-level packages do not depend on each other in a circle. Each rule
 * is also run on planted classes that break it ({@code lab.backprop.archfixture}), so
 * that a rule that could never fail would be noticed.
 */
class ArchitectureTest {

	private static final JavaClasses MAIN = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("lab.backprop");

	private static final JavaClasses PLANTED = new ClassFileImporter().importPackages("lab.backprop.archfixture");

	/**
	 * The engine, with its sub-packages, uses no framework and nothing of ours outside
	 * it. The JDK's Vector API is allowed: the optimizers' and Finite's loops run on the
	 * vector lanes with the scalar loops' bits (linalg.VectorLanes), and a JVM without
	 * the module runs the scalar ones.
	 */
	static ArchRule engineIsPlainJava(String root) {
		return noClasses().that()
			.resideInAPackage(root + ".engine..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework..", "jakarta..", "io.swagger..", "tools.jackson..",
					"com.fasterxml..")
			.orShould()
			.dependOnClassesThat()
			.resideOutsideOfPackages(root + ".engine..", "java..", "jdk.incubator.vector..",
					"org.apache.commons.math3..", "dev.ludovic.netlib..")
			.because("the engine is the mathematics, read top to bottom like the seed");
	}

	/**
	 * explain reads the engine's values and nothing else of ours; no Spring, no web
	 * types.
	 */
	static ArchRule explainUsesOnlyTheEngine(String root) {
		return noClasses().that()
			.resideInAPackage(root + ".explain..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework..", "jakarta.servlet..")
			.orShould()
			.dependOnClassesThat(
					resideInAPackage(root + "..").and(resideOutsideOfPackages(root + ".engine..", root + ".explain..")))
			.because("explanations read the engine's values; the web side is the step package's");
	}

	static ArchRule noCycles(String root) {
		return slices().matching(root + ".(*)..").should().beFreeOfCycles();
	}

	@Test
	void theEngineIsPlainJava() {
		engineIsPlainJava("lab.backprop").check(MAIN);
	}

	@Test
	void explainUsesOnlyTheEngine() {
		explainUsesOnlyTheEngine("lab.backprop").check(MAIN);
	}

	@Test
	void theTopLevelPackagesHaveNoCycles() {
		noCycles("lab.backprop").check(MAIN);
	}

	@Test
	void eachRuleFailsOnAPlantedViolation() {
		String planted = "lab.backprop.archfixture";
		assertThatThrownBy(() -> engineIsPlainJava(planted).check(PLANTED)).isInstanceOf(AssertionError.class)
			.hasMessageContaining("EngineWithSpring")
			.hasMessageContaining("EngineWithWebRecord");
		assertThatThrownBy(() -> explainUsesOnlyTheEngine(planted).check(PLANTED)).isInstanceOf(AssertionError.class)
			.hasMessageContaining("ExplainWithWebRecord");
		assertThatThrownBy(() -> noCycles(planted).check(PLANTED)).isInstanceOf(AssertionError.class)
			.hasMessageContaining("Cycle");
	}

	/** No package holds more than a quarter of the main code, counted in lines. */
	@Test
	void noPackageHoldsMoreThanAQuarterOfTheCode() {
		Map<String, Long> lines = new TreeMap<>();
		Path root = Path.of("src/main/java");
		try (Stream<Path> files = Files.walk(root)) {
			files.filter(f -> f.toString().endsWith(".java")).forEach(f -> {
				String pkg = root.relativize(f.getParent()).toString().replace('/', '.');
				lines.merge(pkg, count(f), Long::sum);
			});
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		long total = lines.values().stream().mapToLong(Long::longValue).sum();
		assertThat(lines).allSatisfy((pkg, count) -> assertThat(count).as(pkg).isLessThanOrEqualTo(total / 4));
	}

	private static long count(Path file) {
		try (Stream<String> lines = Files.lines(file)) {
			return lines.count();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}
