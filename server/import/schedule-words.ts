/**
 * Opening hours as coordinators write them in a spreadsheet ("Mo–Do 9–12 und 14–16",
 * "jeden letzten Mittwoch 15–17", "14-täglich dienstags 10–12"), read into schedule rules.
 * Every word must be understood: anything else makes the whole text an error with the words
 * that were not understood, because a guessed opening time sends a person to a closed door.
 */

export interface WordRule {
  freq: 'WEEKLY' | 'MONTHLY';
  interval: number;
  byday: string;
  opens_at: string;
  closes_at: string;
}

export type WordsResult = { ok: true; rules: WordRule[] } | { ok: false; unread: string };

const DAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;

const DAY_WORDS: Record<string, number> = {};
for (const [i, words] of [
  ['mo', 'montag', 'montags'],
  ['di', 'dienstag', 'dienstags'],
  ['mi', 'mittwoch', 'mittwochs'],
  ['do', 'donnerstag', 'donnerstags'],
  ['fr', 'freitag', 'freitags'],
  ['sa', 'samstag', 'samstags', 'sonnabend', 'sonnabends'],
  ['so', 'sonntag', 'sonntags'],
].entries()) {
  for (const w of words) DAY_WORDS[w] = i;
}

const ORDINALS: Record<string, number> = {
  erste: 1,
  zweite: 2,
  dritte: 3,
  vierte: 4,
  fünfte: 5,
  letzte: -1,
  vorletzte: -2,
};

/** Words that say nothing a rule needs ("jeden Montag", "von 9 bis 12 Uhr", "im Monat"). */
const FILLER = new Set([
  'jeden',
  'jede',
  'jedes',
  'jeweils',
  'immer',
  'wöchentlich',
  'von',
  'uhr',
  'im',
  'des',
  'monat',
  'monats',
  'monatlich',
  'am',
  'an',
]);

const BIWEEKLY =
  /\b(?:14[- ]?t(?:ä|ae)gig|14[- ]?t(?:ä|ae)glich|vierzehnt(?:ä|ae)gig|vierzehnt(?:ä|ae)glich|zweiw(?:ö|oe)chentlich|alle (?:2|zwei) wochen|jede zweite woche)\b/g;

type Token =
  | { kind: 'day'; day: number }
  | { kind: 'ordinal'; n: number }
  | { kind: 'time'; value: string }
  | { kind: 'dash' }
  | { kind: 'and' }
  | { kind: 'daily' }
  | { kind: 'biweekly' }
  | { kind: 'break' };

function time(word: string): string | null {
  const m = /^(\d{1,2})(?:[:.](\d{2}))?$/.exec(word);
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2] ?? '0');
  if (h > 24 || min > 59 || (h === 24 && min > 0)) return null;
  return `${String(h === 24 ? 23 : h).padStart(2, '0')}:${String(h === 24 ? 59 : min).padStart(2, '0')}`;
}

function tokenize(text: string): { tokens: Token[]; unread: string[] } {
  const s = text
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(BIWEEKLY, ' §biweekly ')
    .replace(/\bbis\b/g, ' - ')
    .replace(/([-,;&+/])/g, ' $1 ');
  const tokens: Token[] = [];
  const unread: string[] = [];
  for (const raw of s.split(/\s+/).filter(Boolean)) {
    const word = raw.replace(/\.$/, '');
    if (raw === '§biweekly') tokens.push({ kind: 'biweekly' });
    else if (raw === '-') tokens.push({ kind: 'dash' });
    else if (raw === ';') tokens.push({ kind: 'break' });
    else if ([',', 'und', '&', '+', '/', 'sowie'].includes(raw)) tokens.push({ kind: 'and' });
    else if (word === 'täglich' || word === 'taeglich') tokens.push({ kind: 'daily' });
    else if (DAY_WORDS[word] !== undefined) tokens.push({ kind: 'day', day: DAY_WORDS[word] });
    else if (/^[1-5]\.$/.test(raw)) tokens.push({ kind: 'ordinal', n: Number(raw[0]) });
    else if (ORDINALS[word.replace(/[nrs]$/, '')] !== undefined)
      tokens.push({ kind: 'ordinal', n: ORDINALS[word.replace(/[nrs]$/, '')] as number });
    else if (time(word)) tokens.push({ kind: 'time', value: time(word) as string });
    else if (!FILLER.has(word)) unread.push(raw);
  }
  return { tokens, unread };
}

interface Group {
  days: number[];
  ordinals: number[];
  biweekly: boolean;
  times: { opens: string; closes: string }[];
}

const emptyGroup = (): Group => ({ days: [], ordinals: [], biweekly: false, times: [] });

export function parseScheduleWords(text: string): WordsResult {
  const { tokens, unread } = tokenize(text);
  if (unread.length > 0) return { ok: false, unread: unread.join(' ') };
  const groups: Group[] = [];
  let g = emptyGroup();
  // A new day, ordinal or rhythm after times starts the next group ("Mo 9–12, Mi 14–16").
  const next = () => {
    if (g.times.length > 0) {
      groups.push(g);
      g = emptyGroup();
    }
  };
  for (let i = 0; i < tokens.length; i++) {
    const tk = tokens[i] as Token;
    if (tk.kind === 'break') {
      if (g.times.length === 0) return { ok: false, unread: ';' };
      next();
    } else if (tk.kind === 'and') {
      // Lists of days, ordinals and times alike.
    } else if (tk.kind === 'biweekly') {
      next();
      g.biweekly = true;
    } else if (tk.kind === 'daily') {
      next();
      g.days.push(0, 1, 2, 3, 4, 5, 6);
    } else if (tk.kind === 'ordinal') {
      next();
      g.ordinals.push(tk.n);
    } else if (tk.kind === 'day') {
      next();
      const after = tokens[i + 1];
      const end = tokens[i + 2];
      if (after?.kind === 'dash' && end?.kind === 'day') {
        if (end.day < tk.day) return { ok: false, unread: 'Tage rückwärts' };
        for (let d = tk.day; d <= end.day; d++) g.days.push(d);
        i += 2;
      } else {
        g.days.push(tk.day);
      }
    } else if (tk.kind === 'time') {
      const after = tokens[i + 1];
      const end = tokens[i + 2];
      if (after?.kind !== 'dash' || end?.kind !== 'time') return { ok: false, unread: tk.value };
      if (end.value <= tk.value) return { ok: false, unread: `${tk.value}–${end.value}` };
      g.times.push({ opens: tk.value, closes: end.value });
      i += 2;
    } else {
      return { ok: false, unread: '-' };
    }
  }
  if (g.times.length > 0 || g.days.length > 0 || g.ordinals.length > 0) groups.push(g);
  if (groups.length === 0) return { ok: false, unread: text.trim() };
  const rules: WordRule[] = [];
  for (const grp of groups) {
    if (grp.days.length === 0 || grp.times.length === 0) return { ok: false, unread: text.trim() };
    if (grp.ordinals.length > 0 && grp.biweekly) return { ok: false, unread: text.trim() };
    const days = [...new Set(grp.days)].map((d) => DAYS[d] as string);
    const byday =
      grp.ordinals.length > 0
        ? [...new Set(grp.ordinals)].flatMap((n) => days.map((d) => `${n}${d}`)).join(',')
        : days.join(',');
    for (const t of grp.times) {
      rules.push({
        freq: grp.ordinals.length > 0 ? 'MONTHLY' : 'WEEKLY',
        interval: grp.biweekly ? 2 : 1,
        byday,
        opens_at: t.opens,
        closes_at: t.closes,
      });
    }
  }
  return { ok: true, rules };
}
