package lab.backprop.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealMatrix;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import lab.backprop.engine.Activation;
import lab.backprop.engine.Layer;
import lab.backprop.engine.Loss;
import lab.backprop.engine.Network;
import lab.backprop.engine.Regularization;
import lab.backprop.engine.TrainingStep;
import lab.backprop.engine.linalg.Matrices;
import lab.backprop.engine.linalg.MatrixProducts;
import lab.backprop.engine.optim.Adam;
import lab.backprop.engine.optim.Optimizer;
import lab.backprop.engine.optim.OptimizerState;
import lab.backprop.engine.optim.RmsProp;
import lab.backprop.engine.optim.Sgd;
import lab.backprop.engine.slips.SlippedStep;
import lab.backprop.explain.Explainer;
import lab.backprop.explain.Languages;
import lab.backprop.explain.Step;
import lab.backprop.explain.Texts;
import lab.backprop.request.WrittenNumbers;
import lab.backprop.system.problem.FieldError;

/**
 * Over random networks (depth 1–3, every activation, loss and optimizer, without a
 * penalty on the weights or with an l1 or l2 one), every value of the step written right,
 * rounded any way to any number of digits, is judged right and given no mistake; and
 * every value written with its sign flipped is wrong, with a mistake named.
 */
class RightAnswersPropertyTest {

	private static final RoundingMode[] ROUNDINGS = { RoundingMode.HALF_UP, RoundingMode.HALF_EVEN, RoundingMode.DOWN,
			RoundingMode.UP, RoundingMode.FLOOR, RoundingMode.CEILING };

	private static final Explainer EXPLAINER = new Explainer(new Texts());

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	record Case(SlippedStep.Setup setup, long seed) {

		@Override
		public String toString() {
			List<String> layers = new ArrayList<>();
			for (Layer layer : setup.network().layers()) {
				layers.add(layer.inputs() + "→" + layer.outputs() + " " + layer.activation().wireName());
			}
			return layers + " batch " + setup.inputs().getRowDimension() + " " + setup.loss().wireName() + " "
					+ setup.optimizer().type() + " " + setup.regularization() + " seed " + seed;
		}
	}

	@Provide
	Arbitrary<Case> steps() {
		return Arbitraries.integers()
			.between(1, 3)
			.flatMap(depth -> Combinators
				.combine(Arbitraries.integers().between(1, 4).list().ofSize(depth + 1),
						Arbitraries.of(Activation.values()).list().ofSize(depth), Arbitraries.of(Loss.values()),
						Arbitraries.integers().between(1, 3), Arbitraries.integers().between(0, 3),
						Arbitraries.integers().between(0, 2), Arbitraries.longs())
				.as(RightAnswersPropertyTest::build));
	}

	private static Case build(List<Integer> widths, List<Activation> activations, Loss loss, int batch, int optimizer,
			int penalty, long seed) {
		Random random = new Random(seed);
		List<Activation> chosen = new ArrayList<>(activations);
		int last = chosen.size() - 1;
		List<Integer> sizes = new ArrayList<>(widths);
		if (loss == Loss.BINARY_CROSS_ENTROPY || loss == Loss.CROSS_ENTROPY) {
			chosen.set(last, loss == Loss.BINARY_CROSS_ENTROPY ? Activation.SIGMOID : Activation.SOFTMAX);
			sizes.set(last + 1, Math.max(2, sizes.get(last + 1)));
		}
		List<Layer> layers = new ArrayList<>();
		for (int l = 0; l < chosen.size(); l++) {
			layers.add(new Layer(Matrices.of(uniform(random, sizes.get(l), sizes.get(l + 1))),
					new ArrayRealVector(uniform(random, 1, sizes.get(l + 1))[0]), chosen.get(l)));
		}
		int outputs = sizes.get(sizes.size() - 1);
		double[][] labels = new double[batch][outputs];
		for (double[] row : labels) {
			if (loss == Loss.CROSS_ENTROPY) {
				row[random.nextInt(outputs)] = 1.0;
			}
			else {
				for (int k = 0; k < outputs; k++) {
					row[k] = loss == Loss.BINARY_CROSS_ENTROPY ? random.nextInt(2) : random.nextDouble() * 2 - 1;
				}
			}
		}
		Optimizer rule = switch (optimizer) {
			case 0 -> Optimizer.plainSgd();
			case 1 -> new Sgd(0.9, 0.0, true, 0.0);
			case 2 -> new Adam(0.9, 0.999, 1e-8, 0.0);
			default -> new RmsProp(0.99, 1e-8, 0.5, true, 0.01);
		};
		RealMatrix inputs = Matrices.of(uniform(random, batch, sizes.get(0)));
		Regularization regularization = penalty == 0 ? Regularization.NONE
				: new Regularization(Regularization.Type.values()[penalty - 1], 0.001 + random.nextDouble() * 0.2);
		return new Case(new SlippedStep.Setup(new Network(layers), inputs, Matrices.of(labels), loss,
				0.05 + random.nextDouble() * 0.5, rule, OptimizerState.initial(), regularization), seed);
	}

	@Property(tries = 150)
	void aRightAnswerIsNeverGivenAMistake(@ForAll("steps") Case c, @ForAll("seeds") long writing) {
		Random random = new Random(writing);
		Fixture fixture = fixture(c);
		Checker checker = fixture.checker();
		JsonNode right = fixture.sheet().right();
		Map<String, WrittenNumbers> answers = new LinkedHashMap<>();
		for (String pointer : Target.quantities(right)) {
			answers.put(pointer, written(right.at(pointer), random, false));
		}
		List<FieldError> errors = new ArrayList<>();
		CheckResponse response = checker.check(answers, errors);
		assertThat(errors).isEmpty();
		assertThat(response.answers()).hasSize(answers.size())
			.allSatisfy(verdict -> assertThat(verdict.correct()).as(verdict.pointer() + " " + verdict.given()).isTrue())
			.allSatisfy(verdict -> assertThat(verdict.mistake()).as(verdict.pointer()).isNull())
			.allSatisfy(verdict -> assertThat(verdict.hint()).as(verdict.pointer()).isNull());
		assertThat(response.correct()).isTrue();
	}

	@Property(tries = 60)
	void aValueWithItsSignFlippedIsWrongAndNamed(@ForAll("steps") Case c) {
		Fixture fixture = fixture(c);
		Checker checker = fixture.checker();
		JsonNode right = fixture.sheet().right();
		Map<String, WrittenNumbers> answers = new LinkedHashMap<>();
		for (String pointer : Target.quantities(right)) {
			JsonNode value = right.at(pointer);
			if (clearOfZero(value)) {
				answers.put(pointer, written(value, new Random(0), true));
			}
		}
		CheckResponse response = checker.check(answers, new ArrayList<>());
		assertThat(response.answers()).allSatisfy(verdict -> {
			assertThat(verdict.correct()).as(verdict.pointer()).isFalse();
			assertThat(verdict.mistake()).as(verdict.pointer()).isNotNull();
		});
	}

	@Provide
	Arbitrary<Long> seeds() {
		return Arbitraries.longs();
	}

	record Fixture(AnswerSheet sheet, Checker checker) {
	}

	private static Fixture fixture(Case c) {
		SlippedStep.Setup s = c.setup();
		TrainingStep.Result result = new TrainingStep().run(s.network(), s.inputs(), s.labels(), s.loss(),
				s.regularization(), s.learningRate(), s.optimizer(), s.state());
		AnswerSheet sheet = new AnswerSheet(MAPPER, new SlippedStep(MatrixProducts.COMMONS_MATH), s, result, 48);
		Locale locale = c.seed() % 2 == 0 ? Locale.ENGLISH : Languages.RUSSIAN;
		return new Fixture(sheet, new Checker(sheet, Judge.of(null, null, null), EXPLAINER,
				new Step(s.network(), s.inputs(), s.labels(), s.loss(), s.regularization(), result), locale));
	}

	/**
	 * The value as a learner writes it: each number rounded (a random way) to a random
	 * number of digits, or negated at full precision.
	 */
	private static WrittenNumbers written(JsonNode value, Random random, boolean negated) {
		Numbers numbers = Numbers.of(value);
		List<List<String>> rows = new ArrayList<>();
		for (double[] row : numbers.rows()) {
			List<String> texts = new ArrayList<>();
			for (double v : row) {
				if (negated) {
					texts.add(Double.toString(-v));
				}
				else {
					MathContext digits = new MathContext(1 + random.nextInt(17),
							ROUNDINGS[random.nextInt(ROUNDINGS.length)]);
					texts.add(new BigDecimal(v).round(digits).toString());
				}
			}
			rows.add(texts);
		}
		return new WrittenNumbers(numbers.depth(), rows);
	}

	private static boolean clearOfZero(JsonNode value) {
		for (double[] row : Numbers.of(value).rows()) {
			for (double v : row) {
				if (Math.abs(v) < 1e-6) {
					return false;
				}
			}
		}
		return true;
	}

	private static double[][] uniform(Random random, int rows, int columns) {
		double[][] m = new double[rows][columns];
		for (double[] row : m) {
			for (int j = 0; j < columns; j++) {
				row[j] = random.nextDouble() * 2 - 1;
			}
		}
		return m;
	}

}
