// Colours. A blue–orange diverging map, chosen because it stays readable with red-green colour blindness
// (protanopia, deuteranopia: blue and orange differ in the blue–yellow channel those viewers keep, and in
// lightness): its ends are ColorBrewer's PuOr orange (#b35806) and RdBu blue (#2166ac), its middle white.
// Orange is a low value (label 0, a negative weight), blue a high one (label 1, a positive weight). Shapes
// carry the rest: test points are diamonds with a dark rim, training points discs with a white one.

const STOPS = [
  [0, [179, 88, 6]], // #b35806
  [0.25, [241, 163, 64]], // #f1a340
  [0.5, [247, 247, 247]], // #f7f7f7
  [0.75, [103, 169, 207]], // #67a9cf
  [1, [33, 102, 172]], // #2166ac
];

export const ORANGE = '#b35806';
export const BLUE = '#2166ac';

/** t in [0, 1] (clamped) -> [r, g, b] */
export function colour(t) {
  const x = Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0.5));
  for (let k = 1; k < STOPS.length; k++) {
    const [t1, c1] = STOPS[k];
    if (x <= t1) {
      const [t0, c0] = STOPS[k - 1];
      const f = (x - t0) / (t1 - t0);
      return [0, 1, 2].map((i) => Math.round(c0[i] + (c1[i] - c0[i]) * f));
    }
  }
  return STOPS[STOPS.length - 1][1];
}

export const css = ([r, g, b]) => `rgb(${r}, ${g}, ${b})`;

/** a paler colour for the background of the points: mixed with white */
export function pale(rgb, amount = 0.35) {
  return rgb.map((c) => Math.round(c + (255 - c) * amount));
}

/**
 * How a picture's values map to [0, 1]: by the range of what made them (a sigmoid's 0 to 1, tanh's −1 to 1,
 * a regression's labels −1 to 1), else symmetric around 0 to the largest magnitude in the picture.
 */
export function scaleFor(activation, values) {
  if (activation === 'sigmoid') return (v) => v;
  if (activation === 'tanh' || activation === 'regression') return (v) => (v + 1) / 2;
  let largest = 1e-12;
  for (const row of values) for (const v of row) if (Math.abs(v) > largest) largest = Math.abs(v);
  return (v) => 0.5 + v / (2 * largest);
}

/** Draws a grid picture (values[i][j] at x[j], y[i], y upwards) into a canvas of its own size, pixel per value. */
export function paintGrid(canvas, values, scale, paleness = 0) {
  const rows = values.length;
  const cols = values[0].length;
  if (canvas.width !== cols || canvas.height !== rows) {
    canvas.width = cols;
    canvas.height = rows;
  }
  const context = canvas.getContext('2d');
  const image = context.createImageData(cols, rows);
  for (let i = 0; i < rows; i++) {
    const row = values[rows - 1 - i]; // the canvas's first row is the top: the largest y
    for (let j = 0; j < cols; j++) {
      const rgb = pale(colour(scale(row[j])), paleness);
      const p = 4 * (i * cols + j);
      image.data[p] = rgb[0];
      image.data[p + 1] = rgb[1];
      image.data[p + 2] = rgb[2];
      image.data[p + 3] = 255;
    }
  }
  context.putImageData(image, 0, 0);
}
