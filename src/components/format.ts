/**
 * Formatting in the UI language. Dates are shown in Europe/Berlin whatever the device's zone is,
 * because opening hours and "zuletzt geprüft" refer to the place, not the phone.
 */

import { intlLocale } from '../i18n';
import { formatNumberIn } from '../i18n/format';
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

/** Numbers in the UI language: "1.234", "1,5" in German. */
export function formatNumber(n: number): string {
  return formatNumberIn(intlLocale(), n);
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
  return `${formatNumber(value)} ${units[unit]}`;
}
