import type { TableName } from './tables';

/**
 * Which field of a record points to a record of which table: the foreign keys of the model.
 * A field holds one id or, where `many`, a list of them.
 */
export const REFERENCES = [
  { table: 'locations', field: 'organization_id', target: 'organizations', many: false },
  { table: 'services', field: 'organization_id', target: 'organizations', many: false },
  { table: 'services', field: 'location_ids', target: 'locations', many: true },
  { table: 'schedules', field: 'service_id', target: 'services', many: false },
  { table: 'schedules', field: 'location_id', target: 'locations', many: false },
  { table: 'contacts', field: 'service_id', target: 'services', many: false },
  { table: 'contacts', field: 'organization_id', target: 'organizations', many: false },
  { table: 'referrals', field: 'service_id', target: 'services', many: false },
] as const satisfies readonly {
  table: TableName;
  field: string;
  target: TableName;
  many: boolean;
}[];

export type ForeignKey = (typeof REFERENCES)[number];

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
  for (const { field, target } of REFERENCES.filter((r) => r.table === table)) {
    const old = new Set(idsIn(before?.[field]));
    for (const id of idsIn(next[field])) {
      if (!old.has(id)) out.push({ field, table: target, id });
    }
  }
  return out;
}
