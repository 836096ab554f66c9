// Into the numbers: the step view (the page at /) opened on the playground's next step, that is its
// parameters and optimizer state on the mini-batch /train takes next, with one neuron or weight marked. The
// step travels in the fragment of the address (#p=…, ../codec.js), the playground's own state stays in its
// address, so the browser's Back button returns to the same network.

import { encodeValue } from '../codec.js';
import { FEATURE_LABELS } from './settings.js';
import { stepBody } from './service.js';
import { nextBatch } from './batches.js';
import { writeLink } from './link.js';

function neuronName(layers, l, k) {
  return l === layers.length - 1 ? 'output neuron' : `layer ${l + 1}, neuron ${k + 1}`;
}

/** What mark names, in words. */
export function describe(mark, features, layers) {
  if (mark.kind === 'neuron') return neuronName(layers, mark.layer, mark.index);
  const from = mark.layer === 0 ? FEATURE_LABELS[features[mark.from]] : neuronName(layers, mark.layer - 1, mark.from);
  return `weight ${from} → ${neuronName(layers, mark.layer, mark.to)}`;
}

/** Every neuron and every weight of the network, for the keyboard's way in (a select). */
export function marks(layers) {
  const list = [];
  layers.forEach((layer, l) => {
    const width = layer.weights[0].length;
    for (let k = 0; k < width; k++) list.push({ kind: 'neuron', layer: l, index: k });
    layer.weights.forEach((row, i) => row.forEach((_, j) => list.push({ kind: 'weight', layer: l, from: i, to: j })));
  });
  return list;
}

/** The address of the step view on the next step with mark highlighted. */
export async function stepViewAddress(settings, data, model, mark, back) {
  const n = data.train.inputs.length;
  const rows = nextBatch(n, settings.batchSize, settings.shuffleSeed, model.optimizerState);
  const body = stepBody(settings, data, model, rows);
  const batch = rows.length === n ? `all ${n} training examples` : `the ${rows.length} examples of its next mini-batch`;
  const note = `The playground's next step (step ${model.steps + 1}, ${settings.dataset}): its parameters on ${batch}.`;
  const what = describe(mark, settings.features, model.layers);
  return `/#p=${await encodeValue({ body, mark, note, what, back })}`;
}

/** Leaves for the step view, the playground's state written into its own address first. */
export async function openStep(settings, data, model, mark) {
  await writeLink(settings, model);
  const back = window.location.pathname + window.location.hash;
  window.location.assign(await stepViewAddress(settings, data, model, mark, back));
}
