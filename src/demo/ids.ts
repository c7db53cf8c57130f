/**
 * Deterministic ids for demo and synthetic data. Seeds must give the same records on every
 * device and every server start, so nothing here may touch crypto or the clock.
 */

/** mulberry32: tiny, fast, good enough for test data (not for anything secret). */
export function createRng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HEX: string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

function hex32(x: number): string {
  return (
    (HEX[(x >>> 24) & 0xff] as string) +
    (HEX[(x >>> 16) & 0xff] as string) +
    (HEX[(x >>> 8) & 0xff] as string) +
    (HEX[x & 0xff] as string)
  );
}

/** Formats 128 bits as an RFC 9562 version-4 UUID (version and variant bits forced). */
function formatUuid(a: number, b: number, c: number, d: number): string {
  const h =
    hex32(a) +
    hex32((b & 0xffff0fff) | 0x00004000) +
    hex32((c & 0x3fffffff) | 0x80000000) +
    hex32(d);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** UUIDv4-shaped id drawn from a seeded generator. */
export function uuidFrom(rng: () => number): string {
  const w = () => Math.floor(rng() * 4294967296) >>> 0;
  return formatUuid(w(), w(), w(), w());
}

/** FNV-1a over UTF-16 code units, with a caller-chosen offset basis. */
function fnv1a(key: string, basis: number): number {
  let h = basis >>> 0;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  // Final avalanche so that keys differing only in the last character spread over all bits.
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * Id derived from a stable key such as "service:tafel-huettenfeld". Keyed rather than
 * sequential so that adding one offer to the demo does not renumber every other record.
 */
export function stableId(key: string): string {
  return formatUuid(
    fnv1a(key, 0x811c9dc5),
    fnv1a(key, 0x050c5d1f),
    fnv1a(key, 0x1b873593),
    fnv1a(key, 0x27d4eb2f),
  );
}
