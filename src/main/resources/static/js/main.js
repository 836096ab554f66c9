// The page's entry point: lists the examples, wires the buttons and controls, and opens the first example.
// The parts: editor.js (the JSON and its errors), controls.js (the selects that edit it), flow.js (requests
// to the service and drawing their answers), page.js (what they share).

import { getJson } from './api.js';
import { watchEditor } from './editor.js';
import { bindControls, syncControls } from './controls.js';
import { show, edit, takeStep, train, loadExample, redraw } from './flow.js';
import { $, setState } from './page.js';

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
  $('batch-row').addEventListener('change', redraw);
  bindControls(edit);
  watchEditor(syncControls);
  await loadExample(first);
}

start();
