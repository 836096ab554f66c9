// One neuron or one weight marked in the drawing and in the tables: what the playground asked to look at
// (#p=… in the address, written by playground/inspect.js).

import { decodeValue } from './codec.js';

/** The step the playground handed over ({body, mark, note, what, back}), or null when the address has none. */
export async function handedOver() {
  const match = /^#p=([A-Za-z0-9_-]+)$/.exec(window.location.hash);
  if (!match) return null;
  const value = await decodeValue(match[1]);
  if (!value || typeof value.body !== 'object' || value.body === null) throw new Error('the link holds no step');
  return value;
}

function cells(path, row, column) {
  const table = document.querySelector(`td[data-path='${path}'] table.matrix`);
  if (!table) return [];
  const rows = [...table.rows].filter((_, r) => row === null || r === row);
  return rows.map((tr) => tr.cells[column]).filter(Boolean);
}

/**
 * Marks mark ({kind: 'neuron', layer, index} or {kind: 'weight', layer, from, to}) in the graph and the
 * tables; returns the marked elements, the drawing's first.
 */
export function markValue(mark) {
  for (const old of document.querySelectorAll('.marked')) old.classList.remove('marked');
  if (!mark) return [];
  const l = mark.layer;
  const found = [];
  if (mark.kind === 'weight') {
    found.push(...document.querySelectorAll(
      `#graph line.edge[data-layer='${l}'][data-from='${mark.from}'][data-to='${mark.to}']`));
    for (const path of [`backward.layers[${l}].dL_dW`, `update.layers[${l}].weights`]) {
      found.push(...cells(path, mark.from, mark.to));
    }
  } else {
    const k = mark.index;
    found.push(...document.querySelectorAll(`#graph .node.neuron[data-layer='${l}'][data-index='${k}']`));
    for (const key of ['z', 'output']) found.push(...cells(`forward.layers[${l}].${key}`, null, k));
    for (const key of ['dL_dOutput', 'dL_dZ']) found.push(...cells(`backward.layers[${l}].${key}`, null, k));
    found.push(...cells(`backward.layers[${l}].dL_db`, 0, k), ...cells(`update.layers[${l}].bias`, 0, k));
  }
  for (const element of found) element.classList.add('marked');
  return found;
}
