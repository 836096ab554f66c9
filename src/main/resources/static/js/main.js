// The page: loads an example, sends the editor's body to the service, draws the answer, steps and trains.

import { getJson, postJson, ProblemError, numberText } from './api.js';
import { pointerOffsets, locate, lineOf } from './json-locate.js';
import {
  formatRequest, layersOf, applyUpdate, activationOf, setActivation, setLoss, setOptimizer,
} from './request.js';
import { drawGraph } from './graph.js';
import { drawValues } from './values.js';
import { drawLossChart } from './chart.js';
import { short } from './svg.js';

const ACTIVATIONS = ['sigmoid', 'tanh', 'relu', 'leaky_relu', 'linear', 'softmax'];
const LINE_HEIGHT = 20; // px, as in lab.css (.editor textarea)
const PADDING_TOP = 8;

const $ = (id) => document.getElementById(id);
const editor = $('request');
const gutter = $('gutter');
const marks = $('marks');
const errorBox = $('request-errors');
const stepsInput = $('steps');
const stepsError = $('steps-error');
const status = $('status');

let busy = false;
let shown = null; // { text, request, response } of the step on screen
let markedLines = [];

function setState(state) {
  document.body.dataset.state = state;
}

function say(text) {
  status.textContent = text;
}

// ---- the editor: line numbers, marked lines, errors next to the fields they name

function refreshGutter() {
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

function clearErrors() {
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

function showProblem(problem, fieldsOutside = {}) {
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
function parseEditor() {
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

function setEditor(request) {
  editor.value = formatRequest(request);
  syncControls();
  refreshGutter();
}

// ---- controls that edit the request

function syncControls() {
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

async function edit(change) {
  const request = parseEditor();
  if (!request) return;
  setEditor(change(request));
  await show();
}

// ---- talking to the service

async function guarded(work) {
  if (busy) return false;
  busy = true;
  setState('busy');
  try {
    const ok = await work();
    setState(ok ? 'ready' : 'error');
    return ok;
  } catch (e) {
    if (e instanceof ProblemError) {
      setState('error');
      return false;
    }
    setState('error');
    say(`The service could not be reached: ${e.message}`);
    return false;
  } finally {
    busy = false;
  }
}

function language() {
  return $('language').value;
}

function draw() {
  const { request, response } = shown;
  const rows = response.forward.layers[0].input.length;
  const picker = $('batch-row');
  $('example-row-picker').hidden = rows <= 1;
  if (picker.options.length !== rows) {
    picker.replaceChildren(...Array.from({ length: rows }, (_, k) => new Option(`example ${k + 1} of ${rows}`, String(k))));
  }
  const row = Math.min(Number(picker.value) || 0, rows - 1);
  drawGraph($('graph'), request, response, row);
  drawValues($('values'), response, shown.language);
}

/** Sends the editor's text as it is to /train-step and draws the answer. */
async function computeStep() {
  const text = editor.value;
  clearErrors();
  const lang = language();
  try {
    const { body, language: answered } = await postJson(lang ? '/train-step?explain=true' : '/train-step', text, lang);
    shown = { text, request: JSON.parse(text), response: body, language: answered || lang };
    draw();
    const stepNumber = body.optimizerState ? body.optimizerState.step : 1;
    say(`Step ${stepNumber}: loss ${short(body.forward.loss)} → ${short(body.after.loss)} (full values in the table).`);
    return true;
  } catch (e) {
    if (e instanceof ProblemError) showProblem(e);
    throw e;
  }
}

const show = () => guarded(computeStep);

async function takeStep() {
  return guarded(async () => {
    if (!shown || shown.text !== editor.value) {
      if (!(await computeStep())) return false;
    }
    const { request, response } = shown;
    setEditor(applyUpdate(request, response.update.layers, response.optimizerState));
    return computeStep();
  });
}

async function train() {
  return guarded(async () => {
    clearErrors();
    const request = parseEditor();
    if (!request) return false;
    const steps = stepsInput.value.trim() === '' ? null : Number(stepsInput.value);
    try {
      const { body } = await postJson('/train', JSON.stringify({ ...request, steps }));
      drawLossChart($('chart'), body.history);
      const first = body.history[0];
      $('train-summary').textContent = `${body.stepsRun} steps (stopped: ${body.stoppedBecause}); loss `
        + `${numberText(first, 'loss')} at step 0, ${numberText(body, 'loss')} at the end.`;
      setEditor(applyUpdate(request, body.layers, body.optimizerState));
    } catch (e) {
      if (e instanceof ProblemError) {
        showProblem(e, {
          '/steps': { input: stepsInput, message: stepsError },
          '/targetLoss': { input: stepsInput, message: stepsError },
          '/recordEvery': { input: stepsInput, message: stepsError },
        });
      }
      throw e;
    }
    return computeStep();
  });
}

async function loadExample(name) {
  return guarded(async () => {
    const { body } = await getJson(`/examples/${encodeURIComponent(name)}`);
    $('example-description').textContent = body.description || '';
    stepsInput.value = String(body.suggestedSteps || 100);
    $('chart').replaceChildren(Object.assign(document.createElement('p'), { className: 'hint', textContent: 'Train to see the loss curve.' }));
    $('train-summary').textContent = '';
    $('batch-row').replaceChildren();
    setEditor(body.request);
    return computeStep();
  });
}

// ---- wiring

async function start() {
  setState('busy');
  const picker = $('example');
  try {
    const { body } = await getJson('/examples');
    for (const example of body) picker.append(new Option(example.title || example.name, example.name));
  } catch (e) {
    picker.append(new Option('The seed', 'seed'));
  }
  // /?example=xor opens another example; the seed otherwise
  const asked = new URLSearchParams(window.location.search).get('example');
  const first = asked && [...picker.options].some((o) => o.value === asked) ? asked : 'seed';
  picker.value = first;
  picker.addEventListener('change', () => loadExample(picker.value));
  $('show').addEventListener('click', show);
  $('step').addEventListener('click', takeStep);
  $('train').addEventListener('click', train);
  $('language').addEventListener('change', show);
  $('batch-row').addEventListener('change', () => shown && draw());
  $('loss').addEventListener('change', (e) => edit((r) => setLoss(r, e.target.value)));
  $('optimizer').addEventListener('change', (e) => edit((r) => setOptimizer(r, e.target.value)));
  $('learning-rate').addEventListener('change', (e) => {
    const value = e.target.valueAsNumber;
    if (Number.isFinite(value)) edit((r) => Object.assign(r, { learningRate: value }));
  });
  let pending;
  editor.addEventListener('input', () => {
    refreshGutter();
    clearTimeout(pending);
    pending = setTimeout(syncControls, 300);
  });
  editor.addEventListener('scroll', refreshGutter);
  await loadExample(first);
}

start();
