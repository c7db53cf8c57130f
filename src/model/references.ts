import type { TableName } from './tables';

/**
 * Which field of a record points to a record of which table: the foreign keys of the model.
 * A field holds one id or, for `location_ids`, a list of them.
 */
export const REFERENCES: { readonly [T in TableName]?: Readonly<Record<string, TableName>> } = {
  locations: { organization_id: 'organizations' },
  services: { organization_id: 'organizations', location_ids: 'locations' },
  schedules: { service_id: 'services', location_id: 'locations' },
  contacts: { service_id: 'services', organization_id: 'organizations' },
  referrals: { service_id: 'services' },
};

export interface Reference {
  field: string;
  table: TableName;
  id: string;
}

function idsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/**
 * The references `next` makes that `before` (the same record as it was, null for a new one)
 * did not make yet. Only those need checking: a record may keep pointing to one that was
 * deleted after it was saved, so editing its phone number is not refused for that.
 */
export function newReferences(
  table: TableName,
  before: Record<string, unknown> | null,
  next: Record<string, unknown>,
): Reference[] {
  const out: Reference[] = [];
  for (const [field, target] of Object.entries(REFERENCES[table] ?? {})) {
    const old = new Set(idsIn(before?.[field]));
    for (const id of idsIn(next[field])) {
      if (!old.has(id)) out.push({ field, table: target, id });
    }
  }
  return out;
}
