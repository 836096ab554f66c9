// Exercise mode: an exercise from /exercises/random, a field for every value it asks, the learner's numbers
// sent to /check exactly as typed (digit for digit: /check judges each at the precision it is written with),
// the verdict with the recognised mistake and a hint for every answer, and after a wrong try the worked step.

import { getJsonIn, postJson, ProblemError } from './api.js';
import { drawValues, h, valueView } from './values.js';
import { $, say, setState } from './page.js';

/** A JSON number as a person may type it: − or - for minus, a leading point, an exponent. */
const NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/;

let current = null; // the exercise on screen

function language() {
  return $('language').value || 'en';
}

/** The numbers typed in a field, each normalised to JSON's form but with every digit kept; null when not numbers. */
function numbersOf(text) {
  const tokens = text.trim().split(/[\s,;]+/).filter((t) => t !== '');
  const numbers = tokens.map((t) => t.replace(/^[−–]/, '-').replace(/^(-?)\./, (m, sign) => `${sign}0.`).replace(/^\+/, ''));
  return numbers.every((n) => NUMBER.test(n)) ? numbers : null;
}

/** The typed numbers in the question's shape, as JSON text: a number, or rows. */
function answerText(numbers, question) {
  if (question.rows === 1 && question.columns === 1) return numbers[0];
  const rows = [];
  for (let i = 0; i < question.rows; i++) {
    rows.push(`[${numbers.slice(i * question.columns, (i + 1) * question.columns).join(', ')}]`);
  }
  return `[${rows.join(', ')}]`;
}

/** The given values of the exercise's network, as the tables show values. */
function networkView(request) {
  const rows = [['inputs x', request, 'inputs']];
  const layers = request.layers || [{ weights: request.weights, bias: request.bias, activation: request.activation }];
  layers.forEach((layer, l) => {
    const name = layers.length > 1 ? `layer ${l + 1}: ` : '';
    rows.push([`${name}weights W`, layer, 'weights'], [`${name}bias b`, layer, 'bias']);
    rows.push([`${name}activation`, layer, 'activation']);
  });
  rows.push(['label y', request, 'label'], ['loss', request, 'loss'], ['learning rate η', request, 'learningRate']);
  const body = h('tbody');
  for (const [label, holder, key] of rows) {
    const value = typeof holder[key] === 'string' ? h('span', { class: 'num' }, holder[key]) : valueView(holder, key);
    body.append(h('tr', {}, h('th', { scope: 'row' }, label), h('td', { 'data-given': key }, value)));
  }
  return h('table', { class: 'values given' }, h('caption', {}, 'The network'), body);
}

function questionField(question, k) {
  const id = `answer-${k}`;
  const shape = question.rows === 1 && question.columns === 1 ? 'one number'
    : `${question.rows} × ${question.columns}: ${question.rows * question.columns} numbers, row after row`;
  const input = h('input', { id, type: 'text', inputmode: 'decimal', autocomplete: 'off', spellcheck: 'false',
    'data-pointer': question.pointer, 'aria-describedby': `${id}-shape ${id}-verdict` });
  return h('div', { class: 'question' },
    h('label', { for: id }, question.name, ' ', h('code', {}, question.pointer)),
    input,
    h('span', { class: 'hint', id: `${id}-shape` }, shape),
    h('div', { class: 'verdict', id: `${id}-verdict`, 'aria-live': 'polite' }));
}

function show(exercise) {
  current = exercise;
  $('exercise-title-text').textContent = exercise.title;
  $('exercise-instructions').textContent = exercise.instructions;
  $('exercise-seed').textContent = `level ${exercise.level}, seed ${exercise.seed}`;
  $('exercise-network').replaceChildren(networkView(exercise.request));
  $('exercise-questions').replaceChildren(...exercise.questions.map(questionField));
  $('exercise-result').textContent = '';
  $('exercise-worked').hidden = true;
  $('exercise-worked-values').replaceChildren();
  $('exercise').hidden = false;
}

/** Draws a new exercise of the chosen level (and, from ?exercise=2&seed=7, that seed). */
export async function newExercise(seed) {
  setState('busy');
  try {
    const query = `level=${encodeURIComponent($('exercise-level').value)}` + (seed !== undefined ? `&seed=${encodeURIComponent(seed)}` : '');
    const { body } = await getJsonIn(`/exercises/random?${query}`, language());
    show(body);
    say(`Exercise: ${body.title}`);
    setState('ready');
  } catch (e) {
    say(`The exercise could not be loaded: ${e.message}`);
    setState('error');
  }
}

function verdictView(answer) {
  const box = h('div', { class: `result ${answer.correct ? 'right' : 'wrong'}`, 'data-pointer': answer.pointer });
  box.append(h('p', { class: 'outcome' }, answer.correct ? '✓ right' : '✗ not right'));
  if (answer.mistake) {
    box.append(h('p', { class: 'mistake', 'data-code': answer.mistake.code }, answer.mistake.explanation));
  }
  if (answer.hint) box.append(h('p', { class: 'hint-text' }, answer.hint));
  return box;
}

/** Sends the typed numbers to /check; shows the verdicts, and after a wrong try the worked step. */
export async function checkAnswers(event) {
  if (event) event.preventDefault();
  if (!current) return;
  const parts = [];
  let missing = 0;
  current.questions.forEach((question, k) => {
    const input = $(`answer-${k}`);
    const verdict = $(`answer-${k}-verdict`);
    verdict.replaceChildren();
    input.removeAttribute('aria-invalid');
    if (input.value.trim() === '') {
      missing++;
      return;
    }
    const numbers = numbersOf(input.value);
    if (!numbers || numbers.length !== question.rows * question.columns) {
      input.setAttribute('aria-invalid', 'true');
      verdict.replaceChildren(h('p', { class: 'field-error' },
        `Write ${question.rows * question.columns} number(s), such as -0.0188, separated by spaces or commas.`));
      missing++;
      return;
    }
    parts.push(`${JSON.stringify(question.pointer)}: ${answerText(numbers, question)}`);
  });
  if (!parts.length) {
    $('exercise-result').textContent = 'Type at least one answer.';
    return;
  }
  const request = JSON.stringify(current.request);
  const body = `${request.slice(0, -1)}, "answers": {${parts.join(', ')}}}`;
  setState('busy');
  try {
    const { body: answer } = await postJson('/check', body, language());
    let right = 0;
    for (const result of answer.answers) {
      const k = current.questions.findIndex((q) => q.pointer === result.pointer);
      $(`answer-${k}-verdict`).replaceChildren(verdictView(result));
      if (result.correct) right++;
    }
    $('exercise-result').textContent = answer.correct && missing === 0 ? `All ${right} right.`
      : `${right} of ${current.questions.length} right${missing ? ` (${missing} not answered)` : ''}.`;
    if (!answer.correct) await showWorkedStep();
    setState('ready');
  } catch (e) {
    $('exercise-result').textContent = e instanceof ProblemError ? `The service refused the answers: ${e.message}` : e.message;
    setState('error');
  }
}

/** The whole step, every value with its explanation: what to compare a wrong try with. */
async function showWorkedStep() {
  const lang = language();
  const { body, language: answered } = await postJson('/train-step?explain=true', JSON.stringify(current.request), lang);
  drawValues($('exercise-worked-values'), body, answered || lang);
  $('exercise-worked').hidden = false;
}
