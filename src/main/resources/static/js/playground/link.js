// The whole state in the URL's fragment (#s=…): the settings and the model (weights, biases, optimizer state,
// counters, a thinned loss history), compressed (../codec.js). The fragment never reaches the server; a
// reloaded or shared link restores the exact same parameters, hence the exact same losses.

import { encodeValue, decodeValue } from '../codec.js';
import { sanitize, sizes, activations } from './settings.js';

const LINK_HISTORY = 100;
const EVERY_MS = 1500; // while playing: the address at most this often (browsers limit replaceState calls)

let written = 0;
let lastWrite = 0;

function thin(history) {
  const stride = Math.max(1, Math.ceil(history.length / LINK_HISTORY));
  const kept = history.filter((_, k) => k % stride === 0 || k === history.length - 1);
  // the curve is for the eye: four digits are enough
  const round = (v) => (Number.isFinite(v) ? Number(v.toPrecision(4)) : null);
  return kept.map((p) => [p.step, round(p.loss), round(p.testLoss)]);
}

export function snapshot(settings, model) {
  return {
    v: 1,
    settings,
    model: {
      layers: model.layers,
      optimizerState: model.optimizerState,
      steps: model.steps,
      epoch: model.epoch,
      history: thin(model.history),
    },
  };
}

/** Writes the state into the address (replacing the entry, not adding one); soon: only if enough time passed. */
export async function writeLink(settings, model, { soon = false } = {}) {
  const now = performance.now();
  if (soon && now - lastWrite < EVERY_MS) return;
  lastWrite = now;
  const ticket = ++written;
  const text = await encodeValue(snapshot(settings, model));
  if (ticket === written) history.replaceState(null, '', `#s=${text}`);
}

const isMatrix = (m, rows, cols) => Array.isArray(m) && m.length === rows
  && m.every((r) => Array.isArray(r) && r.length === cols && r.every(Number.isFinite));

function layersFit(layers, settings) {
  const shape = sizes(settings);
  const kinds = activations(settings);
  return Array.isArray(layers) && layers.length === shape.length - 1 && layers.every((layer, l) => layer
    && isMatrix(layer.weights, shape[l], shape[l + 1]) && isMatrix([layer.bias], 1, shape[l + 1])
    && layer.activation === kinds[l]);
}

/**
 * The state in the address, or null when there is none: {settings, model (null when the link's weights do
 * not fit its settings), notes (what could not be taken)}; throws when the fragment cannot be read.
 */
export async function readLink() {
  const match = /^#s=([A-Za-z0-9_-]+)$/.exec(window.location.hash);
  if (!match) return null;
  const value = await decodeValue(match[1]);
  const notes = [];
  const settings = sanitize(value && value.settings, notes);
  const saved = value && value.model;
  let model = null;
  if (saved && layersFit(saved.layers, settings)) {
    const state = saved.optimizerState;
    const whole = (v) => (Number.isSafeInteger(v) && v >= 0 ? v : 0);
    model = {
      layers: saved.layers,
      optimizerState: state && typeof state === 'object' && state.type === settings.optimizer ? state : null,
      steps: whole(saved.steps),
      epoch: whole(saved.epoch),
      history: (Array.isArray(saved.history) ? saved.history : [])
        .filter((p) => Array.isArray(p) && Number.isSafeInteger(p[0]) && Number.isFinite(p[1]))
        .map(([step, loss, testLoss]) => ({ step, loss, testLoss: Number.isFinite(testLoss) ? testLoss : undefined })),
    };
  } else if (saved) {
    notes.push('the weights (they do not fit the network the link describes)');
  }
  return { settings, model, notes };
}
