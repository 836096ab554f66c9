// The training and test loss over the steps, growing as the run goes: two lines in one SVG, the test line
// dashed so that the two differ without colour.

import { el, short } from '../svg.js';

const W = 420;
const H = 170;
const LEFT = 50;
const RIGHT = 10;
const TOP = 10;
const BOTTOM = 28;

export class Curves {
  constructor(container) {
    this.container = container;
    const svg = el('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-labelledby': 'curves-title', class: 'curves-chart' });
    this.title = el('title', { id: 'curves-title' }, 'No steps yet');
    this.axes = el('g', { class: 'axes' });
    this.train = el('polyline', { class: 'curve train', fill: 'none' });
    this.test = el('polyline', { class: 'curve test', fill: 'none' });
    svg.append(this.title, this.axes, this.train, this.test);
    container.replaceChildren(svg);
  }

  /** history: [{step, loss, testLoss}] */
  draw(history) {
    const points = history.filter((p) => Number.isFinite(p.loss));
    const first = points[0] ? points[0].step : 0;
    const last = points.length ? points[points.length - 1].step : 1;
    const span = Math.max(1, last - first);
    let top = 0;
    for (const p of points) top = Math.max(top, p.loss, Number.isFinite(p.testLoss) ? p.testLoss : 0);
    top = top || 1;
    const x = (step) => LEFT + ((step - first) / span) * (W - LEFT - RIGHT);
    const y = (loss) => TOP + (1 - Math.min(loss, top) / top) * (H - TOP - BOTTOM);
    const line = (key) => points.filter((p) => Number.isFinite(p[key]))
      .map((p) => `${x(p.step).toFixed(1)},${y(p[key]).toFixed(1)}`).join(' ');
    this.train.setAttribute('points', line('loss'));
    this.test.setAttribute('points', line('testLoss'));

    const axes = [
      el('line', { x1: LEFT, y1: H - BOTTOM, x2: W - RIGHT, y2: H - BOTTOM }),
      el('line', { x1: LEFT, y1: TOP, x2: LEFT, y2: H - BOTTOM }),
      el('text', { x: LEFT - 5, y: TOP + 9, 'text-anchor': 'end' }, short(top)),
      el('text', { x: LEFT - 5, y: H - BOTTOM, 'text-anchor': 'end' }, '0'),
      el('text', { x: LEFT, y: H - 8, 'text-anchor': 'start' }, `step ${first}`),
      el('text', { x: W - RIGHT, y: H - 8, 'text-anchor': 'end' }, `step ${last}`),
    ];
    this.axes.replaceChildren(...axes);
    const now = points[points.length - 1];
    this.title.textContent = now
      ? `Loss at step ${now.step}: training ${short(now.loss)}${Number.isFinite(now.testLoss) ? `, test ${short(now.testLoss)}` : ''}`
      : 'No steps yet';
  }
}
