/**
 * Possible parallel structures on the dashboard, over the synthetic city (5,000 offers in
 * its Quartiere). The baseline is the plain way: compare every pair of offers that share a
 * Quartier. Both must find the same pairs; the bench stops if they don't.
 */
import { isListed, joinOffers } from '../src/db/offers';
import { syntheticDataset } from '../src/demo';
import {
  compare,
  MIN_SCORE,
  pairKey,
  prepare,
  similarPairs,
} from '../src/features/koordination/similarity';
import { type BenchRow, row, time } from './stats';

const N = 5000;
const RUNS = 10;

function allPairs(offers: ReturnType<typeof joinOffers>): Set<string> {
  const prepared = offers.filter((o) => isListed(o.service)).map(prepare);
  const found = new Set<string>();
  for (const [i, x] of prepared.entries()) {
    for (let j = i + 1; j < prepared.length; j++) {
      const y = prepared[j] as (typeof prepared)[number];
      if (x.offer.service.organization_id === y.offer.service.organization_id) continue;
      if (!x.quartiere.some((q) => y.quartiere.includes(q))) continue;
      if (compare(x, y).score >= MIN_SCORE) {
        found.add(pairKey(x.offer.service.id, y.offer.service.id));
      }
    }
  }
  return found;
}

export async function benchParallel(): Promise<BenchRow[]> {
  const data = syntheticDataset(N);
  const offers = joinOffers(data.services, data);
  const samples: number[] = [];
  const base: number[] = [];
  let fast = new Set<string>();
  let naive = new Set<string>();
  for (let i = 0; i < RUNS; i++) {
    samples.push(await time(() => (fast = new Set(similarPairs(offers).map((p) => p.key)))));
    // The all-pairs baseline takes long; three runs give its p95.
    if (i < 3) base.push(await time(() => (naive = allPairs(offers))));
  }
  if (fast.size !== naive.size || [...naive].some((k) => !fast.has(k))) {
    throw new Error(`parallel bench: ${fast.size} pairs found, all-pairs finds ${naive.size}`);
  }
  console.log(`parallel bench: ${offers.length} offers, ${fast.size} possible pairs`);
  return [row('possible parallel structures (similarPairs)', N, samples, base)];
}
