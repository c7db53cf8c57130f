/**
 * German formatting. Dates are shown in Europe/Berlin whatever the device's zone is,
 * because opening hours and "zuletzt geprüft" refer to the place, not the phone.
 */

import { once } from '../util/once';
import { berlinFormat } from './berlinTime';

const dateFmt = berlinFormat({ day: '2-digit', month: '2-digit', year: 'numeric' });

const dateTimeFmt = berlinFormat({
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "2026-10-12" → "12.10.2026". A calendar date has no zone: noon UTC is that day in Berlin. */
export function formatIsoDate(iso: string): string {
  const m = ISO_DATE.exec(iso);
  if (!m) return iso;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12));
  return Number.isNaN(d.getTime()) ? iso : dateFmt().format(d);
}

/** An instant (ISO timestamp or Date) as "12.10.2026, 14:05". */
export function formatDateTime(value: string | Date): string {
  const d = typeof value === 'string' ? new Date(value) : value;
  return Number.isNaN(d.getTime()) ? String(value) : dateTimeFmt().format(d);
}

/** "09:00" → "9:00", as German notices write it. */
export function formatTime(hhmm: string): string {
  return hhmm.replace(/^0(\d):/, '$1:');
}

const numberFmt = once(() => new Intl.NumberFormat('de-DE', { maximumFractionDigits: 1 }));

/**
 * Counts below 1,000 are written the same with or without Intl in a Latin-digit locale. The
 * first NumberFormat of a page loads ICU's locale tables (40–60 ms on a fast machine, four
 * times that on a slow phone), which the start page's counts should not wait for.
 */
export function formatNumber(n: number): string {
  if (Number.isInteger(n) && n >= 0 && n < 1000) return String(n);
  return numberFmt().format(n);
}

/** Bytes in German units: "1,4 MB". */
export function formatBytes(bytes: number): string {
  const units = ['Byte', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${numberFmt().format(value)} ${units[unit]}`;
}

/** "a", "a und b", "a, b und c". */
export function joinGerman(parts: string[], and: string): string {
  if (parts.length <= 1) return parts[0] ?? '';
  return `${parts.slice(0, -1).join(', ')} ${and} ${parts[parts.length - 1]}`;
}
