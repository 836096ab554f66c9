// Trains XOR with Backprop Lab's POST /train-step, one step per request: a JavaScript module
// without dependencies for the browser and Node 20 (both have fetch).
//
//   node train-xor.mjs [BASE_URL] [STEPS]      (defaults: http://localhost:8080, 1000)
//
// or, in a page:  import { trainXor } from './train-xor.mjs';
//                 await trainXor('http://localhost:8080', { onProgress: (step, loss) => ... });
// (from another origin the service must allow it: backprop.cors.allowed-origins).
//
// Starts from the XOR network of GET /examples/xor, sends each answer's `update.layers` and
// `optimizerState` back as the next request's `layers` and `optimizerState`, and reports the loss
// every 100 steps. Asks for `include=summary`, the part of the answer a training loop needs.

async function call(method, url, body) {
  const response = await fetch(url, {
    method,
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const answer = await response.json();
  if (!response.ok) {
    // every error is application/problem+json
    throw new Error(`${method} ${url}: ${response.status} ${answer.title}: ${answer.detail}`);
  }
  return answer;
}

/** Trains XOR for `steps` steps; resolves to the final loss. */
export async function trainXor(baseUrl = 'http://localhost:8080', { steps = 1000, onProgress = () => {} } = {}) {
  const base = baseUrl.replace(/\/+$/, '');
  const body = (await call('GET', `${base}/examples/xor`)).request;
  let loss;
  for (let step = 0; step < steps; step++) {
    const answer = await call('POST', `${base}/train-step?include=summary`, body);
    if (step % 100 === 0) {
      onProgress(step, answer.forward.loss);
    }
    body.layers = answer.update.layers;
    body.optimizerState = answer.optimizerState;
    loss = answer.after.loss;
  }
  onProgress(steps, loss);
  return loss;
}

// Run from the command line (Node): node train-xor.mjs [BASE_URL] [STEPS]
const argv = globalThis.process?.argv;
if (argv?.[1] && import.meta.url === new URL(`file://${argv[1]}`).href) {
  const steps = argv[3] ? Number(argv[3]) : 1000;
  const loss = await trainXor(argv[2], {
    steps,
    onProgress: (step, value) => console.log(`step ${String(step).padStart(5)}  loss ${value.toFixed(6)}`),
  });
  globalThis.process.exitCode = loss < 0.01 ? 0 : 1;
}
