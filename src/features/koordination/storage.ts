import { readStored, writeStored } from '../../i18n/startLanguage';
import { parseThreshold } from './coverage';

const THRESHOLD_KEY = 'qw.coverage.threshold';

/** The gap threshold this device's coordinator chose. */
export function storedThreshold(): number {
  return parseThreshold(readStored(() => localStorage, THRESHOLD_KEY));
}

export function storeThreshold(n: number): void {
  writeStored(() => localStorage, THRESHOLD_KEY, String(n));
}
