// The request body as the page edits it: formatting, and the changes the controls and the step make.

/** JSON with a matrix row or a flat array of numbers on one line, objects indented: easy to read and edit. */
export function formatRequest(value, indent = '') {
  const inner = indent + '  ';
  if (Array.isArray(value)) {
    if (value.every((v) => v === null || typeof v !== 'object')) {
      return '[' + value.map((v) => JSON.stringify(v)).join(', ') + ']';
    }
    if (value.every((v) => Array.isArray(v) && v.every((x) => x === null || typeof x !== 'object'))) {
      const rows = value.map((v) => formatRequest(v));
      const oneLine = '[' + rows.join(', ') + ']';
      if (oneLine.length <= 72) return oneLine;
      return '[\n' + rows.map((r) => inner + r).join(',\n') + '\n' + indent + ']';
    }
    return '[\n' + value.map((v) => inner + formatRequest(v, inner)).join(',\n') + '\n' + indent + ']';
  }
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value);
    if (keys.length === 0) return '{}';
    return '{\n' + keys.map((k) => inner + JSON.stringify(k) + ': ' + formatRequest(value[k], inner)).join(',\n')
      + '\n' + indent + '}';
  }
  return JSON.stringify(value);
}

/** The layers of a request in network form (a single-layer request becomes one layer). */
export function layersOf(request) {
  if (Array.isArray(request.layers)) return request.layers;
  if (request.weights !== undefined) return [{ weights: request.weights, bias: request.bias, activation: request.activation }];
  return [];
}

/** The next request: the same body with the step's new parameters (and the optimizer's state) in it. */
export function applyUpdate(request, parameters, optimizerState) {
  const next = {};
  for (const [key, value] of Object.entries(request)) {
    if (key === 'weights' || key === 'bias' || key === 'activation') {
      if (!('layers' in next)) next.layers = parameters;
    } else if (key === 'layers') {
      next.layers = parameters;
    } else if (key !== 'optimizerState') {
      next[key] = value;
    }
  }
  if (!('layers' in next)) next.layers = parameters;
  if (optimizerState) next.optimizerState = optimizerState;
  return next;
}

export function activationOf(request, index) {
  if (Array.isArray(request.layers)) return (request.layers[index] || {}).activation || 'sigmoid';
  return request.activation || 'sigmoid';
}

export function setActivation(request, index, activation) {
  if (Array.isArray(request.layers)) {
    request.layers[index].activation = activation;
  } else {
    request.activation = activation;
  }
  return request;
}

export function setLoss(request, loss) {
  request.loss = loss;
  return request;
}

/** Another optimizer with its defaults; the state of the old one no longer applies. */
export function setOptimizer(request, type) {
  if (type === 'sgd') {
    delete request.optimizer;
  } else {
    request.optimizer = { type };
  }
  delete request.optimizerState;
  return request;
}
