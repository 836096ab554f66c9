// The request editor: line numbers, marked lines, and the service's errors next to the fields they name.

import { pointerOffsets, locate, lineOf } from './json-locate.js';
import { $, say } from './page.js';

const LINE_HEIGHT = 20; // px, as in lab.css (.editor textarea)
const PADDING_TOP = 8;

export const editor = $('request');
const gutter = $('gutter');
const marks = $('marks');
const errorBox = $('request-errors');
const stepsInput = $('steps');
const stepsError = $('steps-error');

let markedLines = [];

export function refreshGutter() {
  const lines = editor.value.split('\n').length;
  if (gutter.dataset.lines !== String(lines)) {
    const numbers = [];
    for (let k = 1; k <= lines; k++) numbers.push(k);
    gutter.textContent = numbers.join('\n');
    gutter.dataset.lines = String(lines);
  }
  gutter.scrollTop = editor.scrollTop;
  marks.replaceChildren(...markedLines.map((line) => {
    const bar = document.createElement('div');
    bar.className = 'mark';
    bar.style.top = `${PADDING_TOP + (line - 1) * LINE_HEIGHT - editor.scrollTop}px`;
    return bar;
  }));
}

export function clearErrors() {
  errorBox.replaceChildren();
  stepsError.textContent = '';
  stepsInput.removeAttribute('aria-invalid');
  editor.removeAttribute('aria-invalid');
  markedLines = [];
  refreshGutter();
}

function goToLine(line) {
  const lines = editor.value.split('\n');
  let offset = 0;
  for (let k = 0; k < line - 1 && k < lines.length; k++) offset += lines[k].length + 1;
  editor.focus();
  editor.setSelectionRange(offset, offset + (lines[line - 1] || '').length);
  editor.scrollTop = Math.max(0, (line - 3) * LINE_HEIGHT);
  refreshGutter();
}

/** Shows errors [{pointer, message, line?}] beside the editor, each with the line it names marked. */
function showEditorErrors(title, errors) {
  const text = editor.value;
  const offsets = pointerOffsets(text);
  const heading = document.createElement('p');
  heading.className = 'errors-title';
  heading.textContent = title;
  const list = document.createElement('ul');
  for (const error of errors) {
    const at = /line (\d+), column (\d+)/.exec(error.message || '');
    const place = at ? { line: Number(at[1]), exact: true } : error.pointer !== undefined ? locate(text, error.pointer, offsets) : null;
    const item = document.createElement('li');
    if (place) {
      markedLines.push(place.line);
      const go = document.createElement('button');
      go.type = 'button';
      go.className = 'line-link';
      go.textContent = `line ${place.line}`;
      go.setAttribute('aria-label', `Go to line ${place.line}`);
      go.addEventListener('click', () => goToLine(place.line));
      item.append(go, ' ');
    }
    if (error.pointer) {
      const code = document.createElement('code');
      code.textContent = error.pointer;
      item.append(code, ' ');
    }
    item.append(error.message + (place && !place.exact ? ' (the field is missing: the line marked is where it belongs)' : ''));
    list.append(item);
  }
  errorBox.replaceChildren(heading, list);
  editor.setAttribute('aria-invalid', 'true');
  refreshGutter();
}

/**
 * Shows a problem+json answer: each error whose pointer names a field outside the editor
 * (fieldsOutside: pointer -> { input, message }) beside that field, the others in the editor.
 */
export function showProblem(problem, fieldsOutside = {}) {
  const errors = problem.errors.length ? problem.errors : [{ message: problem.problem.detail || problem.message }];
  const inEditor = [];
  for (const error of errors) {
    const field = fieldsOutside[error.pointer];
    if (field) {
      field.input.setAttribute('aria-invalid', 'true');
      field.message.textContent = error.message;
    } else {
      inEditor.push(error);
    }
  }
  if (inEditor.length) {
    showEditorErrors(`${problem.problem.title || 'The service refused the request'} (HTTP ${problem.status})`, inEditor);
  }
  say(`Error: ${problem.problem.title || problem.message}`);
}

/** The editor's body as an object, or null after showing why it is not valid JSON. */
export function parseEditor() {
  try {
    return JSON.parse(editor.value);
  } catch (e) {
    const at = /line (\d+) column (\d+)/.exec(e.message);
    const pos = /position (\d+)/.exec(e.message);
    const line = at ? Number(at[1]) : pos ? lineOf(editor.value, Number(pos[1])) : null;
    clearErrors();
    showEditorErrors('The request is not valid JSON', [{ message: e.message + (line ? ` (line ${line}, column ${at ? at[2] : 1})` : '') }]);
    say('Fix the JSON first.');
    return null;
  }
}

/** Keeps the line numbers with the text as it is typed and scrolled; onPause runs 300 ms after the last keystroke. */
export function watchEditor(onPause) {
  let pending;
  editor.addEventListener('input', () => {
    refreshGutter();
    clearTimeout(pending);
    pending = setTimeout(onPause, 300);
  });
  editor.addEventListener('scroll', refreshGutter);
}
