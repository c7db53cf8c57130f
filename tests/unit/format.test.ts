import { describe, expect, it } from 'vitest';
import {
  formatBytes,
  formatDateTime,
  formatIsoDate,
  formatNumber,
} from '../../src/components/format';

describe('German number and date formatting', () => {
  const intl = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 1 });

  it('writes every count as Intl does, with or without its locale tables', () => {
    for (const n of [0, 1, 7, 42, 999, 1000, 5000, 12_345, 1_234_567, -3, 2.5, 0.25, 999.9]) {
      expect(formatNumber(n)).toBe(intl.format(n));
    }
  });

  it('formats bytes, dates and instants in German and in Berlin time', () => {
    expect(formatBytes(1_400_000)).toBe('1,4 MB');
    expect(formatIsoDate('2026-10-12')).toBe('12.10.2026');
    expect(formatIsoDate('not a date')).toBe('not a date');
    expect(formatDateTime('2026-07-01T12:05:00Z')).toBe('01.07.2026, 14:05');
  });
});
