// Taking things away: the data set as CSV, the network as the /train-step body (the whole training set as
// its batch), and the link to this very state.

import { formatRequest } from '../request.js';
import { stepBody } from './service.js';
import { writeLink } from './link.js';

function download(name, type, text) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}

/**
 * One row per point: which part it is in (train or test), its x1 and x2, the other chosen features' columns as
 * the service computed them, and its label. Numbers in JavaScript's shortest form that reads back exactly.
 */
export function dataCsv(settings, data) {
  const extra = settings.features.map((f, k) => [f, k]).filter(([f]) => f !== 'x1' && f !== 'x2');
  const lines = [['set', 'x1', 'x2', ...extra.map(([f]) => f), 'label'].join(',')];
  for (const [name, part] of [['train', data.train], ['test', data.test]]) {
    part.points.forEach((point, i) => {
      lines.push([name, point[0], point[1], ...extra.map(([, k]) => part.inputs[i][k]), part.label[i][0]].join(','));
    });
  }
  return lines.join('\n') + '\n';
}

export function downloadData(settings, data) {
  download(`backprop-lab-${settings.dataset}.csv`, 'text/csv', dataCsv(settings, data));
}

export function downloadNetwork(settings, data, model) {
  download(`backprop-lab-${settings.dataset}-step-${model.steps}.json`, 'application/json',
    formatRequest(stepBody(settings, data, model)) + '\n');
}

/** Puts the state in the address and the address on the clipboard; says what happened. */
export async function copyLink(settings, model) {
  await writeLink(settings, model);
  try {
    await navigator.clipboard.writeText(window.location.href);
    return 'The link is on the clipboard: it opens this network with these very weights.';
  } catch (e) {
    return 'The address bar holds the link to this network, weights included: copy it from there.';
  }
}
