// A JSON value as a short text for a URL fragment, and back: deflate-raw (CompressionStream) and base64url,
// marked "z"; where the browser has no CompressionStream, the JSON's UTF-8 in base64url, marked "j". Numbers
// go through JSON.stringify, which writes every double so that it reads back exactly.

function toBase64Url(bytes) {
  let binary = '';
  for (let k = 0; k < bytes.length; k += 0x8000) binary += String.fromCharCode(...bytes.subarray(k, k + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text) {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = new Uint8Array(binary.length);
  for (let k = 0; k < binary.length; k++) bytes[k] = binary.charCodeAt(k);
  return bytes;
}

async function pipe(bytes, stream) {
  const out = new Blob([bytes]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(out).arrayBuffer());
}

/** value -> "z…" (compressed) or "j…" (not): safe in a URL fragment without escaping. */
export async function encodeValue(value) {
  const bytes = new TextEncoder().encode(JSON.stringify(value));
  if (typeof CompressionStream === 'function') {
    try {
      return 'z' + toBase64Url(await pipe(bytes, new CompressionStream('deflate-raw')));
    } catch (e) {
      // a browser that knows the class but not the format: fall through to the plain form
    }
  }
  return 'j' + toBase64Url(bytes);
}

/** The value encodeValue wrote; throws an Error saying why when the text cannot be read. */
export async function decodeValue(text) {
  const kind = text.charAt(0);
  let bytes;
  try {
    bytes = fromBase64Url(text.slice(1));
  } catch (e) {
    throw new Error('the link is damaged (not base64url)');
  }
  if (kind === 'z') {
    if (typeof DecompressionStream !== 'function') {
      throw new Error('this browser cannot read compressed links (no DecompressionStream)');
    }
    try {
      bytes = await pipe(bytes, new DecompressionStream('deflate-raw'));
    } catch (e) {
      throw new Error('the link is damaged (it does not decompress)');
    }
  } else if (kind !== 'j') {
    throw new Error('the link is not one this page wrote');
  }
  try {
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch (e) {
    throw new Error('the link is damaged (not JSON)');
  }
}
