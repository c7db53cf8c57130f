import { matchContentLanguage, type Translations } from '../../src/model';
import {
  FIELD_ATTRIBUTES,
  FIELD_TAXONOMY,
  OWN_LISTS,
  type OwnList,
  termId,
} from '../hsds/own-terms';
import type { SourceRow } from '../import/csv';
import type { IssueLog } from '../import/issues';
import { languageCode } from '../import/map-records';
import { parseScheduleWords } from '../import/schedule-words';
import { emptyTables, type SourceTable, type SourceTables } from '../import/tables';
import { type RecordSheet, SHEETS, type SheetTable, TRANSLATED_COLUMNS } from './sheets';

/**
 * The template's sheets rewritten into the HSDS source tables the import maps, so that the
 * template goes through the same checks, ids, Quartier rules and tombstones as any HSDS
 * package. Our own lists and fields go the way our HSDS export sends them (own-terms.ts).
 */
export function templateToTables(
  sheets: Map<SheetTable, SourceRow[]>,
  log: IssueLog,
): SourceTables {
  const t = emptyTables();
  const push = (table: SourceTable, from: SourceRow, cells: Record<string, string | undefined>) => {
    const clean = Object.fromEntries(
      Object.entries(cells).filter((e): e is [string, string] => !!e[1]),
    );
    t[table].push({ file: from.file, row: from.row, cells: clean });
  };
  const field = (entity: string, from: SourceRow, linkId: string, name: string, value?: string) => {
    if (!value) return;
    push('attributes', from, {
      id: `${entity}/${linkId}/${name}`,
      link_entity: entity,
      link_id: linkId,
      taxonomy_term_id: termId(FIELD_TAXONOMY, name),
      value,
    });
  };
  const seenTerms = new Set<string>();
  const ownTerm = (list: OwnList, code: string) => {
    const id = termId(OWN_LISTS[list].taxonomy, code);
    if (!seenTerms.has(id)) {
      seenTerms.add(id);
      t.taxonomy_terms.push({
        file: '',
        row: 0,
        cells: { id, code, name: code, taxonomy: OWN_LISTS[list].taxonomy },
      });
    }
    return id;
  };
  const fieldNames = new Set(Object.values(FIELD_ATTRIBUTES).flatMap((f) => Object.keys(f)));
  for (const name of fieldNames) {
    const id = termId(FIELD_TAXONOMY, name);
    t.taxonomy_terms.push({
      file: '',
      row: 0,
      cells: { id, code: name, taxonomy: FIELD_TAXONOMY },
    });
  }

  const cellsOf = (table: SheetTable, r: SourceRow) => {
    const out: Record<string, string | undefined> = {};
    for (const c of SHEETS[table].columns) out[c.header] = r.cells[c.header.toLowerCase()];
    return out;
  };
  const at = (r: SourceRow, header: string) => ({
    file: r.file,
    row: r.row,
    column: header,
  });
  const list = (s: string | undefined) =>
    (s ?? '')
      .split(/[,;|]/)
      .map((x) => x.trim())
      .filter(Boolean);
  const day = (r: SourceRow, header: string, s: string | undefined) => {
    if (!s) return undefined;
    const iso = isoDay(s);
    if (!iso) log.warn(at(r, header), 'INVALID_DATE', 'Datum nicht lesbar (TT.MM.JJJJ)', s);
    return iso;
  };
  const visibility = (r: SourceRow, s: string | undefined) => {
    if (!s || /^(öffentlich|oeffentlich|public)$/i.test(s)) return undefined;
    if (/^(intern|internal)$/i.test(s)) return 'internal';
    log.warn(at(r, 'Sichtbarkeit'), 'INVALID_VISIBILITY', 'Als „öffentlich“ übernommen', s);
    return undefined;
  };

  // Each record sheet's ids, and the ids they were written as (a row of several hours is
  // several schedules), for the sheet of translations.
  const recordIds = Object.fromEntries(
    (Object.keys(TRANSLATED_COLUMNS) as RecordSheet[]).map((t) => [t, new Map<string, string[]>()]),
  ) as Record<RecordSheet, Map<string, string[]>>;
  const known = (table: RecordSheet, id: string | undefined) => {
    if (id) recordIds[table].set(id, [id]);
  };
  for (const r of sheets.get('organizations') ?? []) {
    const c = cellsOf('organizations', r);
    known('organizations', c.ID);
    push('organizations', r, {
      id: c.ID,
      name: c.Name,
      description: c.Beschreibung,
      email: c['E-Mail'],
      website: c.Webseite,
    });
    if (c.Telefon) push('phones', r, { organization_id: c.ID, number: c.Telefon });
  }
  for (const r of sheets.get('locations') ?? []) {
    const c = cellsOf('locations', r);
    known('locations', c.ID);
    push('locations', r, {
      id: c.ID,
      organization_id: c['Träger-ID'],
      name: c.Name,
      description: c.Beschreibung,
      latitude: c.Breitengrad,
      longitude: c.Längengrad,
      transportation: c.Anfahrt,
    });
    push('addresses', r, {
      location_id: c.ID,
      address_1: c['Straße und Hausnummer'],
      // A spreadsheet keeps 01067 as the number 1067.
      postal_code: c.PLZ && /^\d{4}$/.test(c.PLZ) ? `0${c.PLZ}` : c.PLZ,
      city: c.Ort,
      region: c.Quartier,
    });
    if (c.Barrierefreiheit)
      push('accessibility', r, { location_id: c.ID, description: c.Barrierefreiheit });
    if (c.ID) field('location', r, c.ID, 'visibility', visibility(r, c.Sichtbarkeit));
  }
  for (const r of sheets.get('services') ?? []) {
    const c = cellsOf('services', r);
    const id = c.ID;
    known('services', id);
    push('services', r, {
      id,
      organization_id: c['Träger-ID'],
      name: c.Name,
      alternate_name: c.Kurzname,
      description: c.Beschreibung,
      url: c.Webseite,
      email: c['E-Mail'],
      status: c.Status,
      fees_description: c.Kosten,
      eligibility_description: c.Voraussetzungen,
      application_process: c.Anmeldung,
      assured_date: day(r, 'Zuletzt geprüft', c['Zuletzt geprüft']),
    });
    if (!id) continue;
    if (c.Telefon) push('phones', r, { service_id: id, number: c.Telefon });
    for (const l of list(c.Sprachen)) push('languages', r, { service_id: id, language: l });
    for (const lid of list(c['Ort-IDs']))
      push('service_at_location', r, { service_id: id, location_id: lid });
    for (const [header, own] of [
      ['Zielgruppen', 'target_groups'],
      ['Kategorien', 'categories'],
      ['Merkmale', 'traits'],
    ] as const) {
      for (const code of list(c[header]).map((x) => x.toLowerCase()))
        push('service_terms', r, { service_id: id, taxonomy_id: ownTerm(own, code) });
    }
    field('service', r, id, 'legal_basis', c.Rechtsgrundlage);
    field('service', r, id, 'visibility', visibility(r, c.Sichtbarkeit));
  }
  for (const r of sheets.get('schedules') ?? []) {
    const c = cellsOf('schedules', r);
    const base = {
      service_id: c['Angebot-ID'],
      location_id: c['Ort-ID'],
      dtstart: day(r, 'Erster Termin', c['Erster Termin']),
      valid_from: day(r, 'Gültig ab', c['Gültig ab']),
      valid_to: day(r, 'Gültig bis', c['Gültig bis']),
      notes: c.Hinweis,
    };
    let rules: Record<string, string | undefined>[];
    if (c.Zeiten) {
      const words = parseScheduleWords(c.Zeiten);
      if (!words.ok) {
        log.warn(
          at(r, 'Zeiten'),
          'INVALID_HOURS',
          `Nicht lesbar: „${words.unread}“ (Sprechzeit nicht übernommen)`,
          c.Zeiten,
        );
        continue;
      }
      rules = words.rules.map((w) => ({ ...w, interval: String(w.interval) }));
    } else if (c.Regel) {
      const rule = parseRrule(c.Regel);
      if (!rule) {
        log.warn(at(r, 'Regel'), 'INVALID_RULE', 'Regel nicht lesbar', c.Regel);
        continue;
      }
      rules = [{ ...rule, opens_at: c.Beginn, closes_at: c.Ende }];
    } else {
      log.warn(at(r, 'Zeiten'), 'MISSING_HOURS', 'Zeiten fehlen (nicht übernommen)');
      continue;
    }
    rules.forEach((rule, i) => {
      const id = rules.length > 1 ? `${c.ID}#${i + 1}` : c.ID;
      push('schedules', r, { ...base, ...rule, id });
      if (!id) return;
      if (c.ID) recordIds.schedules.set(c.ID, [...(recordIds.schedules.get(c.ID) ?? []), id]);
      const dates = (header: 'Fällt aus am' | 'Zusätzlich am') =>
        list(c[header])
          .map((s) => day(r, header, s))
          .filter(Boolean)
          .join(',');
      field('schedule', r, id, 'exdates', dates('Fällt aus am'));
      field('schedule', r, id, 'rdates', dates('Zusätzlich am'));
      if (c['An Feiertagen'] && /^ge(ö|oe)ffnet|offen$/i.test(c['An Feiertagen']))
        field('schedule', r, id, 'closed_on_holidays', 'false');
      field('schedule', r, id, 'visibility', visibility(r, c.Sichtbarkeit));
    });
  }
  for (const r of sheets.get('contacts') ?? []) {
    const c = cellsOf('contacts', r);
    known('contacts', c.ID);
    push('contacts', r, {
      id: c.ID,
      service_id: c['Angebot-ID'],
      organization_id: c['Träger-ID'],
      name: c.Name,
      title: c.Funktion,
      email: c['E-Mail'],
    });
    if (!c.ID) continue;
    if (c.Telefon) push('phones', r, { contact_id: c.ID, number: c.Telefon });
    const languages = list(c.Sprachen).map((l) => languageCode(l));
    field('contact', r, c.ID, 'languages', languages.filter(Boolean).join(','));
    field('contact', r, c.ID, 'availability', c.Erreichbarkeit);
    field('contact', r, c.ID, 'visibility', visibility(r, c.Sichtbarkeit));
  }
  for (const [table, ids] of readTranslations(sheets.get('translations') ?? [], recordIds, log)) {
    for (const [id, translations] of ids) {
      for (const linkId of recordIds[table].get(id) ?? []) {
        field(
          HSDS_ENTITY[table],
          translationRow,
          linkId,
          'translations',
          JSON.stringify(translations),
        );
      }
    }
  }
  return t;
}

/** The HSDS entity of each record sheet, whose attributes carry its fields. */
const HSDS_ENTITY = {
  organizations: 'organization',
  locations: 'location',
  services: 'service',
  schedules: 'schedule',
  contacts: 'contact',
} as const satisfies Record<RecordSheet, string>;

/** Where findings about merged translations point: the sheet as a whole. */
const translationRow: SourceRow = { file: SHEETS.translations.name, row: 0, cells: {} };

/**
 * The sheet of translations, one row per field, gathered into each record's `translations`.
 * A row that names no known sheet, record, language or column is reported and left out.
 */
function readTranslations(
  rows: SourceRow[],
  recordIds: Record<RecordSheet, Map<string, string[]>>,
  log: IssueLog,
): Map<RecordSheet, Map<string, Translations>> {
  const out = new Map<RecordSheet, Map<string, Translations>>();
  const headers = Object.fromEntries(
    SHEETS.translations.columns.map((c) => [c.header, c.header.toLowerCase()]),
  );
  for (const r of rows) {
    const cell = (h: string) => r.cells[headers[h] as string]?.trim() || undefined;
    const where = (column: string) => ({ file: r.file, row: r.row, column });
    const sheet = cell('Blatt');
    const table = (Object.keys(TRANSLATED_COLUMNS) as RecordSheet[]).find(
      (x) => SHEETS[x].name.toLowerCase() === sheet?.toLowerCase(),
    );
    if (!table) {
      log.warn(
        where('Blatt'),
        'UNKNOWN_SHEET',
        'Kein Blatt mit diesem Namen (Zeile nicht übernommen)',
        sheet,
      );
      continue;
    }
    const id = cell('ID');
    if (!id || !recordIds[table].has(id)) {
      log.warn(
        where('ID'),
        'MISSING_REFERENCE',
        `Kein Eintrag mit dieser ID auf „${SHEETS[table].name}“`,
        id,
      );
      continue;
    }
    const lang = matchContentLanguage(cell('Sprache'));
    if (!lang) {
      log.warn(
        where('Sprache'),
        'UNKNOWN_LANGUAGE',
        'Keine Sprache der App (Zeile nicht übernommen)',
        cell('Sprache'),
      );
      continue;
    }
    const header = cell('Spalte');
    const field = Object.entries(TRANSLATED_COLUMNS[table]).find(
      ([, h]) => h.toLowerCase() === header?.toLowerCase(),
    )?.[0];
    if (!field) {
      log.warn(where('Spalte'), 'UNKNOWN_COLUMN', 'Diese Spalte wird nicht übersetzt', header);
      continue;
    }
    const text = r.cells[headers.Text as string];
    if (!text?.trim()) continue;
    const byId = out.get(table) ?? new Map<string, Translations>();
    out.set(table, byId);
    const translations = byId.get(id) ?? {};
    byId.set(id, translations);
    const entry = translations[lang] ?? {};
    translations[lang] = entry;
    entry[field] = text.trim();
    if (/^(ja|yes|x|1|true)$/i.test(cell('Maschinell übersetzt') ?? '')) entry.machine = true;
  }
  return out;
}

/** TT.MM.JJJJ (or ISO) to ISO; undefined when it is no date. */
export function isoDay(s: string): string | undefined {
  const de = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(s.trim());
  const iso = de
    ? `${de[3]}-${(de[2] as string).padStart(2, '0')}-${(de[1] as string).padStart(2, '0')}`
    : /^\d{4}-\d{2}-\d{2}$/.test(s.trim())
      ? s.trim()
      : undefined;
  if (!iso) return undefined;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(iso) ? iso : undefined;
}

/** FREQ=…;INTERVAL=…;BYDAY=…;BYMONTHDAY=…;COUNT=…;UNTIL=…;WKST=… (the parts our rules have). */
export function parseRrule(s: string): Record<string, string> | null {
  const out: Record<string, string> = {};
  const names: Record<string, string> = {
    FREQ: 'freq',
    INTERVAL: 'interval',
    BYDAY: 'byday',
    BYMONTHDAY: 'bymonthday',
    COUNT: 'count',
    UNTIL: 'until',
    WKST: 'wkst',
  };
  for (const part of s.replace(/^RRULE:/i, '').split(';')) {
    if (!part.trim()) continue;
    const [k, v] = part.split('=');
    const key = names[(k ?? '').trim().toUpperCase()];
    if (!key || !v) return null;
    const value = v.trim().toUpperCase();
    out[key] =
      key === 'until' && /^\d{8}/.test(value)
        ? `${value.slice(0, 4)}-${value.slice(4, 6)}-${value.slice(6, 8)}`
        : value;
  }
  return out.freq ? out : null;
}
