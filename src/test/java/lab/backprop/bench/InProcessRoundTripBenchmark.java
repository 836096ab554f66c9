package lab.backprop.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.context.ConfigurableApplicationContext;

import tools.jackson.databind.json.JsonMapper;

import lab.backprop.request.StepInput;
import lab.backprop.request.StepRequestReader;
import lab.backprop.request.TrainStepRequest;
import lab.backprop.step.TrainStepResponse;

import lab.backprop.engine.TrainingStep;

/**
 * What /train-step?include=summary does for one request, without HTTP: parse the JSON
 * body with the application's own JsonMapper, check it, run the step, write the summary
 * answer. The load test (bench/load.sh) measures the same body over HTTP; the web layer's
 * cost is the difference. Sampled (percentiles, not only the mean), so that its median
 * compares with wrk's median at one connection.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class InProcessRoundTripBenchmark {

	@Param({ "MNIST" })
	public BenchmarkCase network;

	private ConfigurableApplicationContext context;

	private JsonMapper mapper;

	private StepRequestReader reader;

	private TrainingStep trainingStep;

	private byte[] body;

	@Setup(Level.Trial)
	public void setUp() {
		context = InProcessApplication.start();
		mapper = context.getBean(JsonMapper.class);
		reader = context.getBean(StepRequestReader.class);
		trainingStep = context.getBean(TrainingStep.class);
		body = network.json().getBytes(StandardCharsets.UTF_8);
	}

	@TearDown(Level.Trial)
	public void tearDown() {
		context.close();
	}

	@Benchmark
	public long parseStepWriteSummary() throws IOException {
		TrainStepRequest request = mapper.readValue(new ByteArrayInputStream(body), TrainStepRequest.class);
		StepInput input = reader.read(request);
		TrainingStep.Result result = trainingStep.run(input.network(), input.inputs(), input.labels(), input.loss(),
				input.learningRate());
		CountingOutputStream out = new CountingOutputStream();
		mapper.writeValue(out, TrainStepResponse.from(result).summary());
		return out.count();
	}

}
