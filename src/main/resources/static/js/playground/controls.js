// The playground's controls: data set (thumbnails), test share, noise, batch size, features, hidden layers,
// initial weights, learning rate, optimizer and penalty. Each change gives the new settings and what kind of
// change it is: 'data' (new data, new weights), 'network' (new weights), 'optimizer', 'training' (the run goes
// on) or 'view'.

import {
  FEATURES, FEATURE_LABELS, ACTIVATIONS, OPTIMIZERS, LEARNING_RATES, REGULARIZATIONS, REGULARIZATION_RATES,
  INITS, DATASETS, MAX_LAYERS, MAX_NEURONS, outputLayer,
} from './settings.js';

const $ = (id) => document.getElementById(id);

function fillSelect(select, values, label = String) {
  select.replaceChildren(...values.map((v) => new Option(label(v), String(v))));
}

function button(text, label, onClick) {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = 'small';
  b.textContent = text;
  b.setAttribute('aria-label', label);
  b.addEventListener('click', onClick);
  return b;
}

export class Controls {
  /** onChange(kind, settings) */
  constructor(onChange) {
    this.onChange = onChange;
    this.settings = null;
    this.thumbnails = {};
    fillSelect($('learning-rate'), LEARNING_RATES);
    fillSelect($('optimizer'), OPTIMIZERS);
    fillSelect($('regularization'), REGULARIZATIONS);
    fillSelect($('regularization-rate'), REGULARIZATION_RATES);
    fillSelect($('init'), INITS, (v) => ({ xavier: 'Xavier (Glorot)', he: 'He (Kaiming)', uniform: 'uniform ±0.5' })[v]);
    this.buildDatasets();
    this.buildFeatures();
    this.wire();
  }

  change(kind, edit) {
    const next = structuredClone(this.settings);
    edit(next);
    this.show(next);
    this.onChange(kind, next);
  }

  buildDatasets() {
    $('datasets').replaceChildren(...DATASETS.map((name) => {
      const label = document.createElement('label');
      label.className = 'dataset-option';
      const input = Object.assign(document.createElement('input'), { type: 'radio', name: 'dataset', value: name, id: `dataset-${name}` });
      input.addEventListener('change', () => this.change('data', (s) => { s.dataset = name; }));
      const canvas = document.createElement('canvas');
      canvas.className = 'thumbnail';
      canvas.setAttribute('aria-hidden', 'true');
      this.thumbnails[name] = canvas;
      const title = document.createElement('span');
      title.textContent = name;
      label.append(input, canvas, title);
      return label;
    }));
  }

  buildFeatures() {
    $('features').replaceChildren(...FEATURES.map((feature) => {
      const label = document.createElement('label');
      label.className = 'check feature-option';
      const input = Object.assign(document.createElement('input'), { type: 'checkbox', value: feature, id: `feature-${feature}` });
      input.addEventListener('change', () => {
        const chosen = FEATURES.filter((f) => (f === feature ? input.checked : this.settings.features.includes(f)));
        if (chosen.length === 0) {
          input.checked = true; // a network needs at least one input
          return;
        }
        this.change('data', (s) => { s.features = chosen; });
      });
      label.append(input, ` ${FEATURE_LABELS[feature]}`);
      return label;
    }));
  }

  wire() {
    const slider = (id, kind, read) => {
      $(id).addEventListener('input', () => this.showSliders(read($(id).valueAsNumber)));
      $(id).addEventListener('change', () => this.change(kind, (s) => Object.assign(s, read($(id).valueAsNumber))));
    };
    slider('test-share', 'data', (v) => ({ testFraction: v / 100 }));
    slider('noise', 'data', (v) => ({ noise: v / 100 }));
    slider('batch-size', 'training', (v) => ({ batchSize: v }));
    $('regenerate').addEventListener('click', () => this.change('data', (s) => { s.dataSeed += 1; }));
    $('learning-rate').addEventListener('change', (e) => this.change('training', (s) => { s.learningRate = Number(e.target.value); }));
    $('optimizer').addEventListener('change', (e) => this.change('optimizer', (s) => { s.optimizer = e.target.value; }));
    $('regularization').addEventListener('change', (e) => this.change('training', (s) => { s.regularization = e.target.value; }));
    $('regularization-rate').addEventListener('change', (e) => this.change('training', (s) => { s.regularizationRate = Number(e.target.value); }));
    $('init').addEventListener('change', (e) => this.change('network', (s) => { s.init = e.target.value; }));
    $('init-seed').addEventListener('change', (e) => {
      const seed = e.target.valueAsNumber;
      if (Number.isSafeInteger(seed) && seed >= 0) this.change('network', (s) => { s.initSeed = seed; });
      else e.target.value = String(this.settings.initSeed);
    });
    $('add-layer').addEventListener('click', () => {
      if (this.settings.hidden.length < MAX_LAYERS) this.change('network', (s) => { s.hidden.push({ neurons: 2, activation: 'tanh' }); });
    });
    $('remove-layer').addEventListener('click', () => {
      if (this.settings.hidden.length > 0) this.change('network', (s) => { s.hidden.pop(); });
    });
    $('show-test').addEventListener('change', (e) => this.change('view', (s) => { s.showTest = e.target.checked; }));
  }

  showSliders(values) {
    const s = { ...this.settings, ...values };
    $('test-share-value').textContent = `${Math.round(s.testFraction * 100)} %`;
    $('noise-value').textContent = `${Math.round(s.noise * 100)} %`;
    $('batch-size-value').textContent = String(s.batchSize);
  }

  /** The hidden layers' rows: rebuilt when their number changes, else updated in place (focus stays). */
  showLayers(hidden) {
    const list = $('layer-list');
    if (list.children.length !== hidden.length) {
      list.replaceChildren(...hidden.map((_, l) => {
        const item = document.createElement('li');
        const count = document.createElement('span');
        count.className = 'neuron-count';
        const select = document.createElement('select');
        select.id = `activation-${l}`;
        select.setAttribute('aria-label', `Layer ${l + 1} activation`);
        fillSelect(select, ACTIVATIONS);
        select.addEventListener('change', () => this.change('network', (s) => { s.hidden[l].activation = select.value; }));
        const resize = (by) => {
          const neurons = this.settings.hidden[l].neurons + by;
          if (neurons >= 1 && neurons <= MAX_NEURONS) this.change('network', (s) => { s.hidden[l].neurons = neurons; });
        };
        const fewer = button('−', `Fewer neurons in layer ${l + 1}`, () => resize(-1));
        const more = button('+', `More neurons in layer ${l + 1}`, () => resize(1));
        item.append(`Layer ${l + 1}: `, fewer, count, more, select);
        return item;
      }));
    }
    hidden.forEach((layer, l) => {
      const item = list.children[l];
      item.querySelector('.neuron-count').textContent = `${layer.neurons} neuron${layer.neurons === 1 ? '' : 's'}`;
      item.querySelector('select').value = layer.activation;
      // at a bound the button does nothing and says so; it keeps the focus (a disabled button would drop it)
      const [fewer, more] = item.querySelectorAll('button');
      fewer.setAttribute('aria-disabled', String(layer.neurons <= 1));
      more.setAttribute('aria-disabled', String(layer.neurons >= MAX_NEURONS));
    });
    $('add-layer').setAttribute('aria-disabled', String(hidden.length >= MAX_LAYERS));
    $('remove-layer').setAttribute('aria-disabled', String(hidden.length === 0));
  }

  /** Puts settings on every control. */
  show(settings) {
    this.settings = settings;
    $(`dataset-${settings.dataset}`).checked = true;
    $('test-share').value = String(Math.round(settings.testFraction * 100));
    $('noise').value = String(Math.round(settings.noise * 100));
    $('batch-size').value = String(settings.batchSize);
    this.showSliders({});
    for (const feature of FEATURES) $(`feature-${feature}`).checked = settings.features.includes(feature);
    this.showLayers(settings.hidden);
    $('output-note').textContent = outputLayer(settings.dataset).text;
    $('init').value = settings.init;
    $('init-seed').value = String(settings.initSeed);
    $('learning-rate').value = String(settings.learningRate);
    $('optimizer').value = settings.optimizer;
    $('regularization').value = settings.regularization;
    $('regularization-rate').value = String(settings.regularizationRate);
    $('regularization-rate').disabled = settings.regularization === 'none';
    $('show-test').checked = settings.showTest;
  }
}
