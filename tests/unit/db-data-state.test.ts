import { describe, expect, it } from 'vitest';
import { dataState } from '../../src/db/dataState';

describe('dataState: loading, waiting, empty or data', () => {
  it.each([
    [undefined, undefined, 'syncing', 'loading'],
    [undefined, true, 'idle', 'loading'],
    [0, undefined, 'idle', 'loading'],
    [0, false, 'syncing', 'loading'],
    [0, false, 'idle', 'loading'],
    [0, false, 'offline', 'waiting'],
    [0, false, 'error', 'waiting'],
    [0, true, 'idle', 'empty'],
    [0, true, 'offline', 'empty'],
    [3, false, 'syncing', 'data'],
    [3, true, 'error', 'data'],
  ] as const)('count %s, complete %s, sync %s → %s', (count, complete, sync, expected) => {
    expect(dataState(count, complete, sync)).toBe(expected);
  });
});
