import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { MiddlewareHandler } from 'hono';

export type Encoding = 'br' | 'gzip';

/** Below this, headers outweigh the saving. */
export const COMPRESS_THRESHOLD = 1024;

const COMPRESSIBLE =
  /^(text\/|application\/(json|manifest\+json|javascript|xml)|image\/svg\+xml|image\/x-icon)/i;

/** Server-sent events are an endless stream: buffering them to compress would hang. */
const STREAMING = /^text\/event-stream/i;

export function isCompressible(contentType: string | null | undefined): boolean {
  return !!contentType && COMPRESSIBLE.test(contentType) && !STREAMING.test(contentType);
}

/** Picks br over gzip when both are acceptable (RFC 9110 q-values, `*` included). */
export function negotiateEncoding(acceptEncoding: string | null | undefined): Encoding | null {
  if (!acceptEncoding) return null;
  const q = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [token, ...params] = part.trim().toLowerCase().split(';');
    if (!token) continue;
    let weight = 1;
    for (const p of params) {
      const m = /^\s*q=([0-9.]+)\s*$/.exec(p);
      if (m) weight = Number(m[1]);
    }
    q.set(token, Number.isFinite(weight) ? weight : 0);
  }
  const weightOf = (enc: Encoding) => q.get(enc) ?? q.get('*') ?? 0;
  if (weightOf('br') > 0 && weightOf('br') >= weightOf('gzip')) return 'br';
  if (weightOf('gzip') > 0) return 'gzip';
  return null;
}

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/**
 * zlib runs on libuv's thread pool, so compressing a large pull page does not block the
 * event loop. `best` is for immutable static files that are compressed once and cached.
 */
export function compressBuffer(buf: Uint8Array, enc: Encoding, best = false): Promise<Buffer> {
  if (enc === 'br') {
    return brotli(buf, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: best ? constants.BROTLI_MAX_QUALITY : 5,
        [constants.BROTLI_PARAM_SIZE_HINT]: buf.byteLength,
      },
    });
  }
  return gz(buf, { level: best ? constants.Z_BEST_COMPRESSION : 6 });
}

export function addVary(headers: Headers, value: string): void {
  const current = headers.get('Vary');
  if (!current) headers.set('Vary', value);
  else if (current !== '*' && !current.toLowerCase().includes(value.toLowerCase())) {
    headers.set('Vary', `${current}, ${value}`);
  }
}

/**
 * Compresses dynamic responses (API JSON, HTML notes). hono/compress would do gzip and
 * deflate only; node:zlib also gives us brotli, which is what phones on prepaid data want.
 * Responses that already carry Content-Encoding (static files, compressed and cached by the
 * static handler) pass through.
 */
export function compressResponses(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const res = c.res;
    if (
      c.req.method === 'HEAD' ||
      !res.body ||
      res.status === 204 ||
      res.status === 206 ||
      res.status === 304 ||
      res.headers.has('Content-Encoding') ||
      !isCompressible(res.headers.get('Content-Type')) ||
      /(?:^|,)\s*no-transform\s*(?:,|$)/i.test(res.headers.get('Cache-Control') ?? '')
    ) {
      return;
    }
    addVary(res.headers, 'Accept-Encoding');
    const enc = negotiateEncoding(c.req.header('Accept-Encoding'));
    if (!enc) return;
    const body = new Uint8Array(await res.arrayBuffer());
    const headers = new Headers(res.headers);
    // zlib returns Buffers over plain ArrayBuffers; @types/node types them too loosely for
    // the Response constructor.
    let out: Uint8Array<ArrayBuffer> = body;
    if (body.byteLength >= COMPRESS_THRESHOLD) {
      out = (await compressBuffer(body, enc)) as Uint8Array<ArrayBuffer>;
      headers.set('Content-Encoding', enc);
    }
    headers.set('Content-Length', String(out.byteLength));
    // Clear first: assigning over an existing c.res would copy its old headers (e.g. the
    // uncompressed Content-Length) onto the new response.
    c.res = undefined;
    c.res = new Response(out, { status: res.status, statusText: res.statusText, headers });
  };
}
