import type { Context } from 'hono';
import { apiError } from './errors';

export type JsonBody = { ok: true; value: unknown } | { ok: false; response: Response };
export type BodyBytes = { ok: true; bytes: Uint8Array } | { ok: false; response: Response };

/**
 * Reads a request body of at most `maxBytes`: 413 when larger (decided from Content-Length
 * before reading, or while reading a chunked body, so a huge upload is never buffered).
 */
export async function readBodyBytes(c: Context, maxBytes: number): Promise<BodyBytes> {
  const tooLarge = () => ({
    ok: false as const,
    response: apiError(
      c,
      413,
      'payload_too_large',
      `Die Anfrage ist zu groß (höchstens ${maxBytes} Bytes). Bitte in kleineren Teilen senden.`,
    ),
  });
  const declared = c.req.header('Content-Length');
  if (declared !== undefined && Number(declared) > maxBytes) return tooLarge();

  const chunks: Uint8Array[] = [];
  let size = 0;
  const body = c.req.raw.body;
  if (body) {
    const reader = body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel().catch(() => {});
        return tooLarge();
      }
      chunks.push(value);
    }
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { ok: true, bytes };
}

/** A JSON body as readBodyBytes reads it; 400 with a German message when it is not JSON. */
export async function readJsonBody(c: Context, maxBytes: number): Promise<JsonBody> {
  const read = await readBodyBytes(c, maxBytes);
  if (!read.ok) return read;
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(read.bytes);
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return {
      ok: false,
      response: apiError(
        c,
        400,
        'invalid_json',
        'Der Inhalt der Anfrage ist kein gültiges JSON (UTF-8).',
      ),
    };
  }
}
