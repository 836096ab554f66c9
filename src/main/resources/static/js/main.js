// The page's entry point: lists the examples, wires the buttons and controls, and opens the first example.
// The parts: editor.js (the JSON and its errors), controls.js (the selects that edit it), flow.js (requests
// to the service and drawing their answers), exercise.js (exercise mode), python.js (the step as a script),
// mark.js (a step the playground hands over, its value marked), page.js (what they share).

import { getJson } from './api.js';
import { watchEditor } from './editor.js';
import { bindControls, syncControls } from './controls.js';
import { show, edit, takeStep, train, loadExample, loadHandedOver, redraw } from './flow.js';
import { handedOver, markValue } from './mark.js';
import { $, setState, say } from './page.js';
import { newExercise, checkAnswers } from './exercise.js';
import { downloadPython } from './python.js';

let unreadable = null; // why the playground's link could not be read

/** The step the playground sent (#p=… in the address), or null. */
async function fromPlayground() {
  try {
    return await handedOver();
  } catch (e) {
    unreadable = `The playground's link could not be read: ${e.message}. Here is the seed instead.`;
    return null;
  }
}

function showHandover(handover) {
  $('handover').hidden = false;
  $('handover-what').textContent = handover.what || '';
  if (typeof handover.back === 'string' && handover.back.startsWith('/playground#')) $('handover-back').href = handover.back;
  $('handover-show').addEventListener('click', () => {
    const marked = markValue(handover.mark).filter((e) => e.closest('#values'));
    if (marked.length) marked[0].scrollIntoView({ block: 'center' });
  });
}

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
  const handover = await fromPlayground();
  const openHandover = () => loadHandedOver(handover.body, handover.note, handover.mark);
  if (handover) {
    picker.prepend(new Option('From the playground', 'playground'));
    showHandover(handover);
  }
  picker.value = handover ? 'playground' : first;
  picker.addEventListener('change', () => (picker.value === 'playground' ? openHandover() : loadExample(picker.value)));
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
  if (handover) {
    await openHandover();
    const drawn = markValue(handover.mark).find((e) => e.closest('#graph'));
    if (drawn) drawn.scrollIntoView({ block: 'center', inline: 'nearest' });
    return;
  }
  await loadExample(first);
  if (unreadable) say(unreadable);
  // /?exercise=2&seed=7 opens that exercise
  const exercise = new URLSearchParams(window.location.search).get('exercise');
  if (exercise && ['1', '2', '3'].includes(exercise)) {
    $('exercise-level').value = exercise;
    const seed = new URLSearchParams(window.location.search).get('seed');
    await newExercise(seed === null ? undefined : seed);
  }
}

start();
