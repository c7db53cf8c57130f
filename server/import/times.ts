/**
 * Opening times as real data writes them: "09:00:00", "9:00am", "0900", "9", "17.30",
 * "12 noon", "closed", and ranges "9-5" or "9:00 – 17:00" in one cell.
 */

export type TimeResult =
  | { kind: 'time'; value: string }
  | { kind: 'closed' }
  | { kind: 'blank' }
  | { kind: 'invalid' };

export type RangeResult =
  | { kind: 'range'; opens: string; closes: string; guessedPm: boolean }
  | { kind: 'closed' }
  | { kind: 'blank' }
  | { kind: 'invalid' };

const CLOSED = /^(closed|geschlossen|zu|none|n\/a|-)$/i;

const hhmm = (h: number, m: number) =>
  `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;

export function parseTime(raw: string | undefined): TimeResult {
  const s = (raw ?? '').trim().toLowerCase().replace(/\s+/g, ' ');
  if (s === '') return { kind: 'blank' };
  if (CLOSED.test(s)) return { kind: 'closed' };
  if (s === 'noon' || s === '12 noon' || s === 'mittag') return { kind: 'time', value: '12:00' };
  if (s === 'midnight' || s === 'mitternacht') return { kind: 'time', value: '00:00' };
  const m = /^(\d{1,2})(?:[:.h](\d{2})(?::(\d{2}))?)?\s*(am|pm|a\.m\.|p\.m\.|uhr)?$/.exec(s);
  const compact = /^(\d{2})(\d{2})$/.exec(s);
  let h: number;
  let min: number;
  let suffix: string | undefined;
  if (compact) {
    h = Number(compact[1]);
    min = Number(compact[2]);
  } else if (m) {
    h = Number(m[1]);
    min = m[2] === undefined ? 0 : Number(m[2]);
    suffix = m[4];
    if (m[3] !== undefined && Number(m[3]) > 59) return { kind: 'invalid' };
  } else {
    return { kind: 'invalid' };
  }
  if (suffix?.startsWith('a') || suffix?.startsWith('p')) {
    if (h < 1 || h > 12) return { kind: 'invalid' };
    if (suffix.startsWith('a')) h = h === 12 ? 0 : h;
    else h = h === 12 ? 12 : h + 12;
  }
  if (h === 24 && min === 0) return { kind: 'time', value: '00:00' };
  if (h > 23 || min > 59) return { kind: 'invalid' };
  return { kind: 'time', value: hhmm(h, min) };
}

/**
 * One cell holding a range ("9-5", "9:00am - 5pm", "09:00–17:00"). A closing hour before
 * the opening hour without am/pm ("9-5") is read as afternoon and says so (`guessedPm`), so
 * the report can show the reading.
 */
export function parseRange(raw: string | undefined): RangeResult {
  const s = (raw ?? '').trim();
  if (s === '') return { kind: 'blank' };
  if (CLOSED.test(s)) return { kind: 'closed' };
  const parts = s.split(/\s*(?:-|–|—|to|bis)\s*/i);
  if (parts.length !== 2) return { kind: 'invalid' };
  const a = parseTime(parts[0]);
  const b = parseTime(parts[1]);
  if (a.kind !== 'time' || b.kind !== 'time') return { kind: 'invalid' };
  let closes = b.value;
  let guessedPm = false;
  const hasSuffix = /am|pm|uhr/i.test(parts[1] ?? '');
  if (closes <= a.value && !hasSuffix) {
    const h = Number(closes.slice(0, 2));
    if (h >= 1 && h <= 11) {
      closes = hhmm(h + 12, Number(closes.slice(3)));
      guessedPm = true;
    }
  }
  return { kind: 'range', opens: a.value, closes, guessedPm };
}
