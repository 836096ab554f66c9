// Every value of the step in tables, at full precision exactly as the JSON gives it, each with its explanation.

import { numberText } from './api.js';

export function h(name, attributes = {}, ...children) {
  const node = document.createElement(name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
  node.append(...children.filter((c) => c !== null && c !== undefined));
  return node;
}

export function valueView(holder, key, nullNote) {
  const value = holder[key];
  if (value === null || value === undefined) {
    return h('span', { class: 'null' }, 'null' + (nullNote ? ` (${nullNote})` : ''));
  }
  if (!Array.isArray(value)) {
    return h('span', { class: 'scalar num' }, numberText(holder, key));
  }
  const rows = value.length > 0 && Array.isArray(value[0]) ? value : [value];
  const table = h('table', { class: 'matrix' });
  for (const row of rows) {
    const tr = h('tr');
    row.forEach((_, j) => tr.append(h('td', { class: 'num' }, numberText(row, j))));
    table.append(tr);
  }
  return h('div', { class: 'matrix-scroll' }, table);
}

function explanationView(explanation, language) {
  if (!explanation) return null;
  const box = h('div', { class: 'explanation', lang: language || 'en' });
  if (explanation.formula) box.append(h('p', { class: 'formula' }, explanation.formula));
  if (explanation.substituted) box.append(h('p', { class: 'substituted' }, explanation.substituted));
  if (explanation.meaning) box.append(h('p', { class: 'meaning' }, explanation.meaning));
  return box;
}

function section(title, entries, language) {
  const table = h('table', { class: 'values' });
  table.append(h('caption', {}, title));
  const body = h('tbody');
  for (const entry of entries) {
    const cell = h('td', { 'data-path': entry.path },
      valueView(entry.holder, entry.key, entry.nullNote),
      explanationView(entry.explanation, language));
    body.append(h('tr', {}, h('th', { scope: 'row' }, entry.label), cell));
  }
  table.append(body);
  return table;
}

/** Renders the whole /train-step answer into container. */
export function drawValues(container, response, language) {
  const ex = response.explanations || {};
  const exForward = ex.forward || {};
  const exBackward = ex.backward || {};
  const exUpdate = ex.update || {};
  const exAfter = ex.after || {};
  const layerCount = response.forward.layers.length;
  const name = (l) => (layerCount > 1 ? `layer ${l + 1}: ` : '');
  const parts = [];

  const forward = [];
  response.forward.layers.forEach((layer, l) => {
    const e = (exForward.layers || [])[l] || {};
    const p = `forward.layers[${l}]`;
    forward.push({ label: `${name(l)}input x`, holder: layer, key: 'input', path: `${p}.input`, explanation: e.input });
    forward.push({ label: `${name(l)}z = x·W + b`, holder: layer, key: 'z', path: `${p}.z`, explanation: e.z });
    forward.push({ label: `${name(l)}a = ${layer.activation}(z)`, holder: layer, key: 'output', path: `${p}.output`, explanation: e.output });
  });
  forward.push({ label: 'prediction ŷ', holder: response.forward, key: 'prediction', path: 'forward.prediction', explanation: exForward.prediction });
  forward.push({ label: 'loss L', holder: response.forward, key: 'loss', path: 'forward.loss', explanation: exForward.loss });
  parts.push(section('Forward pass and loss', forward, language));

  const backward = [{ label: 'dL/dŷ', holder: response.backward, key: 'dL_dPrediction', path: 'backward.dL_dPrediction', explanation: exBackward.dL_dPrediction }];
  for (let l = layerCount - 1; l >= 0; l--) {
    const layer = response.backward.layers[l];
    const e = (exBackward.layers || [])[l] || {};
    const p = `backward.layers[${l}]`;
    for (const [key, label, note] of [
      ['dL_dOutput', 'dL/da'], ['dOutput_dZ', 'da/dz', 'softmax: a Jacobian, folded into dL/dz'], ['dL_dZ', 'dL/dz'],
      ['dL_dW', 'dL/dW'], ['dL_db', 'dL/db'], ['dL_dInput', 'dL/dx'],
    ]) {
      backward.push({ label: name(l) + label, holder: layer, key, path: `${p}.${key}`, explanation: e[key], nullNote: note });
    }
  }
  parts.push(section('Backward pass (chain rule, last layer first)', backward, language));

  const update = [{ label: 'learning rate η', holder: response.update, key: 'learningRate', path: 'update.learningRate' }];
  response.update.layers.forEach((layer, l) => {
    const e = (exUpdate.layers || [])[l] || {};
    update.push({ label: `${name(l)}new W′`, holder: layer, key: 'weights', path: `update.layers[${l}].weights`, explanation: e.weights });
    update.push({ label: `${name(l)}new b′`, holder: layer, key: 'bias', path: `update.layers[${l}].bias`, explanation: e.bias });
  });
  parts.push(section(`Update (${(response.update.optimizer || {}).type || 'sgd'})`, update, language));

  const after = response.after;
  const afterSection = section('After the step', [
    { label: 'prediction ŷ′', holder: after, key: 'prediction', path: 'after.prediction', explanation: exAfter.prediction },
    { label: 'loss L′', holder: after, key: 'loss', path: 'after.loss', explanation: exAfter.loss },
    { label: 'change ΔL', holder: after, key: 'lossChange', path: 'after.lossChange', explanation: exAfter.lossChange },
  ], language);
  parts.push(afterSection);

  // the network as a whole: the diagnosis first, then each layer's gradient scale, dead units and update ratio
  if (ex.summary) {
    parts.unshift(h('p', { class: 'summary', lang: language || 'en' }, ex.summary));
  }
  const network = (ex.network || {}).layers || [];
  if (network.length) {
    const table = h('table', { class: 'values network' }, h('caption', {}, 'The network as a whole'));
    const body = h('tbody');
    network.forEach((layer, l) => {
      for (const [key, label] of [['gradientScale', 'gradients vs output'], ['deadUnits', 'dead ReLU units'], ['updateRatio', 'update / weights']]) {
        if (layer[key]) {
          body.append(h('tr', {}, h('th', { scope: 'row' }, `layer ${l + 1}: ${label}`),
            h('td', { 'data-path': `explanations.network.layers[${l}].${key}` }, explanationView(layer[key], language))));
        }
      }
    });
    table.append(body);
    parts.push(table);
  }

  container.replaceChildren(...parts);
}
