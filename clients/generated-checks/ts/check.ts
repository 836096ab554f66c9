// Drives the typescript-fetch client that OpenAPI Generator makes from the running service's
// /v3/api-docs (.ci/contract generates it into ./client beside this file, compiles both with
// `tsc --strict` and runs `node check.js BASE_URL`). Typed models only: no casts, no hand edits.
import {
  Configuration,
  ExamplesApi,
  ExercisesApi,
  MistakeCodeEnum,
  ResponseError,
  TrainingApi,
  ProblemFromJSON,
  type TrainRequest,
  type TrainStepRequest,
} from './client';

// The seed's numbers as its numpy script prints them (/work/shared/seed/full_precision.json).
const SEED_LOSS = 0.006382982152949224;
const SEED_PREDICTION = 0.6201064323430902;
const SEED_WEIGHTS_AFTER = [0.10188208828526413, -0.29924716468589435, 0.5030113412564226];
const SEED_LOSS_AFTER = 0.006112683382190102;

function check(condition: boolean, what: string): void {
  if (!condition) {
    throw new Error('FAILED: ' + what);
  }
  console.log('ok: ' + what);
}

function close(actual: number, expected: number, relative = 1e-12): boolean {
  return Math.abs(actual - expected) <= relative * Math.abs(expected);
}

async function main(base: string): Promise<void> {
  const config = new Configuration({ basePath: base });
  const training = new TrainingApi(config);
  const examples = new ExamplesApi(config);

  const seed: TrainStepRequest = {
    inputs: [[0.5, 0.2, 0.8]],
    weights: [[0.1], [-0.3], [0.5]],
    bias: [[0.1]],
    label: [[0.7]],
    learningRate: 0.1,
  };
  const first = await training.trainStep({ trainStepRequest: seed });
  check(close(first.forward.loss, SEED_LOSS), 'the seed: forward.loss is numpy\'s');
  check(close(first.forward.prediction?.[0][0] ?? NaN, SEED_PREDICTION), 'the seed: forward.prediction is numpy\'s');
  check(first.update.layers[0].weights.every((row, i) => close(row[0], SEED_WEIGHTS_AFTER[i])),
    'the seed: update.layers[0].weights are numpy\'s W_new');
  check(close(first.after.loss, SEED_LOSS_AFTER), 'the seed: after.loss is numpy\'s loss_updated');

  // the second step, from the first step's answer as it is
  const second = await training.trainStep({
    trainStepRequest: {
      inputs: seed.inputs,
      label: seed.label,
      learningRate: seed.learningRate,
      layers: first.update.layers,
      optimizerState: first.optimizerState,
    },
  });
  check(second.forward.loss === first.after.loss, 'step 2: forward.loss equals step 1\'s after.loss');
  check(second.optimizerState.step === 2, 'step 2: optimizerState.step is 2');

  // Adam: its first step moves each parameter by η·g/(|g| + eps) (m̂ = g, v̂ = g²)
  const adam = await training.trainStep({ trainStepRequest: { ...seed, optimizer: { type: 'adam' } } });
  const gradient = adam.backward?.layers[0].dLDW ?? [];
  const expected = seed.weights?.map((row, i) => row[0] - 0.1 * gradient[i][0] / (Math.abs(gradient[i][0]) + 1e-8)) ?? [];
  check(adam.update.optimizer.type === 'adam', 'adam: update.optimizer.type is adam');
  check(adam.update.layers[0].weights.every((row, i) => close(row[0], expected[i])),
    'adam: the first step is θ − η·g/(|g| + eps)');
  const adam2 = await training.trainStep({
    trainStepRequest: {
      inputs: seed.inputs,
      label: seed.label,
      learningRate: seed.learningRate,
      layers: adam.update.layers,
      optimizer: adam.update.optimizer,
      optimizerState: adam.optimizerState,
    },
  });
  check(adam2.forward.loss === adam.after.loss, 'adam step 2: forward.loss equals step 1\'s after.loss');
  check(adam2.optimizerState.step === 2 && (adam2.optimizerState.layers?.length ?? 0) === 1,
    'adam step 2: the state counts 2 steps and keeps one layer\'s buffers');

  // the summary and the explanations are the same model
  const summary = await training.trainStep({ trainStepRequest: seed, include: 'summary' });
  check(summary.backward === undefined && summary.forward.loss === first.forward.loss,
    'include=summary: no backward, the same forward.loss');
  const explained = await training.trainStep({ trainStepRequest: seed, explain: true, acceptLanguage: 'ru-RU,ru;q=0.9' });
  check(explained.explanations?.language === 'ru' && explained.explanations.forward.loss.formula.length > 0,
    'explain=true with Accept-Language ru-RU,ru;q=0.9: explanations in Russian');

  // the examples, and the gradient check of one
  const listed = await examples.listExamples();
  check(listed.some((example) => example.name === 'xor'), 'listExamples names xor');
  const twoLayer = await examples.getExample({ name: 'two-layer' });
  const gradients = await training.gradientCheck({ trainStepRequest: twoLayer.request });
  check(gradients.passed && gradients.layers.length === 2, 'gradientCheck of two-layer: passed, two layers');

  // XOR from /examples/xor, trained by /train (with the first and last steps in full)
  const xor = await examples.getExample({ name: 'xor' });
  const run: TrainRequest = { ...xor.request, steps: xor.suggestedSteps ?? 1000, trace: true };
  const trained = await training.train({ trainRequest: run });
  console.log(`xor: ${trained.stepsRun} steps, loss ${trained.history[0].loss} -> ${trained.loss}`);
  check(trained.loss < 0.01, 'xor: /train brings the loss below 0.01');
  check(trained.last?.after.loss === trained.loss, 'xor: trace=true, the last step\'s after.loss is the loss');

  // the learner's tools: the seed's dL/dW to the digits a learner writes, and an update made the wrong way
  const exercises = new ExercisesApi(config);
  const wrongWay = [0.1, -0.3, 0.5].map((w, i) => [2 * w - SEED_WEIGHTS_AFTER[i]]);
  const verdicts = await exercises.checkAnswers({
    checkRequest: {
      ...seed,
      answers: { '/backward/layers/0/dL_dW': [[-0.0188], [-0.0075], [-0.0301]], '/update/layers/0/weights': wrongWay },
    },
  });
  const gradientVerdict = verdicts.answers.find((verdict) => verdict.pointer === '/backward/layers/0/dL_dW');
  const updateVerdict = verdicts.answers.find((verdict) => verdict.pointer === '/update/layers/0/weights');
  check(!verdicts.correct && gradientVerdict?.correct === true, 'checkAnswers: dL/dW written with 3 significant digits passes');
  check(updateVerdict?.mistake?.code === MistakeCodeEnum.WrongUpdateDirection,
    'checkAnswers: θ + η·g is named wrong_update_direction');
  const exercise = await exercises.randomExercise({ level: 3, seed: 11 });
  check(exercise.level === 3 && exercise.seed === 11 && (exercise.request?.layers ?? []).length === 2
    && (exercise.ask ?? []).length > 0, 'randomExercise level 3, seed 11: a two-layer step with values to compute');

  // an error is a Problem with a JSON Pointer
  try {
    await training.trainStep({ trainStepRequest: { ...seed, learningRate: -1 } });
    check(false, 'a negative learning rate is refused');
  } catch (e) {
    if (!(e instanceof ResponseError)) {
      throw e;
    }
    const problem = ProblemFromJSON(await e.response.json());
    check(problem.status === 400 && (problem.errors ?? []).some((error) => error.pointer === '/learningRate'),
      'a negative learning rate: a 400 problem pointing at /learningRate');
  }
}

main(process.argv[2] ?? 'http://localhost:8080').catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
