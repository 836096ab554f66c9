package lab.backprop.engine.linalg;

/**
 * Whether the JDK's Vector API ({@code jdk.incubator.vector}) is there: the JVM started
 * with {@code --add-modules=jdk.incubator.vector}, as the service, its tests and
 * benchmarks do. Loops written with it ({@link VectorMaxAbs}, the optimizers' lane rules
 * such as AdamLanes) run only then; a plain {@code java -jar} runs their scalar twins,
 * which give the same bits. This class itself touches no vector type, so asking never
 * loads one.
 */
public final class VectorLanes {

	/** Whether the module is in the boot layer. */
	public static final boolean AVAILABLE = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

	private VectorLanes() {
	}

}
