import { describe, expect, it } from 'vitest';
import {
  type Dataset,
  DEMO_QUARTIERE,
  demoDataset,
  demoServiceId,
  SYNTHETIC_QUARTIERE,
  syntheticDataset,
} from '../../src/demo';
import { CATEGORIES, type Schedule, TABLE_SCHEMAS, TARGET_GROUPS } from '../../src/model';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const TABLES = ['organizations', 'locations', 'services', 'schedules', 'contacts'] as const;
const WEEKDAY = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];
const weekdayOf = (iso: string) => WEEKDAY[new Date(`${iso}T12:00:00Z`).getUTCDay()];

function countBy(values: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const v of values) m.set(v, (m.get(v) ?? 0) + 1);
  return m;
}

/** Every foreign key resolves; returns the problems so a failure names them. */
function integrityProblems(d: Dataset): string[] {
  const orgs = new Set(d.organizations.map((o) => o.id));
  const locs = new Set(d.locations.map((l) => l.id));
  const services = new Set(d.services.map((s) => s.id));
  const problems: string[] = [];
  for (const l of d.locations) {
    if (l.organization_id && !orgs.has(l.organization_id)) problems.push(`location ${l.id} → org`);
  }
  for (const s of d.services) {
    if (!orgs.has(s.organization_id)) problems.push(`service ${s.id} → org`);
    if (s.location_ids.length === 0) problems.push(`service ${s.id} has no location`);
    for (const id of s.location_ids) if (!locs.has(id)) problems.push(`service ${s.id} → location`);
  }
  for (const s of d.schedules) {
    if (!services.has(s.service_id)) problems.push(`schedule ${s.id} → service`);
    if (s.location_id && !locs.has(s.location_id)) problems.push(`schedule ${s.id} → location`);
  }
  for (const c of d.contacts) {
    if (!c.service_id || !services.has(c.service_id)) problems.push(`contact ${c.id} → service`);
    if (c.organization_id && !orgs.has(c.organization_id)) problems.push(`contact ${c.id} → org`);
  }
  return problems;
}

function allIds(d: Dataset): string[] {
  return TABLES.flatMap((t) => d[t].map((r) => r.id));
}

/** Records must already be in parsed form: parsing again changes nothing. */
function parseProblems(d: Dataset, every = 1): string[] {
  const problems: string[] = [];
  for (const t of TABLES) {
    const rows = d[t] as unknown[];
    for (let i = 0; i < rows.length; i += every) {
      const r = TABLE_SCHEMAS[t].safeParse(rows[i]);
      if (!r.success) problems.push(`${t}[${i}]: ${JSON.stringify(r.error.issues)}`);
      else expect(r.data, `${t}[${i}]`).toStrictEqual(rows[i]);
    }
  }
  return problems;
}

describe('demoDataset', () => {
  const d = demoDataset();
  const byService = new Map(d.services.map((s) => [s.id, s]));

  it('has the promised size', () => {
    expect(d.services.length).toBeGreaterThanOrEqual(85);
    expect(d.organizations.length).toBeGreaterThanOrEqual(27);
    expect(new Set(d.services.map((s) => s.organization_id)).size).toBeGreaterThanOrEqual(27);
    expect(d.locations.length).toBeGreaterThanOrEqual(20);
    expect(d.locations.length).toBeLessThanOrEqual(30);
    expect(new Set(d.locations.map((l) => l.quartier))).toEqual(new Set(DEMO_QUARTIERE));
    expect(DEMO_QUARTIERE).toHaveLength(4);
  });

  it('spreads locations over all four Quartiere with plausible Ruhr coordinates', () => {
    const perQuartier = countBy(d.locations.map((l) => l.quartier));
    for (const q of DEMO_QUARTIERE) expect(perQuartier.get(q), q).toBeGreaterThanOrEqual(5);
    for (const l of d.locations) {
      expect(l.postal_code).toMatch(/^\d{5}$/);
      expect(l.address_1).toMatch(/(straße|Str\.|weg|platz) \d+/i);
      expect(l.latitude).toBeGreaterThan(51.4);
      expect(l.latitude).toBeLessThan(51.6);
      expect(l.longitude).toBeGreaterThan(7.1);
      expect(l.longitude).toBeLessThan(7.35);
    }
    expect(d.locations.filter((l) => l.accessibility).length).toBeGreaterThan(10);
  });

  it('uses every target group and every category several times', () => {
    const groups = countBy(d.services.flatMap((s) => s.target_groups));
    const cats = countBy(d.services.flatMap((s) => s.categories));
    for (const g of TARGET_GROUPS) expect(groups.get(g) ?? 0, g).toBeGreaterThanOrEqual(3);
    for (const c of CATEGORIES) expect(cats.get(c) ?? 0, c).toBeGreaterThanOrEqual(3);
    expect([...groups.keys()].every((g) => (TARGET_GROUPS as readonly string[]).includes(g))).toBe(
      true,
    );
    expect([...cats.keys()].every((c) => (CATEGORIES as readonly string[]).includes(c))).toBe(true);
  });

  it('varies traits and languages', () => {
    const traits = new Set(d.services.flatMap((s) => s.traits));
    expect(traits.size).toBe(6);
    const langs = new Set(d.services.flatMap((s) => s.languages));
    for (const l of ['de', 'ar', 'tr', 'ru', 'uk', 'fa', 'ku', 'pl', 'ro', 'bg', 'en']) {
      expect(langs.has(l), l).toBe(true);
    }
  });

  it('contains only records that parse unchanged', () => {
    expect(parseProblems(d)).toEqual([]);
  });

  it('is referentially intact', () => {
    expect(integrityProblems(d)).toEqual([]);
  });

  it('has unique UUIDv4 ids', () => {
    const ids = allIds(d);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(UUID_V4);
  });

  it('is deterministic and returns fresh objects', () => {
    const again = demoDataset();
    expect(again).toStrictEqual(d);
    (again.services[0] as { name: string }).name = 'geändert';
    expect(demoDataset().services[0]?.name).toBe(d.services[0]?.name);
    expect(demoServiceId('jobcenter-vor-ort-huettenfeld')).toBe(
      demoServiceId('jobcenter-vor-ort-huettenfeld'),
    );
  });

  it('speaks German with umlauts, ß and compounds', () => {
    const text = d.services.map((s) => `${s.name} ${s.description}`).join('\n');
    expect(text).toMatch(/[äöü]/);
    expect(text).toMatch(/[ÄÖÜ]/);
    expect(text).toContain('ß');
    for (const word of [
      'Schuldnerberatung',
      'Sprachcafé',
      'Kinderbetreuung',
      'Mehrgenerationenhaus',
      'Stadtteilmütter',
    ]) {
      expect(text).toContain(word);
    }
    expect(d.locations.some((l) => l.address_1.startsWith('Mülheimer Straße'))).toBe(true);
    for (const s of d.services) {
      expect(s.description.length, s.name).toBeGreaterThan(40);
      // A sentence ends at . ! ? before a capital — but "am 1. und 15." is no sentence end.
      const sentences = s.description.split(/(?<!\d)[.!?]\s+(?=[A-ZÄÖÜ„])/);
      expect(sentences.length, s.name).toBeLessThanOrEqual(3);
    }
  });

  it('has public and internal contacts, and internal offers stay internal', () => {
    const vis = countBy(d.contacts.map((c) => c.visibility));
    expect(vis.get('public')).toBeGreaterThanOrEqual(10);
    expect(vis.get('internal')).toBeGreaterThanOrEqual(10);
    for (const c of d.contacts) {
      expect(c.phone || c.email, c.name).toBeTruthy();
    }
    const internal = d.services.filter((s) => s.visibility === 'internal');
    expect(internal.length).toBeGreaterThanOrEqual(2);
    const internalIds = new Set(internal.map((s) => s.id));
    for (const c of d.contacts)
      if (internalIds.has(c.service_id ?? '')) expect(c.visibility).toBe('internal');
    for (const s of d.schedules)
      if (internalIds.has(s.service_id)) expect(s.visibility).toBe('internal');
    expect(d.services.filter((s) => s.status === 'paused').length).toBeGreaterThanOrEqual(1);
  });

  it('has assured dates for most offers and meta fields fixed', () => {
    expect(d.services.filter((s) => s.assured_date).length / d.services.length).toBeGreaterThan(
      0.8,
    );
    for (const t of TABLES) {
      for (const r of d[t]) {
        expect(r.version).toBe(0);
        expect(r.updated_at).toBe('2026-11-01T08:00:00.000Z');
        expect(r.updated_by).toBe('demo');
        expect(r.deleted).toBe(false);
      }
    }
  });

  it('covers the schedule varieties real notices use', () => {
    const s = d.schedules;
    const has = (pred: (x: Schedule) => boolean) => s.some(pred);
    expect(has((x) => x.freq === 'WEEKLY' && x.interval === 2 && !!x.dtstart)).toBe(true);
    expect(has((x) => x.freq === 'MONTHLY' && /^-\d/.test(x.byday ?? ''))).toBe(true);
    expect(
      has((x) => x.freq === 'MONTHLY' && /^[1-4](MO|TU|WE|TH|FR|SA|SU)$/.test(x.byday ?? '')),
    ).toBe(true);
    expect(has((x) => x.freq === 'MONTHLY' && !!x.bymonthday)).toBe(true);
    expect(has((x) => x.freq === 'MONTHLY' && x.interval === 3)).toBe(true);
    expect(has((x) => x.freq === 'DAILY')).toBe(true);
    expect(has((x) => x.freq === 'YEARLY')).toBe(true);
    expect(has((x) => !!x.valid_from && !!x.valid_to)).toBe(true);
    expect(has((x) => !!x.until)).toBe(true);
    expect(has((x) => !!x.count)).toBe(true);
    expect(has((x) => x.exdates.includes('2026-12-24'))).toBe(true);
    expect(has((x) => x.exdates.some((e) => e.startsWith('2027')))).toBe(true);
    expect(has((x) => x.rdates.length > 0)).toBe(true);
    expect(has((x) => !x.closed_on_holidays)).toBe(true);
    expect(has((x) => /Ferien/.test(x.notes ?? ''))).toBe(true);
    // "Mo–Do 9–12 und 14–16": two weekly rules on the same days.
    const moDo = s.filter((x) => x.freq === 'WEEKLY' && x.byday === 'MO,TU,WE,TH');
    expect(moDo.some((a) => moDo.some((b) => a !== b && a.service_id === b.service_id))).toBe(true);
  });

  it('has the "Jobcenter vor Ort" notice from the seed', () => {
    const id = demoServiceId('jobcenter-vor-ort-huettenfeld');
    expect(byService.get(id)?.name).toContain('Jobcenter');
    const rule = d.schedules.find((x) => x.service_id === id);
    expect(rule).toMatchObject({
      freq: 'MONTHLY',
      byday: '-1WE',
      opens_at: '15:00',
      closes_at: '17:00',
    });
  });

  it('keeps dtstart and exdates consistent with the rule', () => {
    for (const x of d.schedules) {
      const name = byService.get(x.service_id)?.name;
      expect(x.opens_at < x.closes_at, name).toBe(true);
      if (x.valid_from && x.valid_to) expect(x.valid_from <= x.valid_to, name).toBe(true);
      if (x.freq === 'WEEKLY' && x.dtstart)
        expect(x.byday?.split(',')).toContain(weekdayOf(x.dtstart));
      if (x.freq !== 'WEEKLY' && !(x.freq === 'MONTHLY' && x.byday)) continue;
      const days = (x.byday ?? '').split(',').map((p) => p.replace(/^[-+]?\d+/, ''));
      for (const e of x.exdates) {
        expect(days, `${name} ${e}`).toContain(weekdayOf(e));
        if (x.interval === 2 && x.dtstart) {
          expect((Date.parse(e) - Date.parse(x.dtstart)) % (14 * 864e5), `${name} ${e}`).toBe(0);
        }
      }
    }
  });
});

describe('syntheticDataset', () => {
  const d = syntheticDataset(1000);

  it('has the requested size and proportions', () => {
    expect(d.services).toHaveLength(1000);
    expect(d.organizations).toHaveLength(125);
    expect(d.locations).toHaveLength(100);
    const schedules = countBy(d.schedules.map((s) => s.service_id));
    const contacts = countBy(d.contacts.map((c) => c.service_id ?? ''));
    for (const s of d.services) {
      expect(schedules.get(s.id) ?? 0).toBeGreaterThanOrEqual(1);
      expect(schedules.get(s.id) ?? 0).toBeLessThanOrEqual(3);
      expect(contacts.get(s.id) ?? 0).toBeGreaterThanOrEqual(1);
      expect(contacts.get(s.id) ?? 0).toBeLessThanOrEqual(2);
    }
  });

  it('spreads over the demo and the synthetic Quartiere', () => {
    const quartiere = new Set(d.locations.map((l) => l.quartier));
    expect(quartiere.size).toBe(DEMO_QUARTIERE.length + SYNTHETIC_QUARTIERE.length);
    for (const q of DEMO_QUARTIERE) expect(quartiere.has(q)).toBe(true);
  });

  it('uses every target group and category and varied names', () => {
    const groups = new Set(d.services.flatMap((s) => s.target_groups));
    const cats = new Set(d.services.flatMap((s) => s.categories));
    expect(groups).toEqual(new Set(TARGET_GROUPS));
    expect(cats).toEqual(new Set(CATEGORIES));
    expect(new Set(d.services.map((s) => s.name)).size).toBeGreaterThan(300);
    expect(d.services.some((s) => /[äöüß]/.test(s.name))).toBe(true);
    expect(d.services.some((s) => s.visibility === 'internal')).toBe(true);
    expect(d.contacts.some((c) => c.visibility === 'internal')).toBe(true);
    expect(d.schedules.some((s) => s.interval === 2)).toBe(true);
    expect(d.schedules.some((s) => /^-1/.test(s.byday ?? ''))).toBe(true);
  });

  it('is deterministic per seed', () => {
    expect(syntheticDataset(1000)).toStrictEqual(d);
    expect(syntheticDataset(1000, 2).services[0]?.id).not.toBe(d.services[0]?.id);
  });

  it('produces records that parse unchanged (sample) and are intact', () => {
    expect(parseProblems(d, 7)).toEqual([]);
    expect(integrityProblems(d)).toEqual([]);
    const ids = allIds(d);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids.slice(0, 200)) expect(id).toMatch(UUID_V4);
  });

  // Speed is measured by the benchmarks (they generate 50,000 too), not asserted here.
  it('builds 50,000 consistent offers', () => {
    const big = syntheticDataset(50_000, 3);
    expect(big.services).toHaveLength(50_000);
    expect(big.organizations).toHaveLength(6250);
    expect(big.locations).toHaveLength(5000);
    expect(integrityProblems(big)).toEqual([]);
    expect(parseProblems(big, 997)).toEqual([]);
  });

  it('rejects nonsense sizes', () => {
    expect(() => syntheticDataset(0)).toThrow(RangeError);
    expect(() => syntheticDataset(1.5)).toThrow(RangeError);
  });
});
