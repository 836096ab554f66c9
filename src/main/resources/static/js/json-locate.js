// Where in a JSON text a JSON Pointer (RFC 6901) points: used to put the service's error next to the field it
// names. A small scanner that records the start of every value (and of every member's key); it stops quietly
// at the first syntax error, keeping what it found before it.

function escapeToken(token) {
  return String(token).replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Map pointer -> offset in text where that member's key (or that array element) starts. */
export function pointerOffsets(text) {
  const offsets = new Map();
  let i = 0;
  const ws = () => {
    while (i < text.length && ' \t\r\n'.includes(text[i])) i++;
  };
  const fail = () => {
    throw new SyntaxError('stop');
  };
  const string = () => {
    if (text[i] !== '"') fail();
    const start = i++;
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    if (i >= text.length) fail();
    i++;
    return JSON.parse(text.slice(start, i));
  };
  const value = (pointer) => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') { i++; return; }
      for (;;) {
        ws();
        const keyStart = i;
        const key = string();
        const child = pointer + '/' + escapeToken(key);
        if (!offsets.has(child)) offsets.set(child, keyStart);
        ws();
        if (text[i] !== ':') fail();
        i++;
        value(child);
        ws();
        if (text[i] === ',') { i++; continue; }
        if (text[i] === '}') { i++; return; }
        fail();
      }
    } else if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') { i++; return; }
      for (let index = 0; ; index++) {
        ws();
        const child = pointer + '/' + index;
        offsets.set(child, i);
        value(child);
        ws();
        if (text[i] === ',') { i++; continue; }
        if (text[i] === ']') { i++; return; }
        fail();
      }
    } else if (c === '"') {
      string();
    } else {
      const match = /^-?[0-9.eE+-]+|^true|^false|^null/.exec(text.slice(i, i + 400));
      if (!match) fail();
      i += match[0].length;
    }
  };
  ws();
  offsets.set('', i);
  try {
    value('');
  } catch (e) {
    if (!(e instanceof SyntaxError)) throw e;
  }
  return offsets;
}

/** 1-based line of an offset. */
export function lineOf(text, offset) {
  let line = 1;
  for (let k = 0; k < offset && k < text.length; k++) if (text[k] === '\n') line++;
  return line;
}

/**
 * Where to show an error for a pointer: the line of the field itself, or, for a field that is missing, the line
 * of the nearest enclosing value that is there ({ line, exact }).
 */
export function locate(text, pointer, offsets = pointerOffsets(text)) {
  let p = pointer || '';
  let exact = true;
  while (!offsets.has(p) && p !== '') {
    p = p.slice(0, p.lastIndexOf('/'));
    exact = false;
  }
  const offset = offsets.get(p);
  return offset === undefined ? null : { line: lineOf(text, offset), exact, pointer: p };
}
