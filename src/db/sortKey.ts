/**
 * Sort key for German names (DIN 5007-1, "Wörterbuch"): umlauts sort as their base
 * letter, ß as "ss", case and punctuation do not count. Stored and indexed, because
 * IndexedDB can only order by code unit and cannot use Intl.Collator.
 */
export function germanSortKey(name: string): string {
  return name
    .toLocaleLowerCase('de-DE')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/ß/g, 'ss')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
