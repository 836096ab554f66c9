import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import lab.backprop.client.ApiClient;
import lab.backprop.client.ApiException;
import lab.backprop.client.api.ExamplesApi;
import lab.backprop.client.api.ExercisesApi;
import lab.backprop.client.api.TrainingApi;
import lab.backprop.client.model.AnswerVerdict;
import lab.backprop.client.model.CheckRequest;
import lab.backprop.client.model.CheckResponse;
import lab.backprop.client.model.Example;
import lab.backprop.client.model.Exercise;
import lab.backprop.client.model.Explanations;
import lab.backprop.client.model.GradientCheckResponse;
import lab.backprop.client.model.Mistake;
import lab.backprop.client.model.Optimizer;
import lab.backprop.client.model.Problem;
import lab.backprop.client.model.TrainRequest;
import lab.backprop.client.model.TrainResponse;
import lab.backprop.client.model.TrainStepRequest;
import lab.backprop.client.model.TrainStepResponse;

/**
 * Drives the Java client (library native) that OpenAPI Generator makes from the running
 * service's /v3/api-docs: .ci/contract generates it, builds it with Maven and runs this
 * file with {@code java -cp CLIENT_JAR:LIBS GeneratedClientCheck.java BASE_URL}. Typed
 * models only: no hand edits to the generated code, no casts.
 */
public class GeneratedClientCheck {

	// The seed's numbers as its numpy script prints them
	// (/work/shared/seed/full_precision.json).
	static final double SEED_LOSS = 0.006382982152949224;

	static final double SEED_PREDICTION = 0.6201064323430902;

	static final double[] SEED_WEIGHTS_AFTER = { 0.10188208828526413, -0.29924716468589435, 0.5030113412564226 };

	static final double SEED_LOSS_AFTER = 0.006112683382190102;

	public static void main(String[] args) throws Exception {
		ApiClient client = new ApiClient();
		client.updateBaseUri(args.length > 0 ? args[0] : "http://localhost:8080");
		TrainingApi training = new TrainingApi(client);
		ExamplesApi examples = new ExamplesApi(client);

		TrainStepRequest seed = seed();
		TrainStepResponse first = training.trainStep(seed, null, null, null, null);
		check(close(first.getForward().getLoss(), SEED_LOSS), "the seed: forward.loss is numpy's");
		check(close(first.getForward().getPrediction().get(0).get(0), SEED_PREDICTION),
				"the seed: forward.prediction is numpy's");
		List<List<Double>> weights = first.getUpdate().getLayers().get(0).getWeights();
		for (int i = 0; i < SEED_WEIGHTS_AFTER.length; i++) {
			check(close(weights.get(i).get(0), SEED_WEIGHTS_AFTER[i]), "the seed: W_new[" + i + "] is numpy's");
		}
		check(close(first.getAfter().getLoss(), SEED_LOSS_AFTER), "the seed: after.loss is numpy's loss_updated");

		// the second step, from the first step's answer as it is
		TrainStepResponse second = training.trainStep(new TrainStepRequest().inputs(seed.getInputs())
			.label(seed.getLabel())
			.learningRate(seed.getLearningRate())
			.layers(first.getUpdate().getLayers())
			.optimizerState(first.getOptimizerState()), null, null, null, null);
		check(second.getForward().getLoss().equals(first.getAfter().getLoss()),
				"step 2: forward.loss equals step 1's after.loss");
		check(second.getOptimizerState().getStep() == 2, "step 2: optimizerState.step is 2");

		// Adam: its first step moves each parameter by η·g/(|g| + eps) (m̂ = g, v̂ = g²)
		TrainStepResponse adam = training.trainStep(seed().optimizer(new Optimizer().type("adam")), null, null, null, null);
		List<List<Double>> gradient = adam.getBackward().getLayers().get(0).getdLDW();
		List<List<Double>> adamWeights = adam.getUpdate().getLayers().get(0).getWeights();
		check("adam".equals(adam.getUpdate().getOptimizer().getType()), "adam: update.optimizer.type is adam");
		for (int i = 0; i < 3; i++) {
			double g = gradient.get(i).get(0);
			double expected = seed.getWeights().get(i).get(0) - 0.1 * g / (Math.abs(g) + 1e-8);
			check(close(adamWeights.get(i).get(0), expected), "adam: weight " + i + " moved by η·g/(|g| + eps)");
		}
		TrainStepResponse adam2 = training.trainStep(new TrainStepRequest().inputs(seed.getInputs())
			.label(seed.getLabel())
			.learningRate(seed.getLearningRate())
			.layers(adam.getUpdate().getLayers())
			.optimizer(adam.getUpdate().getOptimizer())
			.optimizerState(adam.getOptimizerState()), null, null, null, null);
		check(adam2.getForward().getLoss().equals(adam.getAfter().getLoss()),
				"adam step 2: forward.loss equals step 1's after.loss");
		check(adam2.getOptimizerState().getStep() == 2 && adam2.getOptimizerState().getLayers().size() == 1,
				"adam step 2: the state counts 2 steps and keeps one layer's buffers");

		// the summary and the explanations are the same model
		TrainStepResponse summary = training.trainStep(seed, null, "summary", null, null);
		check(summary.getBackward() == null && summary.getForward().getLoss().equals(first.getForward().getLoss()),
				"include=summary: no backward, the same forward.loss");
		TrainStepResponse explained = training.trainStep(seed, true, null, null, "ru-RU,ru;q=0.9");
		check(explained.getExplanations().getLanguage() == Explanations.LanguageEnum.RU
				&& !explained.getExplanations().getForward().getLoss().getFormula().isEmpty(),
				"explain=true with Accept-Language ru-RU,ru;q=0.9: explanations in Russian");

		// the examples, and the gradient check of one
		check(examples.listExamples().stream().anyMatch(example -> "xor".equals(example.getName())),
				"listExamples names xor");
		GradientCheckResponse gradients = training.gradientCheck(examples.getExample("two-layer").getRequest());
		check(gradients.getPassed() && gradients.getLayers().size() == 2,
				"gradientCheck of two-layer: passed, two layers");

		// XOR from /examples/xor, trained by /train
		Example xor = examples.getExample("xor");
		TrainStepRequest body = xor.getRequest();
		TrainRequest run = new TrainRequest().inputs(body.getInputs())
			.layers(body.getLayers())
			.label(body.getLabel())
			.loss(body.getLoss())
			.learningRate(body.getLearningRate())
			.steps(Objects.requireNonNullElse(xor.getSuggestedSteps(), 1000));
		TrainResponse trained = training.train(run);
		System.out.println("xor: " + trained.getStepsRun() + " steps, loss " + trained.getHistory().get(0).getLoss()
				+ " -> " + trained.getLoss());
		check(trained.getLoss() < 0.01, "xor: /train brings the loss below 0.01");

		// the learner's tools: the seed's dL/dW to the digits a learner writes, and an update made the wrong way
		ExercisesApi exercises = new ExercisesApi(client);
		List<List<Double>> wrongWay = new ArrayList<>();
		for (int i = 0; i < SEED_WEIGHTS_AFTER.length; i++) {
			wrongWay.add(List.of(2 * seed.getWeights().get(i).get(0) - SEED_WEIGHTS_AFTER[i]));
		}
		CheckRequest answers = new CheckRequest().inputs(seed.getInputs())
			.weights(seed.getWeights())
			.bias(seed.getBias())
			.label(seed.getLabel())
			.learningRate(seed.getLearningRate())
			.putAnswersItem("/backward/layers/0/dL_dW", List.of(List.of(-0.0188), List.of(-0.0075), List.of(-0.0301)))
			.putAnswersItem("/update/layers/0/weights", wrongWay);
		CheckResponse verdicts = exercises.checkAnswers(answers, null);
		AnswerVerdict gradientVerdict = verdict(verdicts, "/backward/layers/0/dL_dW");
		AnswerVerdict updateVerdict = verdict(verdicts, "/update/layers/0/weights");
		check(!verdicts.getCorrect() && gradientVerdict.getCorrect(),
				"checkAnswers: dL/dW written with 3 significant digits passes");
		check(updateVerdict.getMistake() != null
				&& updateVerdict.getMistake().getCode() == Mistake.CodeEnum.WRONG_UPDATE_DIRECTION,
				"checkAnswers: θ + η·g is named wrong_update_direction");
		Exercise exercise = exercises.randomExercise(1, 3L, null);
		check(exercise.getLevel() == 1 && exercise.getSeed() == 3L && !exercise.getAsk().isEmpty()
				&& exercise.getRequest().getInputs() != null, "randomExercise level 1, seed 3: a body and values to compute");

		// an error is a Problem with a JSON Pointer
		try {
			training.trainStep(seed().learningRate(-1.0), null, null, null, null);
			check(false, "a negative learning rate is refused");
		}
		catch (ApiException e) {
			Problem problem = client.getObjectMapper().readValue(e.getResponseBody(), Problem.class);
			check(e.getCode() == 400 && problem.getStatus() == 400
					&& problem.getErrors().stream().anyMatch(error -> "/learningRate".equals(error.getPointer())),
					"a negative learning rate: a 400 problem pointing at /learningRate");
		}
	}

	static AnswerVerdict verdict(CheckResponse verdicts, String pointer) {
		return verdicts.getAnswers()
			.stream()
			.filter(verdict -> pointer.equals(verdict.getPointer()))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no verdict for " + pointer));
	}

	static TrainStepRequest seed() {
		return new TrainStepRequest().inputs(List.of(List.of(0.5, 0.2, 0.8)))
			.weights(List.of(List.of(0.1), List.of(-0.3), List.of(0.5)))
			.bias(List.of(List.of(0.1)))
			.label(List.of(List.of(0.7)))
			.learningRate(0.1);
	}

	static boolean close(double actual, double expected) {
		return Math.abs(actual - expected) <= 1e-12 * Math.abs(expected);
	}

	static void check(boolean condition, String what) {
		if (!condition) {
			System.err.println("FAILED: " + what);
			System.exit(1);
		}
		System.out.println("ok: " + what);
	}

}
