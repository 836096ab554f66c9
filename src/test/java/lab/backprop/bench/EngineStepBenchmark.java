package lab.backprop.bench;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import lab.backprop.engine.BackwardPass;
import lab.backprop.engine.ForwardPass;
import lab.backprop.engine.linalg.MatrixProducts;
import lab.backprop.engine.Network;
import lab.backprop.engine.TrainingStep;
import lab.backprop.engine.optim.Optimizer;
import lab.backprop.engine.optim.OptimizerState;

/**
 * The engine alone (no JSON, no HTTP): the forward pass, the backward pass, the update,
 * and the whole step (which also runs the forward pass again), for each
 * {@link BenchmarkCase}, with the products the service uses ({@code blas}), with the
 * pure-Java BLAS ({@code java-blas}) and with Commons Math alone ({@code commons-math})
 * for comparison.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class EngineStepBenchmark {

	@Param({ "SEED", "SMALL", "MNIST" })
	public BenchmarkCase network;

	/**
	 * {@code blas}: the kernel the service picks (native OpenBLAS where installed);
	 * {@code java-blas}: the pure-Java one.
	 */
	@Param({ "blas", "java-blas", "commons-math" })
	public String products;

	private BenchmarkCase.Data data;

	private MatrixProducts kernel;

	private TrainingStep step;

	private ForwardPass forward;

	private BackwardPass backward;

	@Setup(Level.Trial)
	public void setUp() {
		data = network.data();
		kernel = BenchmarkCase.products(products);
		step = new TrainingStep(kernel);
		forward = forward();
		backward = backward();
	}

	@Benchmark
	public ForwardPass forward() {
		return ForwardPass.run(data.network(), data.inputs(), data.labels(), data.loss(), kernel, "forward");
	}

	@Benchmark
	public BackwardPass backward() {
		return BackwardPass.run(data.network(), forward, data.labels(), data.loss(), kernel);
	}

	private static final Optimizer PLAIN_SGD = Optimizer.plainSgd();

	@Benchmark
	public Network update() {
		return PLAIN_SGD.step(data.network(), backward, BenchmarkCase.LEARNING_RATE, OptimizerState.initial())
			.network();
	}

	@Benchmark
	public TrainingStep.Result step() {
		return step.run(data.network(), data.inputs(), data.labels(), data.loss(), BenchmarkCase.LEARNING_RATE);
	}

}
