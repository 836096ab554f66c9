// The network as the playground draws it: input features, then each layer's neurons as buttons with the
// picture of their output over the plane, edges coloured by their weight's sign and sized by its magnitude.
// Neurons and edges are clickable (a neuron by keyboard too) to open their step in the step view.

import { el, short } from '../svg.js';
import { FEATURE_LABELS } from './settings.js';
import { BLUE, ORANGE, paintGrid, scaleFor } from './palette.js';

const NODE = 38;
const ROW = 48;
const TOP = 30;
const LEFT = 52;
const RIGHT = 30;

const FEATURE_VALUE = {
  x1: (x) => x, x2: (x, y) => y, 'x1^2': (x) => x * x, 'x2^2': (x, y) => y * y, 'x1*x2': (x, y) => x * y,
  'sin(x1)': (x) => Math.sin(x), 'sin(x2)': (x, y) => Math.sin(y),
};

export class NetworkView {
  /** onInspect({kind: 'neuron', layer, index} | {kind: 'weight', layer, from, to}) */
  constructor(container, onInspect) {
    this.container = container;
    this.onInspect = onInspect;
    this.key = null;
    container.addEventListener('click', (event) => this.clicked(event));
  }

  clicked(event) {
    const target = event.target.closest('[data-layer]');
    if (!target || !this.container.contains(target)) return;
    const layer = Number(target.dataset.layer);
    if (target.dataset.to !== undefined) {
      this.onInspect({ kind: 'weight', layer, from: Number(target.dataset.from), to: Number(target.dataset.to) });
    } else {
      this.onInspect({ kind: 'neuron', layer, index: Number(target.dataset.index) });
    }
  }

  /** Builds the drawing for this architecture (when it changed) and sizes it to the space there is. */
  build(features, layers) {
    const sizes = [features.length, ...layers.map((l) => l.weights[0].length)];
    const key = JSON.stringify([features, sizes, layers.map((l) => l.activation), this.container.clientWidth]);
    if (key === this.key) return;
    this.key = key;
    const columns = sizes.length;
    const room = Math.max(280, this.container.clientWidth - 4);
    const step = Math.max(58, Math.min(130, (room - LEFT - RIGHT - NODE) / (columns - 1)));
    const width = LEFT + RIGHT + NODE + step * (columns - 1);
    const height = TOP + ROW * Math.max(...sizes) + 6;
    const at = (c, k) => ({
      x: LEFT + c * step,
      y: TOP + (k + (Math.max(...sizes) - sizes[c]) / 2) * ROW,
    });

    const stage = document.createElement('div');
    stage.className = 'net-stage';
    stage.style.width = `${width}px`;
    stage.style.height = `${height}px`;
    const svg = el('svg', { width, height, class: 'net-edges', 'aria-hidden': 'true' });
    stage.append(svg);
    this.edges = layers.map((layer, l) => layer.weights.map((row, i) => row.map((_, j) => {
      const from = at(l, i);
      const to = at(l + 1, j);
      const ends = { x1: from.x + NODE, y1: from.y + NODE / 2, x2: to.x, y2: to.y + NODE / 2 };
      const group = el('g', { class: 'edge-group' });
      const line = el('line', { ...ends, class: 'weight' });
      const hit = el('line', { ...ends, class: 'edge-hit', 'data-layer': l, 'data-from': i, 'data-to': j });
      const title = el('title');
      hit.append(title);
      group.append(line, hit);
      svg.append(group);
      return { line, title };
    })));

    const heading = (c, text) => {
      const label = document.createElement('span');
      label.className = 'column-label';
      label.textContent = text;
      label.style.left = `${at(c, 0).x + NODE / 2}px`;
      stage.append(label);
    };
    heading(0, 'input');
    layers.forEach((layer, l) => heading(l + 1, l === layers.length - 1 ? 'output' : `${l + 1}: ${layer.activation}`));

    this.inputs = features.map((feature, k) => {
      const p = at(0, k);
      const node = document.createElement('div');
      node.className = 'net-node input-node';
      node.title = `input ${FEATURE_LABELS[feature]}`;
      Object.assign(node.style, { left: `${p.x}px`, top: `${p.y}px` });
      const canvas = document.createElement('canvas');
      const label = document.createElement('span');
      label.className = 'feature-label';
      label.textContent = FEATURE_LABELS[feature];
      node.append(canvas, label);
      stage.append(node);
      return { feature, canvas };
    });
    this.neurons = layers.map((layer, l) => Array.from({ length: sizes[l + 1] }, (_, k) => {
      const p = at(l + 1, k);
      const button = document.createElement('button');
      button.type = 'button';
      button.className = l === layers.length - 1 ? 'net-node neuron output-node' : 'net-node neuron';
      button.dataset.layer = String(l);
      button.dataset.index = String(k);
      Object.assign(button.style, { left: `${p.x}px`, top: `${p.y}px` });
      const canvas = document.createElement('canvas');
      button.append(canvas);
      stage.append(button);
      return { button, canvas, activation: layer.activation, name: l === layers.length - 1 ? 'the output neuron' : `layer ${l + 1}, neuron ${k + 1}` };
    }));
    // a rebuild (the window resized, say) keeps the keyboard's place
    const focused = this.container.contains(document.activeElement) ? document.activeElement.dataset : null;
    this.container.replaceChildren(stage);
    this.inputsDrawn = false;
    const again = focused && focused.index !== undefined
      && this.neurons[Number(focused.layer)] && this.neurons[Number(focused.layer)][Number(focused.index)];
    if (again) again.button.focus({ preventScroll: true });
  }

  /** Draws the parameters and the pictures of the model; grid may be null before the first answer. */
  update(features, layers, grid) {
    this.build(features, layers);
    layers.forEach((layer, l) => layer.weights.forEach((row, i) => row.forEach((w, j) => {
      const edge = this.edges[l][i][j];
      edge.line.setAttribute('stroke', w >= 0 ? BLUE : ORANGE);
      edge.line.setAttribute('stroke-width', Math.min(8, 0.6 + 2.2 * Math.abs(w)).toFixed(2));
      const source = l === 0 ? FEATURE_LABELS[features[i]] : `layer ${l}, neuron ${i + 1}`;
      edge.title.textContent = `weight from ${source} to ${this.neurons[l][j].name}: ${short(w)}`;
    })));
    this.neurons.forEach((column, l) => column.forEach((neuron, k) => {
      const bias = layers[l].bias[k];
      neuron.button.setAttribute('aria-label', `${neuron.name} (${neuron.activation}), bias ${short(bias)}: open its step`);
      neuron.button.title = `${neuron.name} (${neuron.activation}), bias ${short(bias)}`;
      const picture = grid && grid.layers && grid.layers[l] && grid.layers[l].neurons[k];
      if (picture) paintGrid(neuron.canvas, picture, scaleFor(neuron.activation, picture));
    }));
    if (grid && !this.inputsDrawn) {
      for (const input of this.inputs) {
        const values = grid.y.map((y) => grid.x.map((x) => FEATURE_VALUE[input.feature](x, y)));
        paintGrid(input.canvas, values, scaleFor(input.feature.startsWith('sin') ? 'tanh' : 'linear', values));
      }
      this.inputsDrawn = true;
    }
  }

  /** Neurons answer clicks only while the run is paused. */
  setInspectable(enabled) {
    this.container.classList.toggle('inspectable', enabled);
  }
}
