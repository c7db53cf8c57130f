import { isListed, joinOffers } from '../db/offers';
import type { Dataset } from '../demo/types';
import { buildDoc, type DocMeta, type SearchDoc } from './documents';

/**
 * Index documents for a whole data set in memory (tests, benchmarks). The app builds from
 * IndexedDB instead (store.ts); both go through buildDoc. Only offers the directory lists.
 */
export function docsFromDataset(data: Dataset): { doc: SearchDoc; meta: DocMeta }[] {
  return joinOffers(data.services.filter(isListed), data).map(buildDoc);
}
