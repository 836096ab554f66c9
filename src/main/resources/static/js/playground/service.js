// The playground's calls to the service (same origin) and the bodies it sends: the data set, the first
// weights, /train for an update (or for a look at the network without a step) and the /train-step body of the
// next step.

import { ProblemError } from '../api.js';
import { DOMAIN, GRID_POINTS, POINTS, outputLayer, sizes, activations } from './settings.js';

async function read(response) {
  const text = await response.text();
  let body;
  try {
    body = text ? JSON.parse(text) : {};
  } catch (e) {
    throw new ProblemError(response.status, { title: `The service answered ${response.status} with a body that is not JSON` });
  }
  if (!response.ok) throw new ProblemError(response.status, body);
  return body;
}

export async function getJson(path) {
  return read(await fetch(path, { headers: { Accept: 'application/json' } }));
}

export async function postJson(path, body) {
  return read(await fetch(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(body),
  }));
}

/** the columns asked for: x1 and x2 always (where the points are drawn), then the chosen features */
function columnsFor(features) {
  return ['x1', 'x2', ...features.filter((f) => f !== 'x1' && f !== 'x2')];
}

/**
 * The data set of the settings: per part (train, test) the points (x1, x2) to draw, the network's inputs (the
 * chosen feature columns, as the service computed them) and the labels.
 */
export async function loadData(settings) {
  const columns = columnsFor(settings.features);
  const query = new URLSearchParams({
    points: String(POINTS),
    noise: String(settings.noise),
    testFraction: String(settings.testFraction),
    seed: String(settings.dataSeed),
    features: columns.join(','),
  });
  const body = await getJson(`/datasets/${encodeURIComponent(settings.dataset)}?${query}`);
  const picks = settings.features.map((f) => columns.indexOf(f));
  const part = (set) => ({
    points: set.inputs.map((row) => [row[0], row[1]]),
    inputs: set.inputs.map((row) => picks.map((c) => row[c])),
    label: set.label,
  });
  return { key: dataKey(settings), kind: body.kind, train: part(body.train), test: part(body.test) };
}

/** what the data depend on: equal keys, equal data */
export function dataKey(settings) {
  return JSON.stringify([settings.dataset, settings.noise, settings.testFraction, settings.dataSeed, settings.features]);
}

/** Seeded first weights (biases 0) from /initial-layers: the same seed, the same weights. */
export async function initialLayers(settings) {
  const query = new URLSearchParams({
    sizes: sizes(settings).join(','),
    activations: activations(settings).join(','),
    init: settings.init,
    seed: String(settings.initSeed),
  });
  return (await getJson(`/initial-layers?${query}`)).layers;
}

/** the optimizer and the penalty as the service names them, for /train and /train-step alike */
function training(settings, model) {
  const body = { loss: outputLayer(settings.dataset).loss, learningRate: settings.learningRate };
  if (settings.optimizer !== 'sgd') body.optimizer = { type: settings.optimizer };
  if (model.optimizerState) body.optimizerState = model.optimizerState;
  if (settings.regularization !== 'none') {
    body.regularization = { type: settings.regularization, rate: settings.regularizationRate };
  }
  return body;
}

export function stepsPerEpoch(settings, data) {
  const n = data.train.inputs.length;
  return Math.ceil(n / Math.min(settings.batchSize, n));
}

/**
 * The /train body of an update of `steps` steps from the model's parameters and optimizer state, with the test
 * set and the grid of every neuron's picture. look: no step at all (targetLoss at the largest double stops
 * the run before its first step), for the loss, accuracy and pictures of the parameters as they are.
 */
export function trainBody(settings, data, model, steps, look = false) {
  const axis = { min: DOMAIN.min, max: DOMAIN.max, points: GRID_POINTS };
  const body = {
    inputs: data.train.inputs,
    label: data.train.label,
    layers: model.layers,
    ...training(settings, model),
    batchSize: Math.min(settings.batchSize, data.train.inputs.length),
    shuffleSeed: settings.shuffleSeed,
    steps: look ? 1 : steps,
    recordEvery: look ? 1 : steps,
    grid: { x: axis, y: axis, neurons: true, features: settings.features },
  };
  if (look) body.targetLoss = Number.MAX_VALUE;
  if (data.test.inputs.length > 0) body.test = { inputs: data.test.inputs, label: data.test.label };
  return body;
}

/**
 * A /train-step body: the model's parameters and optimizer state on the training examples `rows` (all of them
 * when left out).
 */
export function stepBody(settings, data, model, rows) {
  const picked = rows || data.train.inputs.map((_, k) => k);
  const body = {
    inputs: picked.map((k) => data.train.inputs[k]),
    label: picked.map((k) => data.train.label[k]),
    layers: model.layers,
    ...training(settings, model),
  };
  if (body.optimizerState) {
    // the place in the epoch is /train's; /train-step ignores it
    const { epoch, position, ...state } = body.optimizerState;
    body.optimizerState = state;
  }
  return body;
}
