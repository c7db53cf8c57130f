/**
 * The list's query and filters live in the URL (German parameter names, as people share
 * them), so the back button and a shared link restore the same view.
 */
export interface ListParams {
  q?: string;
  targetGroup?: string;
  category?: string;
  quartier?: string;
}

export type ListParamKey = keyof ListParams;

/** Order of the chips and of the parameters in a URL. */
export const PARAM_NAMES: Record<ListParamKey, string> = {
  q: 'q',
  targetGroup: 'zielgruppe',
  category: 'kategorie',
  quartier: 'quartier',
};

const MAX_LEN = 200;

export function parseListParams(search: string): ListParams {
  const sp = new URLSearchParams(search);
  const out: ListParams = {};
  for (const key of Object.keys(PARAM_NAMES) as ListParamKey[]) {
    const value = sp.get(PARAM_NAMES[key])?.trim().slice(0, MAX_LEN);
    if (value) out[key] = value;
  }
  return out;
}

export function listHref(params: ListParams): string {
  const sp = new URLSearchParams();
  for (const key of Object.keys(PARAM_NAMES) as ListParamKey[]) {
    const value = params[key]?.trim();
    if (value) sp.set(PARAM_NAMES[key], value);
  }
  const qs = sp.toString();
  return qs ? `/angebote?${qs}` : '/angebote';
}

export function withoutParam(params: ListParams, key: ListParamKey): ListParams {
  const { [key]: _removed, ...rest } = params;
  return rest;
}

export function detailHref(id: string): string {
  return `/angebote/${encodeURIComponent(id)}`;
}
