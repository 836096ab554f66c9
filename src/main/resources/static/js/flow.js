// The request flow: one request at a time to the service, and its answer drawn (show, step, train, examples).

import { getJson, postJson, ProblemError, numberText } from './api.js';
import { applyUpdate } from './request.js';
import { drawGraph } from './graph.js';
import { drawValues } from './values.js';
import { drawLossChart } from './chart.js';
import { short } from './svg.js';
import { editor, clearErrors, showProblem, parseEditor } from './editor.js';
import { setEditor } from './controls.js';
import { markValue } from './mark.js';
import { $, setState, say } from './page.js';

const stepsInput = $('steps');
const stepsError = $('steps-error');

let busy = false;
let shown = null; // { text, request, response } of the step on screen
let mark = null; // the neuron or weight the playground asked to see, marked on every drawing

/** Runs work unless another is running; the page's state says busy meanwhile, then ready or error. */
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
  markValue(mark);
}

/** Draws the step on screen again (another example of the batch chosen); nothing before the first step. */
export function redraw() {
  if (shown) draw();
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

export const show = () => guarded(computeStep);

/** A control's change to the request: applied to the editor's JSON, then the step shown. */
export async function edit(change) {
  const request = parseEditor();
  if (!request) return;
  setEditor(change(request));
  await show();
}

export async function takeStep() {
  return guarded(async () => {
    if (!shown || shown.text !== editor.value) {
      if (!(await computeStep())) return false;
    }
    const { request, response } = shown;
    setEditor(applyUpdate(request, response.update.layers, response.optimizerState));
    return computeStep();
  });
}

export async function train() {
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

function openRequest(request, description, steps) {
  $('example-description').textContent = description || '';
  stepsInput.value = String(steps || 100);
  $('chart').replaceChildren(Object.assign(document.createElement('p'), { className: 'hint', textContent: 'Train to see the loss curve.' }));
  $('train-summary').textContent = '';
  $('batch-row').replaceChildren();
  setEditor(request);
  return computeStep();
}

export async function loadExample(name) {
  return guarded(async () => {
    const { body } = await getJson(`/examples/${encodeURIComponent(name)}`);
    mark = null;
    return openRequest(body.request, body.description, body.suggestedSteps);
  });
}

/** A step handed over by the playground, with the neuron or weight it marks (kept on every redraw). */
export async function loadHandedOver(request, description, marked) {
  return guarded(async () => {
    mark = marked || null;
    return openRequest(request, description, 100);
  });
}
