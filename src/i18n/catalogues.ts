/**
 * Every catalogue but German as its own chunk. The service worker precaches all chunks,
 * so a language chosen offline loads from the cache.
 */
export const catalogueLoaders = import.meta.glob<{ default: Record<string, unknown> }>([
  './*.json',
  '!./de.json',
  '!./de.coordination.json',
]);
