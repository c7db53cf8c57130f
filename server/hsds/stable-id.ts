import { createHash } from 'node:crypto';

/**
 * A UUID (version 5 layout, SHA-1) that is the same for the same parts on every run, so that
 * an import or export repeated on unchanged data names every record as before.
 */
export function stableUuid(...parts: string[]): string {
  const h = createHash('sha1').update(parts.join('\n')).digest();
  h[6] = ((h[6] as number) & 0x0f) | 0x50;
  h[8] = ((h[8] as number) & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}
