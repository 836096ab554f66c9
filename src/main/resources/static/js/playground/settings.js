// The playground's settings: their choices, defaults, and the check that a restored link's settings are
// ones the page offers (anything else falls back to its default, and says so).

export const FEATURES = ['x1', 'x2', 'x1^2', 'x2^2', 'x1*x2', 'sin(x1)', 'sin(x2)'];
export const FEATURE_LABELS = {
  x1: 'x₁', x2: 'x₂', 'x1^2': 'x₁²', 'x2^2': 'x₂²', 'x1*x2': 'x₁x₂', 'sin(x1)': 'sin x₁', 'sin(x2)': 'sin x₂',
};
export const ACTIVATIONS = ['tanh', 'sigmoid', 'relu', 'leaky_relu', 'linear'];
export const OPTIMIZERS = ['sgd', 'momentum', 'nesterov', 'adam', 'rmsprop'];
export const LEARNING_RATES = [0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10];
export const REGULARIZATIONS = ['none', 'l1', 'l2'];
export const REGULARIZATION_RATES = [0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10];
export const INITS = ['xavier', 'he', 'uniform'];
export const DATASETS = ['circle', 'xor', 'gauss', 'spiral', 'moons', 'plane', 'gaussians'];
export const MAX_LAYERS = 6;
export const MAX_NEURONS = 8;
export const POINTS = 200;
/** The plane the heat map shows, and the service's grid over it. */
export const DOMAIN = { min: -6, max: 6 };
export const GRID_POINTS = 30;

export function defaults() {
  return {
    dataset: 'circle',
    noise: 0,
    testFraction: 0.5,
    dataSeed: 1,
    batchSize: 10,
    features: ['x1', 'x2'],
    hidden: [{ neurons: 4, activation: 'tanh' }, { neurons: 2, activation: 'tanh' }],
    init: 'xavier',
    initSeed: 1,
    learningRate: 0.1,
    optimizer: 'sgd',
    regularization: 'none',
    regularizationRate: 0.001,
    shuffleSeed: 0,
    showTest: true,
  };
}

/** regression data sets have a real label: a linear output and the mean squared error */
export function isRegression(dataset) {
  return dataset === 'plane' || dataset === 'gaussians';
}

export function outputLayer(dataset) {
  return isRegression(dataset)
    ? { activation: 'linear', loss: 'mse', text: 'The output neuron is linear and the loss the mean squared error (a regression: the label is a number).' }
    : { activation: 'sigmoid', loss: 'binary_cross_entropy', text: 'The output neuron is a sigmoid and the loss binary cross-entropy (a classification: label 0 or 1).' };
}

const whole = (v, min, max) => Number.isInteger(v) && v >= min && v <= max;

/**
 * A copy of restored settings in which every value is one the page offers; notes lists what was replaced by
 * its default.
 */
export function sanitize(restored, notes = []) {
  const base = defaults();
  if (!restored || typeof restored !== 'object') return base;
  const out = { ...base };
  const take = (key, ok) => {
    if (!(key in restored)) return;
    if (ok(restored[key])) out[key] = restored[key];
    else notes.push(key);
  };
  take('dataset', (v) => DATASETS.includes(v));
  take('noise', (v) => typeof v === 'number' && v >= 0 && v <= 0.5);
  take('testFraction', (v) => typeof v === 'number' && v >= 0.1 && v <= 0.9);
  take('dataSeed', (v) => whole(v, 0, Number.MAX_SAFE_INTEGER));
  take('batchSize', (v) => whole(v, 1, 100));
  take('features', (v) => Array.isArray(v) && v.length >= 1 && new Set(v).size === v.length && v.every((f) => FEATURES.includes(f)));
  take('hidden', (v) => Array.isArray(v) && v.length <= MAX_LAYERS
    && v.every((l) => l && whole(l.neurons, 1, MAX_NEURONS) && ACTIVATIONS.includes(l.activation)));
  take('init', (v) => INITS.includes(v));
  take('initSeed', (v) => whole(v, 0, Number.MAX_SAFE_INTEGER));
  take('learningRate', (v) => LEARNING_RATES.includes(v));
  take('optimizer', (v) => OPTIMIZERS.includes(v));
  take('regularization', (v) => REGULARIZATIONS.includes(v));
  take('regularizationRate', (v) => REGULARIZATION_RATES.includes(v));
  take('shuffleSeed', (v) => Number.isSafeInteger(v));
  take('showTest', (v) => typeof v === 'boolean');
  out.features = [...out.features];
  out.hidden = out.hidden.map((l) => ({ neurons: l.neurons, activation: l.activation }));
  return out;
}

/** the sizes of every layer, inputs first, for /initial-layers */
export function sizes(settings) {
  return [settings.features.length, ...settings.hidden.map((l) => l.neurons), 1];
}

export function activations(settings) {
  return [...settings.hidden.map((l) => l.activation), outputLayer(settings.dataset).activation];
}
