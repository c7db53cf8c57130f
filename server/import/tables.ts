import { cleanCells, type SourceRow } from './csv';
import type { IssueLog } from './issues';

/**
 * The HSDS tables an import reads, by their HSDS 3.0 names. 1.1 names are mapped onto them
 * (ALIASES); regular_schedules and holiday_schedules (1.1) stay apart from schedules (3.0)
 * because their columns differ.
 */
export const SOURCE_TABLES = [
  'organizations',
  'services',
  'locations',
  'addresses',
  'service_at_location',
  'phones',
  'contacts',
  'languages',
  'schedules',
  'regular_schedules',
  'holiday_schedules',
  'taxonomy_terms',
  'service_terms',
  'attributes',
  'accessibility',
] as const;

export type SourceTable = (typeof SOURCE_TABLES)[number];
export type SourceTables = Record<SourceTable, SourceRow[]>;

const ALIASES: Record<string, SourceTable> = {
  physical_addresses: 'addresses',
  services_at_location: 'service_at_location',
  services_at_locations: 'service_at_location',
  taxonomy: 'taxonomy_terms',
  services_taxonomy: 'service_terms',
};

export function sourceTableOf(name: string): SourceTable | null {
  const n = name.toLowerCase();
  if ((SOURCE_TABLES as readonly string[]).includes(n)) return n as SourceTable;
  return ALIASES[n] ?? null;
}

export function emptyTables(): SourceTables {
  return Object.fromEntries(SOURCE_TABLES.map((t) => [t, []])) as unknown as SourceTables;
}

/**
 * 3.0 attributes link taxonomy terms to any entity; only those of services matter here.
 * Rewritten into service_terms rows (service_id, taxonomy_id).
 */
export function attributesToServiceTerms(rows: SourceRow[]): SourceRow[] {
  return rows
    .filter((r) => (r.cells.link_entity ?? 'service').toLowerCase() === 'service')
    .map((r) => ({
      ...r,
      cells: {
        ...r.cells,
        ...(r.cells.link_id ? { service_id: r.cells.link_id } : {}),
        ...(r.cells.taxonomy_term_id ? { taxonomy_id: r.cells.taxonomy_term_id } : {}),
      },
    }));
}

type Json = Record<string, unknown>;
const isObject = (x: unknown): x is Json =>
  typeof x === 'object' && x !== null && !Array.isArray(x);
const list = (x: unknown): Json[] => (Array.isArray(x) ? x.filter(isObject) : []);

/**
 * HSDS 3.0 JSON (one service, a plain array of services, or a list page with `contents`)
 * flattened into the same tables as a tabular package, each row pointing to its JSON path.
 * Nested objects get the ids of their parents as the columns the tabular form has.
 */
export function flattenServices(doc: unknown, file: string, log: IssueLog): SourceTables | null {
  const services =
    isObject(doc) && Array.isArray(doc.contents)
      ? doc.contents
      : Array.isArray(doc)
        ? doc
        : isObject(doc) && (doc.name !== undefined || doc.id !== undefined)
          ? [doc]
          : null;
  if (!services) return null;
  const t = emptyTables();
  const base = isObject(doc) && Array.isArray(doc.contents) ? 'contents' : '';
  const seen = new Set<string>();
  // A place without its own organization gets that of the offers at it, but only if all of
  // them have the same one: a place several providers use belongs to none of them.
  const offerOrgsAt = new Map<string, Set<string>>();
  services.forEach((raw, i) => {
    const row = i + 1;
    const path = base ? `${base}[${i}]` : Array.isArray(doc) ? `[${i}]` : '';
    const add = (table: SourceTable, obj: Json, at: string, extra: Record<string, string>) => {
      const cells = { ...cleanCells(obj, file, row, log, at || undefined), ...extra };
      // A record nested under several parents (an organization in every service) comes once.
      // JSON nests one record under each parent (an organization in every service, a
      // schedule under its service_at_location and again under its location): the first wins.
      if (cells.id && table !== 'services') {
        const key = `${table}/${cells.id}`;
        if (seen.has(key)) return;
        seen.add(key);
      }
      t[table].push({ file, row, ...(at ? { path: at } : {}), cells });
    };
    if (!isObject(raw)) {
      log.error({ file, row }, 'NOT_A_SERVICE', 'Eintrag ist kein Angebot (kein JSON-Objekt)');
      return;
    }
    const s = raw;
    const sid = typeof s.id === 'string' ? s.id.trim() : '';
    const p = (k: string) => (path ? `${path}.${k}` : k);
    let orgId = typeof s.organization_id === 'string' ? s.organization_id.trim() : '';
    if (isObject(s.organization)) {
      const o = s.organization;
      if (typeof o.id === 'string' && o.id.trim()) orgId = o.id.trim();
      add('organizations', o, p('organization'), {});
    }
    add('services', s, path, { ...(orgId ? { organization_id: orgId } : {}) });
    const sub = (key: string, table: SourceTable, extra: Record<string, string>) =>
      list(s[key]).forEach((o, j) => {
        add(table, o, p(`${key}[${j}]`), extra);
      });
    const svc: Record<string, string> = sid ? { service_id: sid } : {};
    // Attributes of any record: their terms, and rows naming the record (link_entity,
    // link_id) as attributes.csv has them; a service's also as service_terms.
    const attributes = (entity: string, owner: Json, at: string) =>
      list(owner.attributes).forEach((a, j) => {
        const term = isObject(a.taxonomy_term) ? a.taxonomy_term : null;
        const where = `${at ? `${at}.` : ''}attributes[${j}]`;
        if (term) add('taxonomy_terms', term, `${where}.taxonomy_term`, {});
        const termId = term && typeof term.id === 'string' ? term.id.trim() : '';
        const tid = termId || (typeof a.taxonomy_term_id === 'string' ? a.taxonomy_term_id : '');
        if (!tid) return;
        const ownerId = typeof owner.id === 'string' ? owner.id.trim() : '';
        const link = { link_entity: entity, taxonomy_term_id: tid, link_id: ownerId };
        add('attributes', a, where, link);
        if (entity === 'service') add('service_terms', {}, where, { ...svc, taxonomy_id: tid });
      });
    sub('phones', 'phones', svc);
    sub('schedules', 'schedules', svc);
    sub('languages', 'languages', svc);
    const orgContacts = isObject(s.organization) ? list(s.organization.contacts) : [];
    orgContacts.forEach((c, j) => {
      const at = p(`organization.contacts[${j}]`);
      add('contacts', c, at, orgId ? { organization_id: orgId } : {});
      attributes('contact', c, at);
      const cid: Record<string, string> =
        typeof c.id === 'string' ? { contact_id: c.id.trim() } : {};
      list(c.phones).forEach((ph, k) => {
        add('phones', ph, `${at}.phones[${k}]`, cid);
      });
    });
    list(s.contacts).forEach((c, j) => {
      add('contacts', c, p(`contacts[${j}]`), svc);
      attributes('contact', c, p(`contacts[${j}]`));
      const cid: Record<string, string> =
        typeof c.id === 'string' ? { contact_id: c.id.trim() } : {};
      list(c.phones).forEach((ph, k) => {
        add('phones', ph, p(`contacts[${j}].phones[${k}]`), cid);
      });
    });
    attributes('service', s, path);
    if (isObject(s.organization)) attributes('organization', s.organization, p('organization'));
    list(s.schedules).forEach((o, k) => {
      attributes('schedule', o, p(`schedules[${k}]`));
    });
    list(s.service_at_locations).forEach((sal, j) => {
      const at = p(`service_at_locations[${j}]`);
      const loc = isObject(sal.location) ? sal.location : null;
      const lid =
        loc && typeof loc.id === 'string'
          ? loc.id.trim()
          : typeof sal.location_id === 'string'
            ? sal.location_id.trim()
            : '';
      add('service_at_location', sal, at, { ...svc, ...(lid ? { location_id: lid } : {}) });
      const scope = { ...svc, ...(lid ? { location_id: lid } : {}) };
      list(sal.schedules).forEach((o, k) => {
        add('schedules', o, `${at}.schedules[${k}]`, scope);
        attributes('schedule', o, `${at}.schedules[${k}]`);
      });
      list(sal.phones).forEach((o, k) => {
        add('phones', o, `${at}.phones[${k}]`, svc);
      });
      if (loc) {
        if (lid && orgId && !loc.organization_id) {
          const orgs = offerOrgsAt.get(lid) ?? new Set();
          offerOrgsAt.set(lid, orgs.add(orgId));
        }
        add(
          'locations',
          loc,
          `${at}.location`,
          orgId && !loc.organization_id ? { organization_id: orgId } : {},
        );
        const l: Record<string, string> = lid ? { location_id: lid } : {};
        attributes('location', loc, `${at}.location`);
        list(loc.addresses).forEach((o, k) => {
          add('addresses', o, `${at}.location.addresses[${k}]`, l);
        });
        list(loc.accessibility).forEach((o, k) => {
          add('accessibility', o, `${at}.location.accessibility[${k}]`, l);
        });
        list(loc.schedules).forEach((o, k) => {
          add('schedules', o, `${at}.location.schedules[${k}]`, scope);
        });
      }
    });
  });
  for (const r of t.locations) {
    const orgs = r.cells.id ? offerOrgsAt.get(r.cells.id) : undefined;
    if (orgs && orgs.size > 1) delete r.cells.organization_id;
  }
  return t;
}
