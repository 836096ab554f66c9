// The page's entry point: lists the examples, wires the buttons and controls, and opens the first example.
// The parts: editor.js (the JSON and its errors), controls.js (the selects that edit it), flow.js (requests
// to the service and drawing their answers), exercise.js (exercise mode), python.js (the step as a script),
// page.js (what they share).

import { getJson } from './api.js';
import { watchEditor } from './editor.js';
import { bindControls, syncControls } from './controls.js';
import { show, edit, takeStep, train, loadExample, redraw } from './flow.js';
import { $, setState } from './page.js';
import { newExercise, checkAnswers } from './exercise.js';
import { downloadPython } from './python.js';

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
  $('download-python').addEventListener('click', downloadPython);
  $('exercise-new').addEventListener('click', () => newExercise());
  $('exercise-form').addEventListener('submit', checkAnswers);
  bindControls(edit);
  watchEditor(syncControls);
  await loadExample(first);
  // /?exercise=2&seed=7 opens that exercise
  const exercise = new URLSearchParams(window.location.search).get('exercise');
  if (exercise && ['1', '2', '3'].includes(exercise)) {
    $('exercise-level').value = exercise;
    const seed = new URLSearchParams(window.location.search).get('seed');
    await newExercise(seed === null ? undefined : seed);
  }
}

start();
