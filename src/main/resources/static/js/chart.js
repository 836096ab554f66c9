// The loss history of a /train run as an SVG line chart (step on x, loss on y, linear axes from 0).

import { el, short } from './svg.js';

const W = 640;
const H = 300;
const LEFT = 70;
const RIGHT = 20;
const TOP = 20;
const BOTTOM = 44;

export function drawLossChart(container, history) {
  const steps = history.map((p) => p.step);
  const losses = history.map((p) => p.loss).filter(Number.isFinite);
  const maxStep = Math.max(1, ...steps);
  const maxLoss = Math.max(...losses) || 1;
  const x = (step) => LEFT + (step / maxStep) * (W - LEFT - RIGHT);
  const y = (loss) => TOP + (1 - loss / maxLoss) * (H - TOP - BOTTOM);

  const svg = el('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-labelledby': 'chart-svg-title', class: 'loss-chart' });
  const first = history[0];
  const last = history[history.length - 1];
  svg.append(el('title', { id: 'chart-svg-title' },
    `Loss from ${short(first.loss)} at step ${first.step} to ${short(last.loss)} at step ${last.step}`));

  const axes = el('g', { class: 'axes' });
  axes.append(el('line', { x1: LEFT, y1: H - BOTTOM, x2: W - RIGHT, y2: H - BOTTOM }));
  axes.append(el('line', { x1: LEFT, y1: TOP, x2: LEFT, y2: H - BOTTOM }));
  for (let k = 0; k <= 4; k++) {
    const loss = (maxLoss * k) / 4;
    axes.append(el('line', { x1: LEFT, y1: y(loss), x2: W - RIGHT, y2: y(loss), class: 'grid' }));
    axes.append(el('text', { x: LEFT - 6, y: y(loss) + 4, 'text-anchor': 'end' }, short(loss)));
    const step = Math.round((maxStep * k) / 4);
    axes.append(el('text', { x: x(step), y: H - BOTTOM + 18, 'text-anchor': 'middle' }, String(step)));
  }
  axes.append(el('text', { x: (LEFT + W - RIGHT) / 2, y: H - 6, 'text-anchor': 'middle', class: 'axis-title' }, 'step'));
  axes.append(el('text', { x: 14, y: (TOP + H - BOTTOM) / 2, 'text-anchor': 'middle', class: 'axis-title',
    transform: `rotate(-90 14 ${(TOP + H - BOTTOM) / 2})` }, 'loss'));
  svg.append(axes);

  const points = history.filter((p) => Number.isFinite(p.loss)).map((p) => `${x(p.step).toFixed(2)},${y(p.loss).toFixed(2)}`);
  svg.append(el('polyline', { points: points.join(' '), class: 'curve', fill: 'none' }));
  container.replaceChildren(svg);
}
