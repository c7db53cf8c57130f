import { describe, expect, it } from 'vitest';
import { parseScheduleWords } from '../../server/import/schedule-words';

const rules = (text: string) => {
  const r = parseScheduleWords(text);
  if (!r.ok) throw new Error(`not read: ${text} (${r.unread})`);
  return r.rules.map((x) => `${x.freq}/${x.interval} ${x.byday} ${x.opens_at}-${x.closes_at}`);
};

describe('opening hours in coordinators’ words', () => {
  it.each([
    [
      'Mo–Do 9–12 und 14–16',
      ['WEEKLY/1 MO,TU,WE,TH 09:00-12:00', 'WEEKLY/1 MO,TU,WE,TH 14:00-16:00'],
    ],
    ['jeden letzten Mittwoch 15–17', ['MONTHLY/1 -1WE 15:00-17:00']],
    ['14-täglich dienstags 10–12', ['WEEKLY/2 TU 10:00-12:00']],
    ['alle zwei Wochen Freitag 9:30 bis 11:45 Uhr', ['WEEKLY/2 FR 09:30-11:45']],
    ['Mo 9-12, Mi 14-18', ['WEEKLY/1 MO 09:00-12:00', 'WEEKLY/1 WE 14:00-18:00']],
    ['Di, Do 8.30–12.00 Uhr; Sa 10–13', ['WEEKLY/1 TU,TH 08:30-12:00', 'WEEKLY/1 SA 10:00-13:00']],
    ['1. und 3. Dienstag im Monat 16–18 Uhr', ['MONTHLY/1 1TU,3TU 16:00-18:00']],
    ['jeden ersten Montag des Monats von 10 bis 12 Uhr', ['MONTHLY/1 1MO 10:00-12:00']],
    ['täglich 8–20', ['WEEKLY/1 MO,TU,WE,TH,FR,SA,SU 08:00-20:00']],
    ['Montag bis Freitag 7:30 - 9', ['WEEKLY/1 MO,TU,WE,TH,FR 07:30-09:00']],
  ])('%s', (text, expected) => {
    expect(rules(text)).toEqual(expected);
  });

  it.each([
    ['nach Vereinbarung', 'nach vereinbarung'],
    ['Mo 9–12, an Feiertagen geschlossen', 'feiertagen geschlossen'],
    ['Mo–Do ab 9', 'ab'],
    ['Mo 12–9', '12:00–09:00'],
    ['Fr–Mo 9–12', 'Tage rückwärts'],
    ['9–12', '9–12'],
    ['Dienstag', 'Dienstag'],
    ['Mo 25–26', '25'],
  ])('never guesses: %s', (text, unread) => {
    const r = parseScheduleWords(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.unread).toContain(unread);
  });
});
