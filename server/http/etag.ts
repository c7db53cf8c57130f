/**
 * If-None-Match against the representation's ETag. RFC 9110 §13.1.2 asks for the weak
 * comparison here: `W/"x"` matches `"x"`.
 */
export function etagMatches(ifNoneMatch: string | null | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  const bare = etag.replace(/^W\//, '');
  return ifNoneMatch.split(',').some((t) => t.trim().replace(/^W\//, '') === bare);
}
