/**
 * Where to go after signing in (`?weiter=`), or null. Only a path of this app passes:
 * browsers read `/\host`, `\\host` and `/<tab>/host` as `//host`, so prefix checks on the
 * text cannot tell a path from another site. The value is parsed the way the browser will
 * parse it and kept only if it stays on our origin; the result is the parsed path, so what
 * was checked is exactly what is loaded.
 */
export function safeNext(
  search: string,
  origin: string = globalThis.location?.origin ?? '',
): string | null {
  const next = new URLSearchParams(search).get('weiter');
  // Absolute URLs, even of our own origin, are not what a link of ours sends.
  if (!next?.startsWith('/') || !origin) return null;
  let url: URL;
  try {
    url = new URL(next, origin);
  } catch {
    return null;
  }
  if (url.origin !== origin) return null;
  return url.pathname + url.search + url.hash;
}
