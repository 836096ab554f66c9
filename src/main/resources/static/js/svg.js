// Small helpers for building SVG and short numbers for drawings (the tables keep every digit).

const NS = 'http://www.w3.org/2000/svg';

export function el(name, attributes = {}, text) {
  const node = document.createElementNS(NS, name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Four significant digits, with a real minus sign: for labels on a drawing. */
export function short(value) {
  if (typeof value !== 'number' || !Number.isFinite(value)) return String(value);
  if (value === 0) return '0';
  const abs = Math.abs(value);
  const text = abs >= 1e-3 && abs < 1e5 ? String(Number(value.toPrecision(4))) : value.toExponential(2);
  return text.replace('-', '−');
}
