// The network as an SVG graph: input features, then each layer's neurons; forward values on the nodes,
// each weight and its gradient on the edges.

import { el, short } from './svg.js';
import { numberText } from './api.js';
import { layersOf } from './request.js';

const COLUMN = 290;
const ROW = 110;
const NODE_W = 128;
const NODE_H = 84;
const MAX_EDGE_LABELS = 8; // more edges than this in a layer: no labels (each edge still has a tooltip)

function biasRow(bias, width) {
  if (typeof bias === 'number') return new Array(width).fill(bias);
  if (Array.isArray(bias) && Array.isArray(bias[0])) return bias[0];
  return Array.isArray(bias) ? bias : [];
}

function nodeBox(svg, x, y, lines, className, tooltip, data = {}) {
  const group = el('g', { class: 'node ' + className, ...data });
  group.append(el('title', {}, tooltip));
  group.append(el('rect', { x: x - NODE_W / 2, y: y - NODE_H / 2, width: NODE_W, height: NODE_H, rx: 10 }));
  const top = y - ((lines.length - 1) * 18) / 2 + 5;
  lines.forEach((line, k) => group.append(el('text', { x, y: top + k * 18, 'text-anchor': 'middle' }, line)));
  svg.append(group);
}

/**
 * Draws the step into container. request: the body sent; response: /train-step's answer; row: which example of
 * the batch the node values are taken from.
 */
export function drawGraph(container, request, response, row = 0) {
  const layers = layersOf(request);
  const forward = response.forward.layers;
  const backward = response.backward.layers;
  const sizes = [forward[0].input[row].length, ...forward.map((l) => l.z[row].length)];
  const tallest = Math.max(...sizes);
  const width = COLUMN * sizes.length + 120;
  const height = ROW * tallest + 40;
  const position = (column, index) => ({
    x: 90 + column * COLUMN,
    y: 20 + ROW / 2 + (index + (tallest - sizes[column]) / 2) * ROW,
  });

  const svg = el('svg', {
    viewBox: `0 0 ${width} ${height}`,
    role: 'img',
    'aria-labelledby': 'graph-svg-title',
    class: 'network',
    style: `min-width: ${Math.min(width * 0.8, 1400)}px; max-width: ${width}px`,
  });
  svg.append(el('title', { id: 'graph-svg-title' },
    `A network with ${sizes[0]} inputs and layers of ${sizes.slice(1).join(', ')} neurons`));

  // edges first, so that the nodes are drawn over them
  const edges = el('g', { class: 'edges' });
  const labels = el('g', { class: 'edge-labels' });
  svg.append(edges, labels);
  forward.forEach((layer, l) => {
    const weights = (layers[l] || {}).weights || [];
    const gradients = backward[l].dL_dW;
    const largest = Math.max(1e-300, ...gradients.flat().map(Math.abs));
    const showLabels = gradients.length * gradients[0].length <= MAX_EDGE_LABELS;
    gradients.forEach((gradientRow, i) => {
      gradientRow.forEach((gradient, j) => {
        const from = position(l, i);
        const to = position(l + 1, j);
        const x1 = from.x + NODE_W / 2;
        const x2 = to.x - NODE_W / 2;
        const w = (weights[i] || [])[j];
        const edge = el('line', {
          x1, y1: from.y, x2, y2: to.y,
          class: gradient < 0 ? 'edge grow' : gradient > 0 ? 'edge shrink' : 'edge',
          'data-layer': l, 'data-from': i, 'data-to': j,
          'stroke-width': 1 + 5 * Math.abs(gradient) / largest,
        });
        edge.append(el('title', {},
          `w[${i + 1},${j + 1}] of layer ${l + 1} = ${numberText(weights[i] || [], j)}\n`
          + `dL/dw = ${numberText(gradientRow, j)}`));
        edges.append(edge);
        if (showLabels) {
          // along the edge; into one neuron: half-way; else staggered by
          // source, so that the labels of edges that cross sit at different places
          const nIn = gradients.length;
          const t = gradientRow.length === 1 ? 0.5 : nIn === 1 ? 0.6 : 0.78 - (0.36 * i) / (nIn - 1);
          const x = x1 + (x2 - x1) * t;
          const y = from.y + (to.y - from.y) * t;
          const angle = (Math.atan2(to.y - from.y, x2 - x1) * 180) / Math.PI;
          const label = el('text', { x, y: y - 5, 'text-anchor': 'middle', class: 'edge-label',
            transform: `rotate(${angle.toFixed(2)} ${x.toFixed(2)} ${y.toFixed(2)})` });
          label.append(el('tspan', {}, `w ${short(w)}`), el('tspan', { class: 'gradient' }, `  ∂ ${short(gradient)}`));
          labels.append(label);
        }
      });
    });
  });

  const inputs = forward[0].input[row];
  inputs.forEach((x, i) => {
    const p = position(0, i);
    nodeBox(svg, p.x, p.y, [`x${i + 1}`, short(x)], 'input', `input x${i + 1} = ${numberText(inputs, i)}`);
  });
  forward.forEach((layer, l) => {
    const bias = biasRow((layers[l] || {}).bias, layer.z[row].length);
    const last = l === forward.length - 1;
    layer.z[row].forEach((z, j) => {
      const p = position(l + 1, j);
      const a = layer.output[row][j];
      const delta = backward[l].dL_dZ[row][j];
      nodeBox(svg, p.x, p.y, [`z ${short(z)}`, `a ${short(a)}`, `b ${short(bias[j])}`, `δ ${short(delta)}`],
        last ? 'neuron output' : 'neuron',
        `layer ${l + 1}, neuron ${j + 1} (${layer.activation})\n`
        + `z = ${numberText(layer.z[row], j)}\na = ${numberText(layer.output[row], j)}\n`
        + `dL/dz = ${numberText(backward[l].dL_dZ[row], j)}`, { 'data-layer': l, 'data-index': j });
    });
  });

  // the label beside each output and the loss
  const outputs = sizes.length - 1;
  const label = Array.isArray(request.label) ? request.label : [[request.label]];
  const labelRow = Array.isArray(label[row]) ? label[row] : sizes[outputs] === 1 ? [label[row]] : label;
  for (let j = 0; j < sizes[outputs]; j++) {
    const p = position(outputs, j);
    svg.append(el('text', { x: p.x + NODE_W / 2 + 8, y: p.y + 5, class: 'target' },
      `y ${short(labelRow[j])}`));
  }
  svg.append(el('text', { x: width - 10, y: height - 12, 'text-anchor': 'end', class: 'loss' },
    `loss ${short(response.forward.loss)} → ${short(response.after.loss)}`));
  container.replaceChildren(svg);
}
