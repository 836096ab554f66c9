// The controls that edit the request (each layer's activation, the loss, the optimizer, the learning rate),
// kept in step with the editor's JSON.

import { formatRequest, layersOf, activationOf, setActivation, setLoss, setOptimizer } from './request.js';
import { editor, refreshGutter } from './editor.js';
import { $ } from './page.js';

const ACTIVATIONS = ['sigmoid', 'tanh', 'relu', 'leaky_relu', 'linear', 'softmax'];

/** What a control calls with its change (request -> request); set by bindControls. */
let edit = () => {};

/** Sets the controls from the editor's JSON; leaves them as they are while it does not parse. */
export function syncControls() {
  let request;
  try {
    request = JSON.parse(editor.value);
  } catch (e) {
    return;
  }
  if (request === null || typeof request !== 'object') return;
  const layers = layersOf(request);
  const box = $('activations');
  if (box.childElementCount !== layers.length) {
    box.replaceChildren(...layers.map((_, l) => {
      const row = document.createElement('div');
      row.className = 'row';
      const label = document.createElement('label');
      label.htmlFor = `activation-${l}`;
      label.textContent = layers.length > 1 ? `Layer ${l + 1} activation` : 'Activation';
      const select = document.createElement('select');
      select.id = `activation-${l}`;
      for (const name of ACTIVATIONS) select.append(new Option(name, name));
      select.addEventListener('change', () => edit((r) => setActivation(r, l, select.value)));
      row.append(label, select);
      return row;
    }));
  }
  layers.forEach((_, l) => {
    $(`activation-${l}`).value = String(activationOf(request, l)).toLowerCase();
  });
  $('loss').value = String(request.loss || 'mse').toLowerCase();
  $('optimizer').value = String((request.optimizer && request.optimizer.type) || 'sgd').toLowerCase();
  $('learning-rate').value = typeof request.learningRate === 'number' ? String(request.learningRate) : '';
}

/** Puts a request into the editor, formatted, and the controls in step with it. */
export function setEditor(request) {
  editor.value = formatRequest(request);
  syncControls();
  refreshGutter();
}

/** Lets the controls edit the request: each change goes to editWith(change). */
export function bindControls(editWith) {
  edit = editWith;
  $('loss').addEventListener('change', (e) => edit((r) => setLoss(r, e.target.value)));
  $('optimizer').addEventListener('change', (e) => edit((r) => setOptimizer(r, e.target.value)));
  $('learning-rate').addEventListener('change', (e) => {
    const value = e.target.valueAsNumber;
    if (Number.isFinite(value)) edit((r) => Object.assign(r, { learningRate: value }));
  });
}
