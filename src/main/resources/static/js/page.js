// What every part of the page shares: elements by id, the page's state and its status line.

export const $ = (id) => document.getElementById(id);

/** busy, ready or error: on <body data-state>, which the styles and the browser tests read. */
export function setState(state) {
  document.body.dataset.state = state;
}

/** One sentence in the status line (announced by screen readers). */
export function say(text) {
  $('status').textContent = text;
}
