import { describe, expect, it } from 'vitest';
import { centroid, distanceKm, pointOf, sortByDistance } from '../../src/geo/distance';

const berlinTor = { latitude: 52.516275, longitude: 13.377704 };
const hamburgRathaus = { latitude: 53.550341, longitude: 9.992195 };

describe('distanceKm (haversine)', () => {
  it('is zero for the same place and symmetric', () => {
    expect(distanceKm(berlinTor, berlinTor)).toBe(0);
    expect(distanceKm(berlinTor, hamburgRathaus)).toBeCloseTo(
      distanceKm(hamburgRathaus, berlinTor),
      9,
    );
  });

  it('matches known distances', () => {
    // Brandenburger Tor – Hamburger Rathaus: about 255 km as the crow flies.
    expect(distanceKm(berlinTor, hamburgRathaus)).toBeGreaterThan(253);
    expect(distanceKm(berlinTor, hamburgRathaus)).toBeLessThan(257);
    // One degree of latitude is about 111.2 km anywhere.
    expect(distanceKm({ latitude: 51, longitude: 7 }, { latitude: 52, longitude: 7 })).toBeCloseTo(
      111.2,
      0,
    );
    // One degree of longitude at 60° north is half of that at the equator.
    const atEquator = distanceKm({ latitude: 0, longitude: 0 }, { latitude: 0, longitude: 1 });
    const at60 = distanceKm({ latitude: 60, longitude: 0 }, { latitude: 60, longitude: 1 });
    expect(at60 / atEquator).toBeCloseTo(0.5, 2);
  });

  it('stays finite across the antimeridian and between antipodes', () => {
    expect(
      distanceKm({ latitude: 0, longitude: 179.5 }, { latitude: 0, longitude: -179.5 }),
    ).toBeCloseTo(111.2, 0);
    expect(distanceKm({ latitude: 0, longitude: 0 }, { latitude: 0, longitude: 180 })).toBeCloseTo(
      20015,
      -1,
    );
  });
});

describe('pointOf and centroid', () => {
  it('accepts only real coordinates', () => {
    expect(pointOf({ latitude: 51.5, longitude: 7.2 })).toEqual({ latitude: 51.5, longitude: 7.2 });
    expect(pointOf({ latitude: 0, longitude: 0 })).toEqual({ latitude: 0, longitude: 0 });
    expect(pointOf({})).toBeNull();
    expect(pointOf({ latitude: null, longitude: 7 })).toBeNull();
    expect(pointOf({ latitude: 91, longitude: 7 })).toBeNull();
    expect(pointOf({ latitude: Number.NaN, longitude: 7 })).toBeNull();
  });

  it('is the mean of the places, or null without any', () => {
    expect(
      centroid([
        { latitude: 51, longitude: 7 },
        { latitude: 52, longitude: 8 },
      ]),
    ).toEqual({ latitude: 51.5, longitude: 7.5 });
    expect(centroid([])).toBeNull();
  });
});

describe('sortByDistance', () => {
  const origin = { latitude: 51.5, longitude: 7.2 };
  const near = { latitude: 51.501, longitude: 7.2 };
  const mid = { latitude: 51.51, longitude: 7.2 };
  const far = { latitude: 51.6, longitude: 7.2 };
  const places: Record<string, { latitude: number; longitude: number }[]> = {
    a: [far],
    b: [],
    c: [far, near],
    d: [mid],
    e: [],
  };

  it('puts the nearest place of each offer first, offers without coordinates last', () => {
    const out = sortByDistance(['a', 'b', 'c', 'd', 'e'], (id) => places[id] ?? [], origin);
    expect(out.ids).toEqual(['c', 'd', 'a', 'b', 'e']);
    expect(out.unplaced).toBe(2);
    expect(out.km.get('c')).toBeCloseTo(0.111, 2);
    expect(out.km.has('b')).toBe(false);
  });

  it('keeps the incoming order for equal distances', () => {
    const out = sortByDistance(['x', 'y', 'z'], () => [mid], origin);
    expect(out.ids).toEqual(['x', 'y', 'z']);
  });
});
