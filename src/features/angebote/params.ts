import { OPEN_PARAM, type OpenFilter, parseOpenFilter } from '../../schedule/openParam';
import { FILTER_KINDS, type FilterKind, type FilterSet } from '../../search/filters';

/**
 * The list's query and filters live in the URL (German parameter names, as people share
 * them), so the back button and a shared link restore the same view. A filter with several
 * values repeats its parameter: `?zielgruppe=alleinerziehende&zielgruppe=fluchthintergrund`.
 */
export interface ListParams extends FilterSet {
  q?: string;
  /** Opening-time filter `?offen=jetzt|heute|woche` (src/schedule/filters.ts). */
  offen?: OpenFilter;
  /** `?sortierung=naehe`: nearest first, from `von` (a Quartier or a place id) or the device. */
  sortierung?: 'naehe';
  von?: string;
}

export type ListParamKey = 'q' | FilterKind;

/** Order of the chips and of the parameters in a URL. */
export const PARAM_NAMES: Record<ListParamKey, string> = {
  q: 'q',
  targetGroups: 'zielgruppe',
  categories: 'kategorie',
  quartiere: 'quartier',
  languages: 'sprache',
  traits: 'merkmal',
};

/** Longest query or filter value taken from a URL or typed into the search field. */
export const MAX_LEN = 200;
const MAX_VALUES = 30;

export function parseListParams(search: string): ListParams {
  const sp = new URLSearchParams(search);
  const out: ListParams = {};
  const q = sp.get(PARAM_NAMES.q)?.trim().slice(0, MAX_LEN);
  if (q) out.q = q;
  const offen = parseOpenFilter(sp.get(OPEN_PARAM));
  if (offen) out.offen = offen;
  if (sp.get('sortierung') === 'naehe') {
    out.sortierung = 'naehe';
    const von = sp.get('von')?.trim().slice(0, MAX_LEN);
    if (von) out.von = von;
  }
  for (const kind of FILTER_KINDS) {
    const values = [
      ...new Set(
        sp
          .getAll(PARAM_NAMES[kind])
          .map((v) => v.trim().slice(0, MAX_LEN))
          .filter(Boolean),
      ),
    ].slice(0, MAX_VALUES);
    if (values.length > 0) out[kind] = values;
  }
  return out;
}

export function listHref(params: ListParams): string {
  const sp = new URLSearchParams();
  const q = params.q?.trim();
  if (q) sp.set(PARAM_NAMES.q, q);
  for (const kind of FILTER_KINDS) {
    for (const v of params[kind] ?? []) if (v.trim()) sp.append(PARAM_NAMES[kind], v.trim());
  }
  if (params.offen) sp.set(OPEN_PARAM, params.offen);
  if (params.sortierung) sp.set('sortierung', params.sortierung);
  if (params.sortierung && params.von) sp.set('von', params.von);
  const qs = sp.toString();
  return qs ? `/angebote?${qs}` : '/angebote';
}

/** The filters without the query. */
export function filtersOf(params: ListParams): FilterSet {
  const { q: _q, offen: _offen, sortierung: _s, von: _v, ...filters } = params;
  return filters;
}

/** Params with one value of a filter toggled on or off. */
export function toggleValue(params: ListParams, kind: FilterKind, value: string): ListParams {
  const have = params[kind] ?? [];
  const next = have.includes(value) ? have.filter((v) => v !== value) : [...have, value];
  return { ...params, [kind]: next.length > 0 ? next : undefined };
}

export function detailHref(id: string): string {
  return `/angebote/${encodeURIComponent(id)}`;
}

export function shareHref(id: string): string {
  return `${detailHref(id)}/weitergeben`;
}
