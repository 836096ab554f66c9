package lab.backprop.config;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.context.ConfigurableApplicationContext;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

import lab.backprop.bench.BenchmarkCase;
import lab.backprop.bench.CountingOutputStream;
import lab.backprop.bench.InProcessApplication;
import lab.backprop.engine.TrainingStep;
import lab.backprop.request.StepInput;
import lab.backprop.request.StepRequestReader;
import lab.backprop.request.TrainStepRequest;
import lab.backprop.step.TrainStepResponse;

/**
 * Issue 18, point 2, without HTTP: the parts of the full 784 → 256 → 10 × 64 /train-step
 * answer (Adam, as {@code bench/big_answer.py} asks for it) in one JMH run, each to be
 * divided by {@link #step} (BENCHMARKS.md). Reading the body (the application's own
 * mapper and request reader), the step, writing the whole answer with the application's
 * mapper, and, as the floor of the writing, only turning the answer's own numbers into
 * their shortest text ({@link ShortestDoubleText}, straight into one byte array: no JSON
 * structure, no stream) and the JDK's {@code Double.toString} of the same numbers beside
 * it. In {@code config}, not {@code bench}, because those two writers are package-private
 * there.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class BigAnswerBenchmark {

	private ConfigurableApplicationContext context;

	private JsonMapper mapper;

	private StepRequestReader reader;

	private TrainingStep trainingStep;

	private byte[] body;

	private StepInput input;

	private TrainingStep.Result result;

	/** Every number of the full answer, in its order. */
	private double[] answerNumbers;

	private byte[] text;

	@Setup(Level.Trial)
	public void setUp() throws IOException {
		context = InProcessApplication.start();
		mapper = context.getBean(JsonMapper.class);
		reader = context.getBean(StepRequestReader.class);
		trainingStep = context.getBean(TrainingStep.class);
		String sgd = BenchmarkCase.MNIST.json();
		body = (sgd.substring(0, sgd.lastIndexOf("\"learningRate\""))
				+ "\"learningRate\":0.001,\"optimizer\":{\"type\":\"adam\"}}")
			.getBytes(StandardCharsets.UTF_8);
		input = parseBody();
		result = step();
		answerNumbers = numbersOf(mapper.writeValueAsBytes(TrainStepResponse.from(result, false)));
		text = new byte[NumberArrayWriter.textCapacity(answerNumbers.length)];
		System.out.printf("%nthe body: %d bytes; the full answer: %d numbers, %d bytes%n", body.length,
				answerNumbers.length, writeAnswer());
	}

	@TearDown(Level.Trial)
	public void tearDown() {
		context.close();
	}

	@Benchmark
	public StepInput parseBody() throws IOException {
		return reader.read(mapper.readValue(new ByteArrayInputStream(body), TrainStepRequest.class));
	}

	@Benchmark
	public TrainingStep.Result step() {
		return trainingStep.run(input.network(), input.inputs(), input.labels(), input.loss(), input.regularization(),
				input.learningRate(), input.optimizer(), input.optimizerState());
	}

	@Benchmark
	public long writeAnswer() {
		CountingOutputStream out = new CountingOutputStream();
		mapper.writeValue(out, TrainStepResponse.from(result, false));
		return out.count();
	}

	@Benchmark
	public int shortestTextOfTheNumbers() {
		return NumberArrayWriter.render(answerNumbers, text, new ShortestDoubleText());
	}

	@Benchmark
	public long jdkDoubleToStringOfTheNumbers() {
		long length = 0;
		for (double number : answerNumbers) {
			length += Double.toString(number).length();
		}
		return length;
	}

	private double[] numbersOf(byte[] json) throws IOException {
		double[] numbers = new double[1 << 20];
		int count = 0;
		try (JsonParser parser = mapper.createParser(json)) {
			for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
				if (token == JsonToken.VALUE_NUMBER_FLOAT) {
					if (count == numbers.length) {
						numbers = Arrays.copyOf(numbers, 2 * count);
					}
					numbers[count++] = parser.getDoubleValue();
				}
			}
		}
		return Arrays.copyOf(numbers, count);
	}

}
