import writeXlsxFile from 'write-excel-file/node';
import type { Schedule } from '../../src/model';
import type { ExportData } from '../export/hsds-json';
import { parseScheduleWords } from '../import/schedule-words';
import {
  HELP_SHEET,
  type RecordSheet,
  SHEET_TABLES,
  SHEETS,
  type SheetTable,
  TRANSLATED_COLUMNS,
} from './sheets';

type Cell = string | number | undefined;

const DAY_ABBR: Record<string, string> = {
  MO: 'Mo',
  TU: 'Di',
  WE: 'Mi',
  TH: 'Do',
  FR: 'Fr',
  SA: 'Sa',
  SU: 'So',
};
const STATUS = { active: 'aktiv', paused: 'pausiert', ended: 'beendet' } as const;

const deDay = (iso: string | null | undefined) =>
  iso ? `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}` : undefined;
const join = (xs: readonly string[] | undefined) =>
  xs && xs.length > 0 ? xs.join(', ') : undefined;
const internal = (r: { visibility: string }) =>
  r.visibility === 'internal' ? 'intern' : undefined;

/**
 * A rule in the words coordinators write, when the words say exactly this rule: checked by
 * reading the words back, so that what the sheet says is what the import will read.
 */
export function scheduleWords(s: Schedule): string | null {
  if (s.bymonthday || s.count || s.until || s.wkst || !s.byday) return null;
  const parts = s.byday.split(',');
  let words: string;
  if (s.freq === 'WEEKLY' && (s.interval === 1 || s.interval === 2)) {
    if (parts.some((p) => !DAY_ABBR[p])) return null;
    words = `${s.interval === 2 ? '14-täglich ' : ''}${parts.map((p) => DAY_ABBR[p]).join(', ')}`;
  } else if (s.freq === 'MONTHLY' && s.interval === 1) {
    const m = parts.map((p) => /^(-?[1-5])([A-Z]{2})$/.exec(p));
    if (m.some((x) => !x || !DAY_ABBR[x[2] as string])) return null;
    const ords = [...new Set(m.map((x) => Number(x?.[1])))];
    const days = [...new Set(m.map((x) => x?.[2] as string))];
    const ord = (n: number) => (n === -1 ? 'letzten' : n === -2 ? 'vorletzten' : `${n}.`);
    words = `jeden ${ords.map(ord).join(' und ')} ${days.map((d) => DAY_ABBR[d]).join(', ')}`;
  } else {
    return null;
  }
  words += ` ${s.opens_at}–${s.closes_at}`;
  const back = parseScheduleWords(words);
  if (!back.ok || back.rules.length !== 1) return null;
  const r = back.rules[0];
  return r?.freq === s.freq && r.interval === s.interval && r.byday === s.byday ? words : null;
}

function rrule(s: Schedule): string {
  return [
    `FREQ=${s.freq}`,
    s.interval !== 1 ? `INTERVAL=${s.interval}` : '',
    s.byday ? `BYDAY=${s.byday}` : '',
    s.bymonthday ? `BYMONTHDAY=${s.bymonthday}` : '',
    s.count ? `COUNT=${s.count}` : '',
    s.until ? `UNTIL=${s.until.replace(/-/g, '')}` : '',
    s.wkst ? `WKST=${s.wkst}` : '',
  ]
    .filter(Boolean)
    .join(';');
}

/** One row per translated field: sheet, record id, language, column, text, machine mark. */
function translationRows(data: ExportData): Cell[][] {
  const rows: Cell[][] = [];
  for (const table of Object.keys(TRANSLATED_COLUMNS) as RecordSheet[]) {
    const columns: Record<string, string> = TRANSLATED_COLUMNS[table];
    for (const record of data[table]) {
      for (const [lang, t] of Object.entries(record.translations ?? {})) {
        for (const [field, header] of Object.entries(columns)) {
          const text = t?.[field];
          if (typeof text !== 'string' || text === '') continue;
          rows.push([
            SHEETS[table].name,
            record.id,
            lang,
            header,
            text,
            t?.machine ? 'ja' : undefined,
          ]);
        }
      }
    }
  }
  return rows;
}

/** Each table's rows, in the columns of sheets.ts (checked: a row has a cell per column). */
export function templateRows(data: ExportData): Record<SheetTable, Cell[][]> {
  const orgOf = new Map(data.organizations.map((o) => [o.id, o]));
  const rows: Record<SheetTable, Cell[][]> = {
    organizations: data.organizations.map((o) => [
      o.id,
      o.name,
      o.description || undefined,
      o.email ?? undefined,
      o.website ?? undefined,
      o.phone ?? undefined,
    ]),
    locations: data.locations.map((l) => [
      l.id,
      l.organization_id && orgOf.has(l.organization_id) ? l.organization_id : undefined,
      l.name,
      l.description ?? undefined,
      l.address_1,
      l.postal_code,
      l.city,
      l.quartier,
      l.latitude ?? undefined,
      l.longitude ?? undefined,
      l.accessibility ?? undefined,
      l.transportation ?? undefined,
      internal(l),
    ]),
    services: data.services.map((s) => [
      s.id,
      s.organization_id,
      s.name,
      s.alternate_name ?? undefined,
      s.description || undefined,
      join(s.target_groups),
      join(s.categories),
      join(s.traits),
      join(s.languages),
      join(s.location_ids),
      s.phone ?? undefined,
      s.email ?? undefined,
      s.url ?? undefined,
      STATUS[s.status],
      s.fees_description ?? undefined,
      s.eligibility_description ?? undefined,
      s.application_process ?? undefined,
      s.legal_basis ?? undefined,
      deDay(s.assured_date),
      internal(s),
    ]),
    schedules: data.schedules.map((s) => {
      const words = scheduleWords(s);
      return [
        s.id,
        s.service_id,
        s.location_id ?? undefined,
        words ?? undefined,
        words ? undefined : rrule(s),
        words ? undefined : s.opens_at,
        words ? undefined : s.closes_at,
        deDay(s.dtstart),
        deDay(s.valid_from),
        deDay(s.valid_to),
        join(s.exdates.map((d) => deDay(d) as string)),
        join(s.rdates.map((d) => deDay(d) as string)),
        s.closed_on_holidays ? undefined : 'geöffnet',
        s.notes ?? undefined,
        internal(s),
      ];
    }),
    contacts: data.contacts.map((c) => [
      c.id,
      c.service_id ?? undefined,
      c.organization_id ?? undefined,
      c.name,
      c.title ?? undefined,
      c.phone ?? undefined,
      c.email ?? undefined,
      join(c.languages),
      c.availability ?? undefined,
      internal(c),
    ]),
    translations: translationRows(data),
  };
  for (const t of SHEET_TABLES) {
    const width = SHEETS[t].columns.length;
    if (rows[t].some((r) => r.length !== width))
      throw new Error(`template row of ${t} does not match its columns`);
  }
  return rows;
}

/**
 * The template as an XLSX workbook: one sheet per table, filled with `data`, and the sheet
 * "Erläuterungen". Without any offer (a blank template) each sheet shows its example row.
 */
export async function templateWorkbook(data: ExportData): Promise<Uint8Array> {
  const rows = templateRows(data);
  const blank = data.services.length === 0;
  const bold = (value: string) => ({ value, fontWeight: 'bold' as const });
  const sheets = SHEET_TABLES.map((t) => ({
    sheet: SHEETS[t].name as string,
    data: [
      SHEETS[t].columns.map((c) => bold(c.header)),
      ...(blank ? [SHEETS[t].columns.map((c) => c.example || undefined)] : rows[t]),
    ],
    columns: SHEETS[t].columns.map((c) => ({ width: Math.max(12, c.header.length + 4) })),
    stickyRowsCount: 1,
  }));
  const help = [
    [bold('Blatt'), bold('Spalte'), bold('Pflicht'), bold('Bedeutung'), bold('Beispiel')],
    ...SHEET_TABLES.flatMap((t) =>
      SHEETS[t].columns.map((c) => [
        SHEETS[t].name,
        c.header,
        c.required ? 'ja' : undefined,
        c.help,
        c.example || undefined,
      ]),
    ),
  ];
  sheets.push({
    sheet: HELP_SHEET,
    data: help,
    columns: [{ width: 18 }, { width: 24 }, { width: 8 }, { width: 80 }, { width: 30 }],
    stickyRowsCount: 1,
  });
  const buffer = await writeXlsxFile(sheets as never).toBuffer();
  return new Uint8Array(buffer);
}
