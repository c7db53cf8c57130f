import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createDb } from '../../src/db/db';
import { markNotDuplicate, readNotDuplicates } from '../../src/db/notDuplicates';
import { joinOffers } from '../../src/db/offers';
import {
  compare,
  MIN_SCORE,
  overlap,
  pairKey,
  prepare,
  similarPairs,
  similarPairsStepwise,
  WEIGHTS,
  words,
} from '../../src/features/koordination/similarity';
import { schedulesOverlap } from '../../src/schedule/overlap';
import { contact, destroy, location, org, schedule, service, uid, uniqueName } from './db.fixtures';

const H = location(10, {
  quartier: 'Heckinghausen',
  address_1: 'Marktstraße 5',
  postal_code: '42283',
});
const H2 = location(11, {
  quartier: 'Heckinghausen',
  address_1: 'Markt-Str. 5',
  postal_code: '42283',
});
const NA = { quartier: 'Heckinghausen', address_1: undefined } as never;
const O = location(12, { quartier: 'Oberbarmen', address_1: 'Berliner Platz 1' });
const TEXT = 'Schuldnerberatung mit offener Sprechstunde für Familien im Quartier';

function offers(
  services: Parameters<typeof service>[1][],
  extra: {
    contacts?: ReturnType<typeof contact>[];
    schedules?: ReturnType<typeof schedule>[];
  } = {},
) {
  return joinOffers(
    services.map((over, i) => service(101 + i, over)),
    {
      organizations: [org(1), org(2)],
      locations: [H, H2, O, location(13, NA), location(14, NA)],
      schedules: extra.schedules ?? [],
      contacts: extra.contacts ?? [],
    },
  );
}

describe('similarPairs', () => {
  it('finds a shared phone across Träger in the same Quartier as strong evidence', () => {
    const list = offers([
      {
        organization_id: uid(1),
        location_ids: [uid(10)],
        phone: '0202 123456',
        categories: ['arbeit'],
        target_groups: ['jugendliche'],
      },
      {
        organization_id: uid(2),
        location_ids: [uid(10)],
        phone: '+49 202 12 34 56',
        categories: ['wohnen'],
        target_groups: ['seniorinnen'],
        description: 'ganz anders',
      },
    ]);
    const [pair, ...rest] = similarPairs(list);
    expect(rest).toEqual([]);
    expect(pair?.key).toBe(pairKey(uid(101), uid(102)));
    expect(pair?.quartiere).toEqual(['Heckinghausen']);
    // Same place (address), same phone: address + phone weights.
    expect(pair?.reasons.map((r) => r.kind)).toEqual(['phone', 'address']);
    expect(pair?.score).toBe(WEIGHTS.phone + WEIGHTS.address);
  });

  it('matches the same address written differently, and a contact’s e-mail', () => {
    const list = offers(
      [
        {
          organization_id: uid(1),
          location_ids: [uid(10)],
          categories: ['arbeit'],
          target_groups: ['jugendliche'],
        },
        {
          organization_id: uid(2),
          location_ids: [uid(11)],
          categories: ['wohnen'],
          target_groups: ['seniorinnen'],
          description: 'ganz anders',
        },
      ],
      {
        contacts: [
          contact(301, { service_id: uid(101), email: 'Info@Beratung.de' }),
          contact(302, { service_id: uid(102), email: 'info@beratung.de ' }),
        ],
      },
    );
    const [pair] = similarPairs(list);
    expect(pair?.reasons).toEqual([
      { kind: 'email', value: 'info@beratung.de' },
      { kind: 'address', value: 'Marktstraße 5, 42283' },
    ]);
  });

  it('does not show similar text alone, nor the same Träger, nor different Quartiere', () => {
    // Two places in Heckinghausen without an address: no contact evidence at all.
    const alike = (tg: string, cat: string) => ({
      description: TEXT,
      name: 'Schuldnerberatung',
      categories: [cat],
      target_groups: [tg],
    });
    const both = offers([
      { ...alike('familien', 'beratung'), organization_id: uid(1), location_ids: [uid(13)] },
      { ...alike('familien', 'beratung'), organization_id: uid(2), location_ids: [uid(14)] },
    ]);
    // category 0.15 + target group 0.15 + text 0.2 × 1.0 = 0.5.
    expect(similarPairs(both).map((p) => [p.score, p.reasons.map((r) => r.kind)])).toEqual([
      [0.5, ['category', 'targetGroup', 'text']],
    ]);
    const onlyText = offers([
      { ...alike('familien', 'beratung'), organization_id: uid(1), location_ids: [uid(13)] },
      { ...alike('jugendliche', 'arbeit'), organization_id: uid(2), location_ids: [uid(14)] },
    ]);
    expect(similarPairs(onlyText)).toEqual([]);
    expect(WEIGHTS.text).toBeLessThan(MIN_SCORE);

    const sameOrg = offers([
      { organization_id: uid(1), location_ids: [uid(10)], phone: '0202 1' + '23456' },
      { organization_id: uid(1), location_ids: [uid(10)], phone: '0202 123456' },
    ]);
    expect(similarPairs(sameOrg)).toEqual([]);
    const apart = offers([
      { organization_id: uid(1), location_ids: [uid(10)], phone: '0202 123456' },
      { organization_id: uid(2), location_ids: [uid(12)], phone: '0202 123456' },
    ]);
    expect(similarPairs(apart)).toEqual([]);
  });

  it('leaves out dismissed pairs and unlisted offers', () => {
    const list = offers([
      { organization_id: uid(1), location_ids: [uid(10)], phone: '0202 123456' },
      { organization_id: uid(2), location_ids: [uid(10)], phone: '0202 123456' },
      { organization_id: uid(2), location_ids: [uid(10)], phone: '0202 123456', status: 'paused' },
    ]);
    expect(similarPairs(list)).toHaveLength(1);
    expect(similarPairs(list, new Set([pairKey(uid(102), uid(101))]))).toEqual([]);
  });

  it('counts overlapping hours, also when found step by step', async () => {
    const list = offers(
      [
        { organization_id: uid(1), location_ids: [uid(10)], phone: '0202 123456' },
        { organization_id: uid(2), location_ids: [uid(10)], phone: '0202 123456' },
      ],
      {
        schedules: [
          schedule(201, {
            service_id: uid(101),
            freq: 'WEEKLY',
            byday: 'TU',
            opens_at: '10:00',
            closes_at: '12:00',
          }),
          schedule(202, {
            service_id: uid(102),
            freq: 'WEEKLY',
            byday: 'TU,TH',
            opens_at: '11:30',
            closes_at: '13:00',
          }),
        ],
      },
    );
    expect(similarPairs(list)[0]?.reasons.map((r) => r.kind)).toContain('schedule');
    let pauses = 0;
    const stepwise = await similarPairsStepwise(list, new Set(), async () => {
      pauses++;
    });
    expect(stepwise).toEqual(similarPairs(list));
    expect(pauses).toBe(1);
  });
});

describe('candidate pairs', () => {
  it('weak evidence alone cannot reach the threshold, so only strong keys and similar texts need pairing', () => {
    expect(WEIGHTS.category + WEIGHTS.targetGroup + WEIGHTS.schedule).toBeLessThan(MIN_SCORE);
  });

  // The fast path must find exactly what comparing every pair finds.
  it('finds the same pairs as comparing every pair', () => {
    const vocabulary = [
      'beratung',
      'familien',
      'quartier',
      'sprechstunde',
      'schulden',
      'kinder',
      'treff',
      'deutsch',
      'arbeit',
      'wohnen',
    ];
    const record = fc.record({
      org: fc.constantFrom(1, 2),
      loc: fc.constantFrom(10, 11, 12, 13),
      phone: fc.option(fc.constantFrom('0202 111111', '+49 202 111111', '0202 222222'), {
        nil: undefined,
      }),
      email: fc.option(fc.constantFrom('a@example.org', 'B@example.org'), { nil: undefined }),
      words: fc.array(fc.constantFrom(...vocabulary), { maxLength: 8 }),
      categories: fc.subarray(['beratung', 'bildung']),
      target_groups: fc.subarray(['familien', 'jugendliche']),
      tuesday: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(record, { minLength: 2, maxLength: 12 }), (rows) => {
        const schedules = rows.flatMap((r, i) =>
          r.tuesday
            ? [
                schedule(300 + i, {
                  service_id: uid(101 + i),
                  freq: 'WEEKLY',
                  byday: 'TU',
                  opens_at: '10:00',
                  closes_at: '12:00',
                }),
              ]
            : [],
        );
        const list = offers(
          rows.map((r) => ({
            organization_id: uid(r.org),
            location_ids: [uid(r.loc)],
            phone: r.phone,
            email: r.email,
            name: r.words.slice(0, 2).join(' ') || 'Angebot',
            description: r.words.slice(2).join(' '),
            categories: r.categories,
            target_groups: r.target_groups,
          })),
          { schedules },
        );
        const prepared = list.map(prepare);
        const expected = new Set<string>();
        for (const [i, x] of prepared.entries()) {
          for (const y of prepared.slice(i + 1)) {
            if (x.offer.service.organization_id === y.offer.service.organization_id) continue;
            if (!x.quartiere.some((q) => y.quartiere.includes(q))) continue;
            if (compare(x, y).score >= MIN_SCORE) {
              expected.add(pairKey(x.offer.service.id, y.offer.service.id));
            }
          }
        }
        expect(new Set(similarPairs(list).map((p) => p.key))).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});

describe('pieces', () => {
  it('word overlap', () => {
    expect(overlap(words('Beratung für Familien'), words('beratung fuer familien'))).toBe(1);
    expect(overlap(words('Beratung im Quartier'), words('Sprachkurs Deutsch'))).toBe(0);
    expect(overlap(words('a b'), words('Beratung'))).toBe(0);
  });
  it('schedule overlap needs a shared weekday and overlapping times', () => {
    const r = (byday: string, opens_at: string, closes_at: string) =>
      schedule(1, { freq: 'WEEKLY', byday, opens_at, closes_at });
    expect(schedulesOverlap(r('MO', '09:00', '12:00'), r('MO', '11:00', '13:00'))).toBe(true);
    expect(schedulesOverlap(r('MO', '09:00', '12:00'), r('MO', '12:00', '13:00'))).toBe(false);
    expect(schedulesOverlap(r('MO', '09:00', '12:00'), r('TU', '09:00', '12:00'))).toBe(false);
  });
  it('remembers "kein Doppel" on the device', async () => {
    const db = createDb(uniqueName());
    await markNotDuplicate(db, 'a|b');
    await markNotDuplicate(db, 'a|b');
    await markNotDuplicate(db, 'c|d');
    expect([...(await readNotDuplicates(db))]).toEqual(['a|b', 'c|d']);
    await destroy(db);
  });
});
