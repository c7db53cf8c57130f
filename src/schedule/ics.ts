/**
 * Calendar export (.ics, RFC 5545) of an offer's consultation hours. Loaded on demand
 * only ("In Kalender übernehmen"), so ical-generator never weighs on the start page.
 *
 * - One VEVENT per schedule: DTSTART/DTEND with TZID=Europe/Berlin, RRULE, EXDATE, RDATE.
 * - VTIMEZONE for Europe/Berlin is written here (the EU rule since 1996; a test checks it
 *   against the platform's zone data), because ical-generator ships no zone database.
 * - "An Feiertagen geschlossen" cannot be said in iCalendar, so the holidays the rule hits
 *   inside the exported window become EXDATEs, and the RRULE ends with the window
 *   (UNTIL) — beyond it the calendar would not know the holidays. COUNT is turned into
 *   the equivalent UNTIL for the same reason: DTSTART moves to the window's first date.
 * - Native Dates with a TZID are written in the *device's* zone by ical-generator, so the
 *   times go in as TZDate (@date-fns/tz), which ical-generator reads in Berlin time.
 */
import { TZDate } from '@date-fns/tz';
import ical, { escape as escapeText } from 'ical-generator';
import { type EngineOptions, getDefaultLand } from './config';
import { civilFromDay } from './days';
import { holidayOn } from './holidays';
import { endOf, startOf } from './occurrences';
import { compile, type RecurrenceInput, ruleDays } from './rule';
import { dayOfInstant, TIME_ZONE, wallToInstant } from './tz';

export const BERLIN_VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  `TZID:${TIME_ZONE}`,
  `X-LIC-LOCATION:${TIME_ZONE}`,
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
].join('\r\n');

export interface IcsEntry {
  schedule: RecurrenceInput & { id?: string };
  summary: string;
  location?: string | null;
  description?: string | null;
  url?: string | null;
}

export interface IcsOptions extends EngineOptions {
  /** Calendar name (the offer). */
  name: string;
  entries: IcsEntry[];
  /** Start of the exported window, usually now. */
  from: Date;
  /** Length of the window in months (default 12). */
  months?: number;
  /** DTSTAMP; default: now. */
  stamp?: Date;
  /** Language of the texts, for PRODID ("de", "en", …); default German. */
  language?: string;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** Berlin wall-clock "YYYYMMDDTHHMMSS" of a day and minute. */
function localStamp(day: number, minute: number): string {
  const { year, month, day: d } = civilFromDay(day);
  return `${pad(year, 4)}${pad(month)}${pad(d)}T${pad(Math.floor(minute / 60))}${pad(minute % 60)}00`;
}

function utcStamp(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getUTCFullYear(), 4)}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(
    d.getUTCHours(),
  )}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}Z`;
}

function addMonths(ms: number, months: number): number {
  const d = new Date(ms);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.getTime();
}

/**
 * RRULE parts (without UNTIL) that mean in every calendar what the engine means, or null
 * if the rule is better sent as its plain dates. DTSTART is always the rule's first date.
 * Forms left out because readers get them wrong (each seen in ical.js, Thunderbird's
 * parser):
 * - BYDAY together with BYMONTHDAY ("Friday the 13th"): rejected at a month's end,
 *   months skipped with INTERVAL.
 * - BYMONTHDAY in DAILY (loops forever) or WEEKLY (not allowed by RFC 5545): with
 *   INTERVAL=1 it is the same as MONTHLY;BYMONTHDAY.
 * - YEARLY with BYDAY/BYMONTHDAY and no BYMONTH: read as "every month" by some and as
 *   "DTSTART's month" by others; with INTERVAL=1 it is written as MONTHLY.
 */
function rrulePartsOf(s: RecurrenceInput): string[] | null {
  const c = compile(s);
  const weekdays = c.freq === 'DAILY' || c.freq === 'WEEKLY' ? c.anyMask : c.plainMask;
  const plain = c.hasByday ? plainDays(weekdays) : null;
  const monthdays = c.monthdays?.join(',') ?? null;
  const interval = c.interval > 1 ? [`INTERVAL=${c.interval}`] : [];
  if (monthdays && (c.hasByday || c.freq === 'WEEKLY')) return null;
  if (monthdays && c.freq !== 'MONTHLY') {
    return c.interval > 1 ? null : ['FREQ=MONTHLY', `BYMONTHDAY=${monthdays}`];
  }
  switch (c.freq) {
    case 'DAILY':
    case 'WEEKLY':
      return [
        `FREQ=${c.freq}`,
        ...interval,
        ...(plain ? [`BYDAY=${plain}`] : []),
        ...(c.freq === 'WEEKLY' ? [`WKST=${CODES[c.wkst]}`] : []),
      ];
    case 'MONTHLY': {
      const byday = [...plainList(c.plainMask), ...c.ordinals.map(([n, wd]) => `${n}${CODES[wd]}`)];
      return [
        'FREQ=MONTHLY',
        ...interval,
        ...(byday.length > 0 ? [`BYDAY=${byday.join(',')}`] : []),
        ...(monthdays ? [`BYMONTHDAY=${monthdays}`] : []),
      ];
    }
    default:
      if (!c.hasByday) return ['FREQ=YEARLY', ...interval];
      if (c.ordinals.length > 0 || c.interval > 1) return null;
      return ['FREQ=WEEKLY', `BYDAY=${plain}`, 'WKST=MO'];
  }
}

const CODES = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;

function plainList(mask: number): string[] {
  return CODES.filter((_, wd) => mask & (1 << wd));
}

function plainDays(mask: number): string | null {
  const list = plainList(mask);
  return list.length > 0 ? list.join(',') : null;
}

/** The .ics text for one offer's schedules. */
export function buildIcs(opts: IcsOptions): string {
  const land = opts.land ?? getDefaultLand();
  const fromMs = opts.from.getTime();
  const toMs = addMonths(fromMs, opts.months ?? 12);
  const firstDay = dayOfInstant(fromMs);
  const lastDay = dayOfInstant(toMs);

  const cal = ical({
    name: escapeText(opts.name, false),
    prodId: {
      company: 'Quartier-Wegweiser',
      product: 'Sprechstunden',
      language: (opts.language ?? 'de').toUpperCase(),
    },
    // No calendar-wide zone: with one, ical-generator writes DTSTAMP in local time, and
    // RFC 5545 wants it in UTC. The events carry the TZID; the generator adds VTIMEZONE.
    timezone: { name: null, generator: (tz) => (tz === TIME_ZONE ? BERLIN_VTIMEZONE : null) },
  });
  const stamp = opts.stamp ?? new Date();

  opts.entries.forEach((entry, index) => {
    const s = entry.schedule;
    const c = compile(s);
    if (!c.ok) return;
    const uidBase = s.id ?? `schedule-${index}`;
    const inWindow = (day: number) => {
      const start = startOf(c, day);
      return start >= fromMs && start < toMs;
    };
    const cancelled = (day: number) =>
      c.exdates.has(day) || (c.closedOnHolidays && holidayOn(day, land) !== undefined);

    const ruleList: number[] = [];
    ruleDays(c, firstDay, lastDay, ruleList);
    const rule = ruleList.filter(inWindow);
    const ruleSet = new Set(rule);
    const extra = c.rdates.filter(
      (d) => d >= c.validFrom && d <= c.validTo && !ruleSet.has(d) && !cancelled(d) && inWindow(d),
    );

    const event = (uid: string, day: number, lines: string | null) =>
      cal.createEvent({
        id: `${uid}@quartier-wegweiser`,
        start: new TZDate(startOf(c, day), TIME_ZONE),
        end: new TZDate(endOf(c, day), TIME_ZONE),
        timezone: TIME_ZONE,
        stamp,
        summary: entry.summary,
        location: entry.location ?? null,
        description: entry.description ?? null,
        url: entry.url ?? null,
        repeating: lines,
      });

    const single = (d: number) => event(`${uidBase}-${localStamp(d, 0).slice(0, 8)}`, d, null);
    const first = rule[0];
    if (first === undefined) {
      // Only single dates: iCalendar needs no recurrence for them.
      for (const d of extra) single(d);
      return;
    }
    const parts = rrulePartsOf(s);
    if (!parts) {
      // A rule iCalendar cannot say the same way everywhere: its plain dates instead.
      for (const d of [...rule.filter((x) => !cancelled(x)), ...extra]) single(d);
      return;
    }
    const last = rule[rule.length - 1] as number;
    // UNTIL is a UTC instant when DTSTART has a TZID (RFC 5545 §3.3.10): end of the last day.
    parts.push(`UNTIL=${utcStamp(wallToInstant(last + 1, 0) - 1000)}`);
    const lines = [`RRULE:${parts.join(';')}`];
    const ex = rule.filter(cancelled).map((d) => localStamp(d, c.open));
    if (ex.length > 0) lines.push(`EXDATE;TZID=${TIME_ZONE}:${ex.join(',')}`);
    if (extra.length > 0) {
      lines.push(`RDATE;TZID=${TIME_ZONE}:${extra.map((d) => localStamp(d, c.open)).join(',')}`);
    }
    event(uidBase, first, lines.join('\n'));
  });

  return cal.toString();
}

/** A safe file name: "Sprachcafé Hüttenfeld" → "sprechstunden-sprachcafe-huttenfeld.ics". */
export function icsFileName(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `sprechstunden${slug ? `-${slug}` : ''}.ics`;
}
