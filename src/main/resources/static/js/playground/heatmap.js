// The output over the plane: the network's first output on the service's grid as a heat map, the training
// points (discs) and the test points (diamonds) over it; and the data sets' thumbnails.

import { DOMAIN } from './settings.js';
import { BLUE, ORANGE, colour, css, paintGrid, scaleFor } from './palette.js';

const cells = document.createElement('canvas');

/** a canvas drawn at the screen's pixel density: its context works in CSS pixels of `size` */
function prepare(canvas, size) {
  const ratio = Math.max(1, Math.min(3, window.devicePixelRatio || 1));
  if (canvas.width !== Math.round(size * ratio)) {
    canvas.width = Math.round(size * ratio);
    canvas.height = Math.round(size * ratio);
  }
  const context = canvas.getContext('2d');
  context.setTransform(ratio, 0, 0, ratio, 0, 0);
  return context;
}

const toPixel = (value, size) => ((value - DOMAIN.min) / (DOMAIN.max - DOMAIN.min)) * size;

function pointColour(label, regression) {
  if (regression) return css(colour((label + 1) / 2));
  return label >= 0.5 ? BLUE : ORANGE;
}

function drawPoints(context, size, part, regression, test, radius) {
  context.lineWidth = test ? 1.6 : 1.2;
  // a regression's labels near 0 are white: their rim is grey, not white
  context.strokeStyle = test ? '#1b1f24' : regression ? '#8c959f' : '#ffffff';
  part.points.forEach(([x1, x2], k) => {
    const x = toPixel(x1, size);
    const y = size - toPixel(x2, size);
    context.fillStyle = pointColour(part.label[k][0], regression);
    context.beginPath();
    if (test) {
      const r = radius * 1.25;
      context.moveTo(x, y - r);
      context.lineTo(x + r, y);
      context.lineTo(x, y + r);
      context.lineTo(x - r, y);
      context.closePath();
    } else {
      context.arc(x, y, radius, 0, 2 * Math.PI);
    }
    context.fill();
    context.stroke();
  });
}

/**
 * The heat map of grid.output (value at x[j], y[i]) with the data over it. Each value's cell is centred on its
 * grid point, so the picture extends half a cell beyond the plane's edges, where the canvas cuts it.
 */
export function drawHeatmap(canvas, grid, data, { regression, showTest }) {
  const size = canvas.clientWidth || 360;
  const context = prepare(canvas, size);
  context.clearRect(0, 0, size, size);
  if (grid) {
    paintGrid(cells, grid.output, scaleFor(regression ? 'regression' : 'sigmoid', grid.output), 0.35);
    const half = (DOMAIN.max - DOMAIN.min) / (grid.x.length - 1) / 2;
    const left = toPixel(DOMAIN.min - half, size);
    const right = toPixel(DOMAIN.max + half, size);
    context.imageSmoothingEnabled = true;
    context.imageSmoothingQuality = 'high';
    context.drawImage(cells, left, left, right - left, right - left);
  }
  context.strokeStyle = 'rgba(27, 31, 36, 0.25)';
  context.lineWidth = 1;
  const zero = toPixel(0, size);
  context.beginPath();
  context.moveTo(zero, 0);
  context.lineTo(zero, size);
  context.moveTo(0, zero);
  context.lineTo(size, zero);
  context.stroke();
  if (data) {
    drawPoints(context, size, data.train, regression, false, 3.6);
    if (showTest) drawPoints(context, size, data.test, regression, true, 3.6);
  }
}

/** A data set's thumbnail: its points on the plane, nothing else. */
export function drawThumbnail(canvas, data, regression) {
  const size = canvas.clientWidth || 64;
  const context = prepare(canvas, size);
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, size, size);
  context.lineWidth = 0;
  for (const part of [data.train, data.test]) {
    part.points.forEach(([x1, x2], k) => {
      context.fillStyle = pointColour(part.label[k][0], regression);
      context.fillRect(toPixel(x1, size) - 1.2, size - toPixel(x2, size) - 1.2, 2.4, 2.4);
    });
  }
}

/** The legend under the heat map, in words (the colours also have a bar in the stylesheet). */
export function legendText(regression) {
  return regression
    ? 'Background: the network\'s output, orange −1 through white 0 to blue +1. Discs: training points, diamonds: '
      + 'test points, coloured by their label.'
    : 'Background: the network\'s output, orange 0 (label 0) through white 0.5 to blue 1 (label 1). Discs: '
      + 'training points, diamonds: test points, coloured by their label.';
}
