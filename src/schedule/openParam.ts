/**
 * The URL side of the list's opening-time filter (`?offen=jetzt|heute|woche`). Apart from
 * filters.ts and free of the engine, because the start page builds list links with it and
 * must not load the engine.
 */
export const OPEN_PARAM = 'offen';
export const OPEN_FILTERS = ['jetzt', 'heute', 'woche'] as const;
export type OpenFilter = (typeof OPEN_FILTERS)[number];

export function parseOpenFilter(value: string | null | undefined): OpenFilter | null {
  return (OPEN_FILTERS as readonly string[]).includes(value ?? '') ? (value as OpenFilter) : null;
}
