// The run: the model (parameters, optimizer state, counters, history, pictures) and the requests that move
// it. Scheduling: a loop of short /train requests, one epoch each, the next sent when the last answer is in
// (and the one before it drawn), so there is never more than one request in flight and nothing queues
// behind it; every answer carries the parameters, the optimizer state (with the epoch and the
// position in it) and the grid, so pausing, sharing and opening a step stop at an exact, continuable state.
// (A streamed /train would send pictures as fast, but its progress events carry no optimizer state.)

import { loadData, initialLayers, trainBody, stepsPerEpoch, dataKey, postJson } from './service.js';

const HISTORY_POINTS = 400;
const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));

export function emptyModel(layers) {
  return { layers, optimizerState: null, steps: 0, epoch: 0, history: [], metrics: null, grid: null };
}

export class Trainer {
  /** view: { update(trainer), state(trainer), problem(error) } */
  constructor(view) {
    this.view = view;
    this.settings = null;
    this.data = null;
    this.model = null;
    this.playing = false;
    this.inFlight = 0;
    this.pending = 0; // tasks started by guard and not yet done
    this.updates = 0;
    this.times = [];
    this.chain = Promise.resolve();
    this.version = 0;
  }

  /** Runs task after the one running now (each task makes its requests one after another). */
  exclusive(task) {
    const run = this.chain.then(task);
    this.chain = run.catch(() => {});
    return run;
  }

  async request(body) {
    this.inFlight++;
    try {
      return await postJson('/train', body);
    } finally {
      this.inFlight--;
    }
  }

  /** Takes an answer of /train into the model: parameters, state, counters, the history's new point, pictures. */
  absorb(answer) {
    const model = this.model;
    const fullBatch = !answer.optimizerState || answer.optimizerState.epoch === undefined;
    model.layers = answer.layers;
    model.optimizerState = answer.optimizerState;
    model.steps += answer.stepsRun;
    model.epoch = fullBatch ? model.epoch + answer.stepsRun : answer.optimizerState.epoch;
    const last = answer.history[answer.history.length - 1];
    model.metrics = { ...last, step: model.steps };
    const previous = model.history[model.history.length - 1];
    if (!previous || previous.step !== model.steps) {
      model.history.push({ step: model.steps, loss: last.dataLoss ?? last.loss, testLoss: last.testLoss });
      if (model.history.length > HISTORY_POINTS) {
        model.history = model.history.filter((_, k) => k % 2 === 0 || k === model.history.length - 1);
      }
    }
    model.grid = answer.grid;
    if (answer.stoppedBecause === 'diverged') {
      this.failed = true;
      this.pause();
      this.view.problem(new Error(`the loss stopped being finite at step ${model.steps}: the network is kept as it was just `
        + 'before; lower the learning rate and reset'));
    }
  }

  /** One update's request, its answer taken in (not drawn yet). */
  async fetchUpdate(steps) {
    const answer = await this.request(trainBody(this.settings, this.data, this.model, steps));
    this.updates++;
    const now = performance.now();
    this.times = [...this.times.filter((t) => now - t < 3000), now];
    this.absorb(answer);
  }

  async train(steps) {
    await this.fetchUpdate(steps);
    this.view.update(this);
  }

  /** the updates per second over the last three seconds of play */
  rate() {
    if (this.times.length < 2) return null;
    return (this.times.length - 1) / ((this.times[this.times.length - 1] - this.times[0]) / 1000);
  }

  async look() {
    this.absorb(await this.request(trainBody(this.settings, this.data, this.model, 1, true)));
    this.view.update(this);
  }

  /**
   * Plays: the next request leaves as soon as an answer is taken in, and that answer is drawn at the next frame
   * while the request is out; before the one after, the drawing must be done. So one request is in flight,
   * drawing and computing overlap, and a hidden tab (no frames) stops after its request.
   */
  async play() {
    if (this.playing) return;
    this.playing = true;
    this.failed = false;
    this.times = [];
    this.view.state(this);
    let drawn = Promise.resolve();
    while (this.playing) {
      try {
        await this.exclusive(() => (this.playing ? this.fetchUpdate(stepsPerEpoch(this.settings, this.data)) : null));
      } catch (e) {
        this.failed = true;
        this.pause();
        this.view.problem(e);
        break;
      }
      await drawn;
      drawn = nextFrame().then(() => this.view.update(this));
    }
    await drawn;
    this.view.state(this);
  }

  pause() {
    if (!this.playing) return;
    this.playing = false;
    this.view.state(this);
  }

  /** One optimizer step: exactly the step the step view shows for this state. */
  async step() {
    this.pause();
    return this.guard(() => this.train(1));
  }

  /** Runs task in turn; the page says busy until it is done, then what went wrong if anything did. */
  async guard(task) {
    this.pending++;
    this.failed = false;
    this.view.state(this);
    try {
      await this.exclusive(task);
      return true;
    } catch (e) {
      this.failed = true;
      this.view.problem(e);
      return false;
    } finally {
      this.pending--;
      this.view.state(this);
    }
  }

  busy() {
    return this.pending > 0 || this.inFlight > 0;
  }

  /** New settings: the data again when they changed, new weights when reset, else only a look. */
  async change(settings, { reset = false } = {}) {
    const version = ++this.version;
    return this.guard(async () => {
      if (version !== this.version) return; // a later change supersedes this one
      const dataChanged = !this.data || this.data.key !== dataKey(settings);
      this.settings = settings;
      if (dataChanged) this.data = await loadData(settings);
      if (reset || dataChanged || !this.model) {
        this.model = emptyModel(await initialLayers(settings));
        await this.look();
      }
    });
  }

  /** A model restored from a link: its parameters looked at afresh, its history as the link kept it. */
  async restore(settings, model) {
    return this.guard(async () => {
      this.settings = settings;
      this.data = await loadData(settings);
      this.model = { ...emptyModel(model.layers), ...model };
      await this.look();
    });
  }

  /** Another optimizer: its memory starts afresh, the place in the epoch is kept. */
  switchOptimizer(settings) {
    return this.guard(async () => {
      this.settings = settings;
      const state = this.model.optimizerState || {};
      const next = { type: settings.optimizer, step: 0 };
      if (state.epoch !== undefined) Object.assign(next, { epoch: state.epoch, position: state.position });
      else if (this.model.epoch > 0) Object.assign(next, { epoch: this.model.epoch, position: 0 });
      this.model.optimizerState = next;
    });
  }

  /** Other training settings (rate, penalty, batch size): the run goes on from where it is. */
  retune(settings) {
    return this.guard(async () => {
      const state = this.model.optimizerState;
      // from full batches to mini-batches: the epochs counted so far carry on
      if (state && state.epoch === undefined && this.model.epoch > 0) {
        this.model.optimizerState = { ...state, epoch: this.model.epoch, position: 0 };
      }
      this.settings = settings;
    });
  }
}
