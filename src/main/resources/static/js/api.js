// Calls to the service (same origin) and reading its JSON with every number's text kept as sent.

/** holder (array or object) -> Map(key -> the number's text exactly as the JSON has it) */
const sources = new WeakMap();

/** Parses JSON, remembering each number's source text where the browser offers it (JSON.parse source text access). */
export function parseJson(text) {
  return JSON.parse(text, function (key, value, context) {
    if (typeof value === 'number' && context && typeof context.source === 'string') {
      let map = sources.get(this);
      if (!map) {
        map = new Map();
        sources.set(this, map);
      }
      map.set(String(key), context.source);
    }
    return value;
  });
}

/** The text of holder[key] as the service wrote it (full precision), or JavaScript's shortest round-trip form. */
export function numberText(holder, key) {
  const value = holder[key];
  if (typeof value !== 'number') {
    return value === null || value === undefined ? '—' : String(value);
  }
  const map = sources.get(holder);
  const text = map && map.get(String(key));
  return text !== undefined ? text : String(value);
}

/** A problem+json answer, with its errors list (pointer, message). */
export class ProblemError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
    this.errors = Array.isArray(problem.errors) ? problem.errors : [];
  }
}

async function read(response) {
  const text = await response.text();
  let body;
  try {
    body = text ? parseJson(text) : {};
  } catch (e) {
    throw new ProblemError(response.status, { title: `The service answered ${response.status} with a body that is not JSON` });
  }
  if (!response.ok) {
    throw new ProblemError(response.status, body);
  }
  return { body, language: response.headers.get('Content-Language') };
}

export async function getJson(path) {
  return read(await fetch(path, { headers: { Accept: 'application/json' } }));
}

/** POSTs a body (already a JSON string) and returns { body, language }. */
export async function postJson(path, json, language) {
  const headers = { 'Content-Type': 'application/json', Accept: 'application/json' };
  if (language) {
    headers['Accept-Language'] = language;
  }
  return read(await fetch(path, { method: 'POST', headers, body: json }));
}

/** POSTs a body (already a JSON string) asking for another media type; returns the answer's text. */
export async function postForText(path, json, accept, language) {
  const headers = { 'Content-Type': 'application/json', Accept: accept };
  if (language) {
    headers['Accept-Language'] = language;
  }
  const response = await fetch(path, { method: 'POST', headers, body: json });
  if (!response.ok) {
    await read(response);
  }
  return response.text();
}

/** GETs JSON in a language. */
export async function getJsonIn(path, language) {
  const headers = { Accept: 'application/json' };
  if (language) {
    headers['Accept-Language'] = language;
  }
  return read(await fetch(path, { headers }));
}
