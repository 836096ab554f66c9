// The front of .ci/contract's validating proxy: node contract-router.mjs PORT PRISM_URL UPSTREAM_URL SPEC LOG
//
// Prism (prism proxy SPEC UPSTREAM --errors --validate-request=false) checks every answer against the
// document and passes invalid requests on unchanged, but it answers some requests itself instead of
// passing them on: a path or method the document does not have (404 and 405 pages, the actuator,
// CORS preflights) and a JSON body that does not parse; and it would hold back an event stream until
// its end. This router sends those straight to the service and everything else through Prism, and
// writes one JSON line per exchange to LOG: where it went and why, the status, and the violations
// Prism reported (its sl-violations header).
import { appendFileSync, readFileSync } from 'node:fs';
import http from 'node:http';

const [port, prismUrl, upstreamUrl, specPath, logPath] = process.argv.slice(2);
const spec = JSON.parse(readFileSync(specPath, 'utf8'));

const operations = Object.entries(spec.paths ?? {}).map(([template, item]) => ({
  template,
  pattern: new RegExp('^' + template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}/]+\}/g, '[^/]+') + '$'),
  methods: new Set(Object.keys(item).map((m) => m.toUpperCase())),
}));

function documented(method, path) {
  return operations.some((op) => op.pattern.test(path) && op.methods.has(method));
}

function unparseableJson(headers, body) {
  if (body.length === 0 || !/json/i.test(headers['content-type'] ?? '')) {
    return false;
  }
  try {
    JSON.parse(body.toString('utf8'));
    return false;
  } catch {
    return true;
  }
}

function route(request, body) {
  const path = new URL(request.url, 'http://localhost').pathname;
  if (!documented(request.method, path)) {
    return { target: upstreamUrl, via: 'direct', reason: 'not an operation of the document' };
  }
  if (/text\/event-stream/i.test(request.headers.accept ?? '')) {
    return { target: upstreamUrl, via: 'direct', reason: 'an event stream (Prism would hold it back until its end)' };
  }
  if (unparseableJson(request.headers, body)) {
    return { target: upstreamUrl, via: 'direct', reason: 'a body that is not JSON (Prism answers it itself)' };
  }
  return { target: prismUrl, via: 'prism' };
}

http
  .createServer((request, response) => {
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks);
      const { target, via, reason } = route(request, body);
      const url = new URL(request.url, target);
      const headers = { ...request.headers, host: url.host };
      const forward = http.request(url, { method: request.method, headers }, (answer) => {
        let violations = [];
        const header = answer.headers['sl-violations'];
        if (header) {
          try {
            violations = JSON.parse(header);
          } catch {
            violations = [{ message: header }];
          }
        }
        appendFileSync(logPath, JSON.stringify({
          method: request.method, url: request.url, via, reason, status: answer.statusCode, violations,
        }) + '\n');
        response.writeHead(answer.statusCode, answer.rawHeaders);
        answer.pipe(response);
      });
      forward.on('error', (error) => {
        appendFileSync(logPath, JSON.stringify({ method: request.method, url: request.url, via, error: error.message }) + '\n');
        response.writeHead(502, { 'content-type': 'text/plain' });
        response.end(`contract-router: ${via} failed: ${error.message}\n`);
      });
      forward.end(body);
    });
  })
  .listen(Number(port), '127.0.0.1');
