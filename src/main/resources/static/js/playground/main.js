// The playground's entry point: restores the state from the address (or starts from the defaults), wires the
// controls to the run, and draws every answer: heat map, network, loss curves, numbers and counters.
// trainer.js says how the requests are scheduled.

import { ProblemError } from '../api.js';
import { short } from '../svg.js';
import { defaults, isRegression, POINTS } from './settings.js';
import { Controls } from './controls.js';
import { Trainer } from './trainer.js';
import { NetworkView } from './network-view.js';
import { Curves } from './curves.js';
import { drawHeatmap, drawThumbnail, legendText } from './heatmap.js';
import { readLink, writeLink } from './link.js';
import { copyLink, downloadData, downloadNetwork } from './exports.js';
import { describe, marks, openStep } from './inspect.js';
import { getJson } from './service.js';

const $ = (id) => document.getElementById(id);
const say = (text) => { $('status').textContent = text; };

function metric(id, value, percent = false) {
  const field = $(id);
  if (!Number.isFinite(value)) {
    field.textContent = '–';
    delete field.dataset.value;
    return;
  }
  field.textContent = percent ? `${(value * 100).toFixed(1)} %` : short(value);
  field.dataset.value = String(value);
  field.title = String(value);
}

function problemText(error) {
  if (error instanceof ProblemError) {
    const first = error.errors[0];
    return `The service refused: ${error.problem.title || error.message}${first ? ` (${first.pointer || first.parameter || ''} ${first.message})` : ''}.`;
  }
  return `Something went wrong: ${error.message}.`;
}

const trainer = new Trainer({
  update(run) {
    const { settings, data, model } = run;
    const regression = isRegression(settings.dataset);
    drawHeatmap($('heatmap'), model.grid, data, { regression, showTest: settings.showTest });
    $('heatmap-legend').textContent = legendText(regression);
    network.update(settings.features, model.layers, model.grid);
    curves.draw(model.history);
    const m = model.metrics || {};
    metric('train-loss', m.dataLoss ?? m.loss);
    metric('test-loss', m.testLoss);
    metric('train-accuracy', m.accuracy, true);
    metric('test-accuracy', m.testAccuracy, true);
    $('step-count').textContent = String(model.steps);
    $('epoch-count').textContent = String(model.epoch);
    const rate = run.rate();
    $('update-rate').textContent = run.playing && rate ? rate.toFixed(1) : '–';
    document.body.dataset.updates = String(run.updates);
    fillInspector(run);
    writeLink(settings, model, { soon: run.playing });
  },
  state(run) {
    const play = $('play');
    play.textContent = run.playing ? 'Pause' : 'Play';
    play.setAttribute('aria-pressed', String(run.playing));
    document.body.dataset.state = run.playing ? 'playing' : run.busy() ? 'busy' : 'ready';
    if (!run.playing && !run.busy() && run.model) writeLink(run.settings, run.model); // the state at rest, always
    if (!run.playing && !run.busy() && run.model && !run.failed) {
      const m = run.model.metrics || {};
      say(`Step ${run.model.steps}: training loss ${short(m.dataLoss ?? m.loss)}`
        + `${Number.isFinite(m.testLoss) ? `, test loss ${short(m.testLoss)}` : ''}.`);
    }
  },
  problem(error) {
    say(problemText(error));
  },
});

const network = new NetworkView($('network'), inspect);
const curves = new Curves($('curves'));
let inspectorKey = null;

function fillInspector(run) {
  const key = JSON.stringify([run.settings.features, run.model.layers.map((l) => [l.weights.length, l.weights[0].length])]);
  if (key === inspectorKey) return;
  inspectorKey = key;
  const select = $('inspect-target');
  select.replaceChildren(...marks(run.model.layers).map((mark) => new Option(describe(mark, run.settings.features, run.model.layers), JSON.stringify(mark))));
}

async function inspect(mark) {
  trainer.pause();
  await trainer.exclusive(() => null); // the answer in flight, if any, lands first
  say(`Opening the step view on the ${describe(mark, trainer.settings.features, trainer.model.layers)}…`);
  await openStep(trainer.settings, trainer.data, trainer.model, mark);
}

const controls = new Controls(async (kind, settings) => {
  if (kind === 'view') {
    trainer.settings = settings;
    trainer.view.update(trainer);
  } else if (kind === 'optimizer') {
    await trainer.switchOptimizer(settings);
  } else if (kind === 'training') {
    await trainer.retune(settings);
  } else {
    await trainer.change(settings, { reset: true });
  }
  if (trainer.model) writeLink(trainer.settings, trainer.model, { soon: trainer.playing });
});

/** The seven data sets' thumbnails, one request after another, behind whatever the run is doing. */
async function thumbnails(list) {
  for (const entry of list) {
    const canvas = controls.thumbnails[entry.name];
    if (!canvas) continue;
    const label = canvas.closest('label');
    label.title = `${entry.title}: ${entry.description}`;
    label.querySelector('span').textContent = entry.title;
    try {
      const body = await trainer.exclusive(() => getJson(`${entry.href}?points=${POINTS}&noise=0&testFraction=0.5`));
      const points = (set) => ({ points: set.inputs, label: set.label });
      drawThumbnail(canvas, { train: points(body.train), test: points(body.test) }, entry.kind === 'regression');
    } catch (e) {
      // a missing thumbnail leaves the name, which is enough to choose by
    }
  }
}

async function start() {
  let restored = null;
  let linkProblem = null;
  try {
    restored = await readLink();
  } catch (e) {
    linkProblem = `The link could not be read: ${e.message}. Here is a fresh network instead.`;
  }
  const settings = restored ? restored.settings : defaults();
  controls.show(settings);
  const hadModel = Boolean(restored && restored.model);
  const restoredOk = hadModel && (await trainer.restore(settings, restored.model));
  const ok = restoredOk || (await trainer.change(settings, { reset: true }));
  if (!ok) {
    // the problem is on show
  } else if (hadModel && !restoredOk) {
    say('The service refused the weights in the link: here is a fresh network with its settings.');
  } else if (restored && restored.notes.length) {
    say(`Restored from the link, except ${restored.notes.join(', ')} (the defaults instead).`);
  } else if (restoredOk) {
    say(`Restored from the link: step ${trainer.model.steps}, the same weights. Press Play to go on.`);
  } else {
    say(linkProblem || 'Press Play to watch the network learn; pause to click into its numbers.');
  }

  $('play').addEventListener('click', () => (trainer.playing ? trainer.pause() : trainer.play()));
  $('one-step').addEventListener('click', () => trainer.step());
  $('reset').addEventListener('click', () => trainer.change(trainer.settings, { reset: true }));
  $('inspect-open').addEventListener('click', () => inspect(JSON.parse($('inspect-target').value)));
  $('copy-link').addEventListener('click', async () => say(await copyLink(trainer.settings, trainer.model)));
  $('download-csv').addEventListener('click', () => downloadData(trainer.settings, trainer.data));
  $('download-json').addEventListener('click', () => downloadNetwork(trainer.settings, trainer.data, trainer.model));
  // back from the step view through the browser's cache: the same page, as it was left
  window.addEventListener('pageshow', (event) => {
    if (event.persisted && trainer.model) say(`Back at step ${trainer.model.steps}: the same weights. Press Play to go on.`);
  });
  window.addEventListener('resize', () => trainer.model && trainer.view.update(trainer));
  document.body.dataset.state = 'ready';
  try {
    await thumbnails(await trainer.exclusive(() => getJson('/datasets')));
  } catch (e) {
    // the data sets keep their names
  }
}

start();
