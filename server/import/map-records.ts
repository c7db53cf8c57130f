import { childVisibility, TABLE_SCHEMAS, type TableName } from '../../src/model';
import { TRAITS } from '../../src/model/taxonomy';
import {
  decodeField,
  FIELD_TAXONOMY,
  fieldCodec,
  isOwnSlug,
  type OwnList,
  ownListOf,
} from '../hsds/own-terms';
import { stableUuid } from '../hsds/stable-id';
import type { SourceRow } from './csv';
import type { IssueLog, Locator } from './issues';
import { assignQuartier, type QuartierRules } from './quartiere';
import type { SourceTables } from './tables';
import { type TaxonomyMapping, termKey } from './taxonomy-mapping';
import { parseRange, parseTime } from './times';

/** A record to write, with the source key it keeps (HSDS table and original id). */
export interface Planned {
  table: TableName;
  key: string;
  record: Record<string, unknown>;
}

export interface MapOptions {
  source: string;
  mapping: TaxonomyMapping;
  quartiere: QuartierRules;
  now: string;
}

/** The id a source record gets here: the same for the same source, table and original id. */
export function importedId(source: string, table: TableName, key: string): string {
  return stableUuid('qw-import', source, table, key);
}

const at = (r: SourceRow, column?: string): Locator => ({
  file: r.file,
  row: r.row,
  ...(column ? { column: r.path ? `${r.path}.${column}` : column } : {}),
});

const LANGUAGES: Record<string, string> = {
  english: 'en',
  englisch: 'en',
  german: 'de',
  deutsch: 'de',
  spanish: 'es',
  spanisch: 'es',
  french: 'fr',
  französisch: 'fr',
  arabic: 'ar',
  arabisch: 'ar',
  turkish: 'tr',
  türkisch: 'tr',
  russian: 'ru',
  russisch: 'ru',
  ukrainian: 'uk',
  ukrainisch: 'uk',
  polish: 'pl',
  polnisch: 'pl',
  italian: 'it',
  italienisch: 'it',
  portuguese: 'pt',
  portugiesisch: 'pt',
  persian: 'fa',
  farsi: 'fa',
  persisch: 'fa',
  dari: 'prs',
  kurdish: 'ku',
  kurdisch: 'ku',
  urdu: 'ur',
  chinese: 'zh',
  chinesisch: 'zh',
  vietnamese: 'vi',
  vietnamesisch: 'vi',
  romanian: 'ro',
  rumänisch: 'ro',
  bulgarian: 'bg',
  bulgarisch: 'bg',
  serbian: 'sr',
  croatian: 'hr',
  greek: 'el',
  griechisch: 'el',
  tigrinya: 'ti',
  somali: 'so',
  pashto: 'ps',
  slovak: 'sk',
  hindi: 'hi',
  bengali: 'bn',
  korean: 'ko',
  japanese: 'ja',
  albanian: 'sq',
  albanisch: 'sq',
};
const ISO3: Record<string, string> = {
  eng: 'en',
  deu: 'de',
  ger: 'de',
  spa: 'es',
  fra: 'fr',
  ara: 'ar',
  tur: 'tr',
  rus: 'ru',
  ukr: 'uk',
  pol: 'pl',
};

export function languageCode(raw: string): string | null {
  const s = raw.trim().toLowerCase();
  if (LANGUAGES[s]) return LANGUAGES[s];
  if (ISO3[s]) return ISO3[s];
  // ISO 639-3 codes are three letters ("prs" Dari, "ckb" Sorani), as the model allows.
  const primary = s.split(/[-_]/)[0] ?? '';
  return /^[a-z]{2,3}$/.test(primary) ? primary : null;
}

const STATUS: Record<string, 'active' | 'paused' | 'ended'> = {
  active: 'active',
  aktiv: 'active',
  inactive: 'ended',
  defunct: 'ended',
  ended: 'ended',
  beendet: 'ended',
  'temporarily closed': 'paused',
  paused: 'paused',
  pausiert: 'paused',
};

const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
const WEEKDAY_NAMES: Record<string, number> = {
  monday: 0,
  mon: 0,
  mo: 0,
  montag: 0,
  tuesday: 1,
  tue: 1,
  tu: 1,
  di: 1,
  dienstag: 1,
  wednesday: 2,
  wed: 2,
  we: 2,
  mi: 2,
  mittwoch: 2,
  thursday: 3,
  thu: 3,
  th: 3,
  do: 3,
  donnerstag: 3,
  friday: 4,
  fri: 4,
  fr: 4,
  freitag: 4,
  saturday: 5,
  sat: 5,
  sa: 5,
  samstag: 5,
  sunday: 6,
  sun: 6,
  su: 6,
  so: 6,
  sonntag: 6,
};

/** HSDS 1.1 weekday: ISO numbers 1 (Monday) to 7, or a day name. */
function weekdayOf(raw: string): string | null {
  const s = raw.trim().toLowerCase();
  if (/^[1-7]$/.test(s)) return WEEKDAYS[Number(s) - 1] ?? null;
  const i = WEEKDAY_NAMES[s];
  return i === undefined ? null : (WEEKDAYS[i] ?? null);
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}/;
const dateOf = (s: string | undefined) => (s && ISO_DAY.test(s) ? s.slice(0, 10) : undefined);

/** Fields whose bad value is dropped with a warning rather than blocking the record. */
const DROPPABLE = new Set([
  'email',
  'website',
  'url',
  'phone',
  'latitude',
  'longitude',
  'assured_date',
  'alternate_name',
  'description',
  'accessibility',
  'transportation',
  'fees_description',
  'eligibility_description',
  'application_process',
  'title',
  'notes',
  'organization_id',
  'location_id',
  'translations',
]);

/**
 * Validates with the table's schema; a bad droppable field is left out with a warning, any
 * other problem makes the row an error (null).
 */
function validated(
  table: TableName,
  record: Record<string, unknown>,
  row: SourceRow,
  log: IssueLog,
  required: boolean,
): Record<string, unknown> | null {
  let candidate = { ...record };
  for (let pass = 0; pass < 3; pass++) {
    const result = TABLE_SCHEMAS[table].safeParse(candidate);
    if (result.success) return result.data as Record<string, unknown>;
    const blocking = result.error.issues.filter((i) => !DROPPABLE.has(String(i.path[0])));
    if (blocking.length > 0) {
      for (const i of blocking) {
        const field = String(i.path[0] ?? '');
        const value = candidate[field];
        const report = required ? log.error.bind(log) : log.warn.bind(log);
        report(
          at(row, field),
          required ? 'INVALID' : 'SKIPPED',
          `${i.message}${required ? '' : ' (Zeile nicht übernommen)'}`,
          typeof value === 'string' ? value : undefined,
        );
      }
      return null;
    }
    for (const i of result.error.issues) {
      const field = String(i.path[0]);
      const value = candidate[field];
      log.warn(
        at(row, field),
        'FIELD_DROPPED',
        `${i.message} (Feld leer gelassen)`,
        typeof value === 'string' ? value : undefined,
      );
      const { [field]: _, ...rest } = candidate;
      candidate = rest;
    }
  }
  return null;
}

/** Rows of a table by id; a second row with the same id is an error and left out. */
function byId(rows: SourceRow[], log: IssueLog): Map<string, SourceRow> {
  const out = new Map<string, SourceRow>();
  for (const r of rows) {
    const id = r.cells.id;
    if (!id) {
      log.error(at(r, 'id'), 'MISSING_ID', 'ID fehlt');
      continue;
    }
    const first = out.get(id);
    if (first) {
      log.error(at(r, 'id'), 'DUPLICATE_ID', `Doppelte ID (zuerst in Zeile ${first.row})`, id);
      continue;
    }
    out.set(id, r);
  }
  return out;
}

function groupBy(rows: SourceRow[], column: string): Map<string, SourceRow[]> {
  const out = new Map<string, SourceRow[]>();
  for (const r of rows) {
    const k = r.cells[column];
    if (!k) continue;
    const list = out.get(k);
    if (list) list.push(r);
    else out.set(k, [r]);
  }
  return out;
}

function warnDuplicateNames(
  rows: Iterable<SourceRow>,
  scope: (r: SourceRow) => string,
  log: IssueLog,
) {
  const seen = new Map<string, SourceRow>();
  for (const r of rows) {
    const name = r.cells.name;
    if (!name) continue;
    const k = `${scope(r)}\n${name.toLowerCase()}`;
    const first = seen.get(k);
    if (first)
      log.warn(at(r, 'name'), 'DUPLICATE_NAME', `Gleicher Name wie Zeile ${first.row}`, name);
    else seen.set(k, r);
  }
}

export interface MapResult {
  planned: Planned[];
  unmappedTerms: Map<string, number>;
  unassignedLocations: number;
}

/** Source tables to our records (pure: no I/O), reporting every problem for its row. */
export function mapRecords(t: SourceTables, opts: MapOptions, log: IssueLog): MapResult {
  const planned: Planned[] = [];
  const id = (table: TableName, key: string) => importedId(opts.source, table, key);
  const meta = { updated_at: opts.now, visibility: 'public' as const };
  const emit = (table: TableName, key: string, record: Record<string, unknown>) =>
    planned.push({ table, key, record });

  // Taxonomy terms by id, and the fields our own export carries as attributes
  const terms = new Map<string, { code?: string; name?: string; taxonomy?: string }>();
  for (const r of t.taxonomy_terms) {
    const c = r.cells;
    if (c.id) terms.set(c.id, { code: c.code, name: c.name, taxonomy: c.taxonomy });
  }
  const fields = fieldAttributes(t.attributes, terms);
  const fieldsOf = (entity: string, sid: string) => fields.get(`${entity}/${sid}`) ?? {};

  // Organizations
  const orgRows = byId(t.organizations, log);
  warnDuplicateNames(orgRows.values(), () => '', log);
  const orgs = new Map<string, { id: string; phone?: string }>();
  for (const [sid, r] of orgRows) {
    const c = r.cells;
    const rec = validated(
      'organizations',
      {
        ...meta,
        id: id('organizations', sid),
        name: c.name,
        description: c.description ?? '',
        email: c.email,
        website: c.website ?? c.url,
        ...fieldsOf('organization', sid),
      },
      r,
      log,
      true,
    );
    if (rec) {
      orgs.set(sid, { id: rec.id as string });
      emit('organizations', `organizations/${sid}`, rec);
    }
  }

  // Locations with their (first physical) address
  const addresses = groupBy(t.addresses, 'location_id');
  for (const a of t.addresses) {
    if (a.cells.location_id && !t.locations.some((l) => l.cells.id === a.cells.location_id)) {
      log.warn(
        at(a, 'location_id'),
        'UNKNOWN_REFERENCE',
        'Ort gibt es nicht (Adresse nicht übernommen)',
        a.cells.location_id,
      );
    }
  }
  const locRows = byId(t.locations, log);
  const accessibilityOf = groupBy(t.accessibility, 'location_id');
  const locations = new Map<string, string>();
  let unassignedLocations = 0;
  for (const [sid, r] of locRows) {
    const c = r.cells;
    const list = addresses.get(sid) ?? [];
    const addr = list.find((a) => (a.cells.address_type ?? 'physical') === 'physical') ?? list[0];
    if (!addr?.cells.address_1) {
      log.warn(at(r), 'NO_ADDRESS', 'Ort ohne Adresse nicht übernommen', c.name);
      continue;
    }
    const lat = c.latitude === undefined ? undefined : Number(c.latitude.replace(',', '.'));
    const lon = c.longitude === undefined ? undefined : Number(c.longitude.replace(',', '.'));
    const a = addr.cells;
    // The source's own sub-city area (HSDS address.region, where our export writes the
    // Quartier) counts when no rule of this import places the location.
    const match =
      assignQuartier(opts.quartiere, {
        latitude: Number.isFinite(lat) ? lat : null,
        longitude: Number.isFinite(lon) ? lon : null,
        postal_code: a.postal_code,
        city: a.city,
      }) ?? (a.region ? { quartier: a.region, by: 'region' } : null);
    if (!match) {
      unassignedLocations++;
      log.warn(at(r), 'NO_QUARTIER', 'Kein Quartier gefunden (Ort nicht übernommen)', c.name);
      continue;
    }
    const org = c.organization_id ? orgs.get(c.organization_id) : undefined;
    if (c.organization_id && !org) {
      log.warn(
        at(r, 'organization_id'),
        'UNKNOWN_REFERENCE',
        'Träger gibt es nicht (Verweis weggelassen)',
        c.organization_id,
      );
    }
    const rec = validated(
      'locations',
      {
        ...meta,
        id: id('locations', sid),
        organization_id: org?.id,
        name: c.name ?? a.address_1,
        description: c.description,
        address_1: [a.address_1, a.address_2].filter(Boolean).join(', '),
        postal_code: a.postal_code,
        city: a.city,
        quartier: match.quartier,
        latitude: Number.isFinite(lat) ? lat : undefined,
        longitude: Number.isFinite(lon) ? lon : undefined,
        transportation: c.transportation,
        accessibility:
          (accessibilityOf.get(sid) ?? [])
            .map((x) => x.cells.description ?? x.cells.details)
            .filter(Boolean)
            .join('\n') || undefined,
        ...fieldsOf('location', sid),
      },
      r,
      log,
      false,
    );
    if (rec) {
      locations.set(sid, rec.id as string);
      emit('locations', `locations/${sid}`, rec);
    }
  }

  const termsOf = groupBy(t.service_terms, 'service_id');
  const unmappedTerms = new Map<string, number>();

  // Services
  const svcRows = byId(t.services, log);
  warnDuplicateNames(svcRows.values(), (r) => r.cells.organization_id ?? '', log);
  const services = new Map<string, Record<string, unknown>>();
  const phonesBy = (col: string) => groupBy(t.phones, col);
  const phonesOfService = phonesBy('service_id');
  const phonesOfOrg = phonesBy('organization_id');
  const phonesOfContact = phonesBy('contact_id');
  const langsOf = groupBy(t.languages, 'service_id');
  const salOf = groupBy(t.service_at_location, 'service_id');
  for (const [sid, r] of svcRows) {
    const c = r.cells;
    const org = c.organization_id ? orgs.get(c.organization_id) : undefined;
    if (!org) {
      log.error(
        at(r, 'organization_id'),
        c.organization_id ? 'UNKNOWN_REFERENCE' : 'MISSING_REFERENCE',
        c.organization_id ? 'Träger gibt es nicht' : 'Träger fehlt',
        c.organization_id,
      );
      continue;
    }
    let status = c.status ? STATUS[c.status.toLowerCase()] : undefined;
    if (!c.status) {
      log.warn(at(r, 'status'), 'MISSING_STATUS', 'Status fehlt, als „aktiv“ übernommen');
      status = 'active';
    } else if (!status) {
      log.warn(
        at(r, 'status'),
        'UNKNOWN_STATUS',
        'Unbekannter Status, als „aktiv“ übernommen',
        c.status,
      );
      status = 'active';
    }
    // Terms: from service_terms rows and from a 1.1 taxonomy_ids column
    const termIds = [
      ...(termsOf.get(sid) ?? []).map((x) => ({ row: x, id: x.cells.taxonomy_id ?? '' })),
      ...(c.taxonomy_ids ?? '')
        .split(',')
        .map((s) => ({ row: r, id: s.trim() }))
        .filter((x) => x.id),
    ];
    const own: Record<OwnList, Set<string>> = {
      categories: new Set(),
      target_groups: new Set(),
      traits: new Set(),
    };
    const categories = own.categories;
    const groups = own.target_groups;
    const keywords: string[] = [];
    for (const { row, id: tid } of termIds) {
      const term = terms.get(tid) ?? { code: tid };
      if (term.taxonomy === FIELD_TAXONOMY) continue;
      const list = ownListOf(term.taxonomy);
      if (list && isOwnSlug(term.code)) {
        if (list !== 'traits' || (TRAITS as readonly string[]).includes(term.code)) {
          own[list].add(term.code);
          continue;
        }
      }
      const hit = [term.code, term.name]
        .filter((x): x is string => !!x)
        .map((k) => opts.mapping.get(termKey(k)))
        .find(Boolean);
      if (hit) {
        for (const s of hit.categories) categories.add(s);
        for (const s of hit.target_groups) groups.add(s);
        continue;
      }
      const label = term.name ?? term.code ?? tid;
      unmappedTerms.set(label, (unmappedTerms.get(label) ?? 0) + 1);
      log.warn(
        at(row, 'taxonomy_id'),
        'UNMAPPED_TERM',
        'Begriff ohne Zuordnung (als Stichwort übernommen)',
        label,
      );
      keywords.push(label);
    }
    const languages = new Set<string>();
    for (const l of langsOf.get(sid) ?? []) {
      const raw = l.cells.code ?? l.cells.language ?? l.cells.name ?? '';
      for (const part of raw
        .split(/[,;]/)
        .map((s) => s.trim())
        .filter(Boolean)) {
        const code = languageCode(part);
        if (code) languages.add(code);
        else log.warn(at(l, 'language'), 'UNKNOWN_LANGUAGE', 'Sprache nicht erkannt', part);
      }
    }
    const locationIds: string[] = [];
    for (const s of salOf.get(sid) ?? []) {
      const lid = s.cells.location_id;
      if (!lid) continue;
      const ours = locations.get(lid);
      if (ours) {
        if (!locationIds.includes(ours)) locationIds.push(ours);
      } else if (!locRows.has(lid)) {
        log.warn(at(s, 'location_id'), 'UNKNOWN_REFERENCE', 'Ort gibt es nicht', lid);
      }
    }
    const phone = (phonesOfService.get(sid) ?? [])[0]?.cells.number;
    const description = [
      c.description,
      keywords.length > 0 ? `Stichworte: ${[...new Set(keywords)].join(', ')}` : '',
    ]
      .filter(Boolean)
      .join('\n\n');
    const rec = validated(
      'services',
      {
        ...meta,
        id: id('services', sid),
        organization_id: org.id,
        name: c.name,
        alternate_name: c.alternate_name,
        description,
        url: c.url,
        email: c.email,
        phone: phone?.replace(/^"+|"+$/g, ''),
        status,
        categories: [...categories],
        target_groups: [...groups],
        traits: [...own.traits],
        languages: [...languages],
        location_ids: locationIds,
        fees_description: c.fees_description ?? c.fees,
        eligibility_description: c.eligibility_description,
        application_process: c.application_process,
        assured_date: dateOf(c.assured_date),
        ...fieldsOf('service', sid),
      },
      r,
      log,
      true,
    );
    if (rec) {
      services.set(sid, rec);
      emit('services', `services/${sid}`, rec);
    }
  }
  for (const [sid, o] of orgs) {
    const phone = (phonesOfOrg.get(sid) ?? [])[0]?.cells.number;
    const p = planned.find((x) => x.record.id === o.id);
    if (phone && p) {
      const ok = TABLE_SCHEMAS.organizations.shape.phone.safeParse(phone.replace(/^"+|"+$/g, ''));
      if (ok.success) p.record.phone = ok.data;
    }
  }

  // Schedules
  const parent = (r: SourceRow, table: string) => {
    const sid = r.cells.service_id;
    const svc = sid ? services.get(sid) : undefined;
    if (!svc) {
      if (sid && svcRows.has(sid)) return null; // the offer itself was reported
      log.warn(
        at(r, 'service_id'),
        sid ? 'UNKNOWN_REFERENCE' : 'MISSING_REFERENCE',
        `${sid ? 'Angebot gibt es nicht' : 'Angebot fehlt'} (${table} nicht übernommen)`,
        sid,
      );
      return null;
    }
    return svc;
  };
  const scheduleBase = (r: SourceRow, svc: Record<string, unknown>) => {
    const lid = r.cells.location_id;
    return {
      ...meta,
      service_id: svc.id,
      location_id: lid ? locations.get(lid) : undefined,
      visibility: childVisibility(svc as never),
    };
  };
  const times = (r: SourceRow): { opens: string; closes: string } | null => {
    const o = parseTime(r.cells.opens_at);
    const cl = parseTime(r.cells.closes_at);
    if (o.kind === 'time' && cl.kind === 'time') return { opens: o.value, closes: cl.value };
    if (o.kind === 'closed' || cl.kind === 'closed') return null;
    const range = parseRange(r.cells.opens_at ?? r.cells.hours);
    if (range.kind === 'range' && cl.kind === 'blank') {
      if (range.guessedPm) {
        log.warn(
          at(r, 'opens_at'),
          'TIME_ASSUMED_PM',
          `Gelesen als ${range.opens}–${range.closes}`,
          r.cells.opens_at,
        );
      }
      return { opens: range.opens, closes: range.closes };
    }
    if (range.kind === 'closed') return null;
    const bad = o.kind !== 'time' ? 'opens_at' : 'closes_at';
    log.warn(
      at(r, bad),
      'INVALID_TIME',
      'Uhrzeit nicht lesbar (Sprechzeit nicht übernommen)',
      r.cells[bad],
    );
    return null;
  };
  const closedDays = new Map<string, string[]>(); // service id → exdates from holiday closures
  const weekly: Planned[] = [];
  for (const [sid, r] of byId(t.regular_schedules, log)) {
    const svc = parent(r, 'Sprechzeit');
    if (!svc) continue;
    const day = weekdayOf(r.cells.weekday ?? '');
    if (!day) {
      log.warn(
        at(r, 'weekday'),
        'INVALID_WEEKDAY',
        'Wochentag nicht lesbar (Sprechzeit nicht übernommen)',
        r.cells.weekday,
      );
      continue;
    }
    const tm = times(r);
    if (!tm) {
      if (
        parseTime(r.cells.opens_at).kind === 'closed' ||
        parseTime(r.cells.closes_at).kind === 'closed'
      ) {
        log.warn(at(r, 'opens_at'), 'CLOSED', 'Als geschlossen angegeben (keine Sprechzeit)');
      }
      continue;
    }
    const rec = validated(
      'schedules',
      {
        ...scheduleBase(r, svc),
        id: id('schedules', `regular_schedules/${sid}`),
        freq: 'WEEKLY',
        byday: day,
        opens_at: tm.opens,
        closes_at: tm.closes,
      },
      r,
      log,
      false,
    );
    if (rec) weekly.push({ table: 'schedules', key: `regular_schedules/${sid}`, record: rec });
  }
  for (const [sid, r] of byId(t.holiday_schedules, log)) {
    const svc = parent(r, 'Ausnahme');
    if (!svc) continue;
    const from = dateOf(r.cells.start_date);
    const to = dateOf(r.cells.end_date) ?? from;
    if (!from || !to || to < from) {
      log.warn(
        at(r, 'start_date'),
        'INVALID_DATE',
        'Datum nicht lesbar (Ausnahme nicht übernommen)',
        r.cells.start_date,
      );
      continue;
    }
    const closed = /^(true|1|yes|ja|closed)$/i.test(r.cells.closed ?? '');
    if (closed) {
      const days = closedDays.get(svc.id as string) ?? [];
      for (
        let d = new Date(`${from}T00:00:00Z`);
        d.toISOString().slice(0, 10) <= to && days.length < 500;
        d.setUTCDate(d.getUTCDate() + 1)
      ) {
        days.push(d.toISOString().slice(0, 10));
      }
      closedDays.set(svc.id as string, days);
      continue;
    }
    const tm = times(r);
    if (!tm) continue;
    const rec = validated(
      'schedules',
      {
        ...scheduleBase(r, svc),
        id: id('schedules', `holiday_schedules/${sid}`),
        freq: 'DAILY',
        valid_from: from,
        valid_to: to,
        opens_at: tm.opens,
        closes_at: tm.closes,
        closed_on_holidays: false,
      },
      r,
      log,
      false,
    );
    if (rec) planned.push({ table: 'schedules', key: `holiday_schedules/${sid}`, record: rec });
  }
  for (const w of weekly) {
    const ex = closedDays.get(w.record.service_id as string);
    if (ex) w.record.exdates = [...new Set(ex)].sort();
    planned.push(w);
  }
  for (const [sid, r] of byId(t.schedules, log)) {
    const svc = parent(r, 'Sprechzeit');
    if (!svc) continue;
    const tm = times(r);
    if (!tm) continue;
    const c = r.cells;
    const freq = (c.freq ?? (c.byday ? 'WEEKLY' : '')).toUpperCase();
    if (!['DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'].includes(freq)) {
      log.warn(
        at(r, 'freq'),
        'INVALID_FREQ',
        'Wiederholung fehlt oder unbekannt (Sprechzeit nicht übernommen)',
        c.freq,
      );
      continue;
    }
    const rec = validated(
      'schedules',
      {
        ...scheduleBase(r, svc),
        id: id('schedules', `schedules/${sid}`),
        freq,
        interval: c.interval ? Number(c.interval) : undefined,
        byday: c.byday?.toUpperCase().replace(/\s/g, ''),
        bymonthday: c.bymonthday,
        dtstart: dateOf(c.dtstart),
        until: dateOf(c.until),
        count: c.count ? Number(c.count) : undefined,
        wkst: c.wkst?.toUpperCase(),
        valid_from: dateOf(c.valid_from),
        valid_to: dateOf(c.valid_to),
        opens_at: tm.opens,
        closes_at: tm.closes,
        notes: c.notes ?? c.description,
        ...withRecurrence(fieldsOf('schedule', sid)),
      },
      r,
      log,
      false,
    );
    if (rec) planned.push({ table: 'schedules', key: `schedules/${sid}`, record: rec });
  }

  // Contacts
  for (const [sid, r] of byId(t.contacts, log)) {
    const c = r.cells;
    const svc = c.service_id ? services.get(c.service_id) : undefined;
    const org = c.organization_id ? orgs.get(c.organization_id) : undefined;
    if (c.service_id && !svc && !svcRows.has(c.service_id)) {
      log.warn(
        at(r, 'service_id'),
        'UNKNOWN_REFERENCE',
        'Angebot gibt es nicht (Kontakt nicht übernommen)',
        c.service_id,
      );
      continue;
    }
    if (!svc && !org) {
      if (!c.service_id)
        log.warn(at(r), 'MISSING_REFERENCE', 'Kontakt ohne Angebot und Träger nicht übernommen');
      continue;
    }
    const phone = (phonesOfContact.get(sid) ?? [])[0]?.cells.number;
    const rec = validated(
      'contacts',
      {
        ...meta,
        id: id('contacts', `contacts/${sid}`),
        service_id: svc?.id,
        organization_id: org?.id,
        name: c.name ?? c.title,
        title: c.name ? c.title : undefined,
        email: c.email,
        phone: phone?.replace(/^"+|"+$/g, ''),
        visibility: svc ? childVisibility(svc as never) : 'public',
        ...fieldsOf('contact', sid),
      },
      r,
      log,
      false,
    );
    if (rec) planned.push({ table: 'contacts', key: `contacts/${sid}`, record: rec });
  }
  return { planned, unmappedTerms, unassignedLocations };
}

/**
 * Field values that attributes of our field taxonomy carry (see server/hsds/own-terms.ts), by
 * `entity/source id`. Values that cannot be that field are left out: the record keeps its
 * default, and the schema check reports nothing it would not report anyway.
 */
function fieldAttributes(
  rows: SourceRow[],
  terms: Map<string, { code?: string; taxonomy?: string }>,
): Map<string, Record<string, unknown>> {
  const out = new Map<string, Record<string, unknown>>();
  for (const r of rows) {
    const c = r.cells;
    const term = c.taxonomy_term_id ? terms.get(c.taxonomy_term_id) : undefined;
    if (term?.taxonomy !== FIELD_TAXONOMY || !term.code || !c.link_id || c.value === undefined)
      continue;
    const entity = (c.link_entity ?? '').toLowerCase();
    const codec = fieldCodec(entity, term.code);
    if (!codec) continue;
    const value = decodeField(codec, c.value);
    if (value === undefined) continue;
    if (term.code === 'visibility' && value !== 'public' && value !== 'internal') continue;
    const key = `${entity}/${c.link_id}`;
    out.set(key, { ...out.get(key), [term.code]: value });
  }
  return out;
}

/** A schedule's exact rule, where the HSDS form had to approximate it, replaces that form. */
function withRecurrence(fields: Record<string, unknown>): Record<string, unknown> {
  const { recurrence, ...rest } = fields;
  if (!recurrence || typeof recurrence !== 'object') return rest;
  const r = recurrence as Record<string, unknown>;
  return { ...rest, freq: r.freq, interval: r.interval, byday: r.byday ?? undefined };
}
