/**
 * Possible parallel structures: offers of different Träger in the same Quartier that look
 * alike. Pure, so each piece of evidence can be tested on its own.
 *
 * Shared phone, e-mail or address says that two records may be the same offer entered
 * twice; similar text alone says little (many offers describe "Beratung im Quartier"), so
 * it weighs too little to reach the threshold without other evidence.
 */
import { facetsOf, isListed, type Offer } from '../../db/offers';
import { slotsOverlap, type WeeklySlot, weeklySlot } from '../../schedule/overlap';
import { fold } from '../../search/normalize';

export type Reason =
  | { kind: 'phone' | 'email' | 'address'; value: string }
  | { kind: 'category' | 'targetGroup'; shared: string[] }
  | { kind: 'text'; similarity: number }
  | { kind: 'schedule' };

export interface SimilarPair {
  /** Stable for the pair whatever the order: the smaller id first. */
  key: string;
  a: Offer;
  b: Offer;
  quartiere: string[];
  /** 0 … 1. */
  score: number;
  reasons: Reason[];
}

export const WEIGHTS = {
  phone: 0.5,
  email: 0.5,
  address: 0.3,
  category: 0.15,
  targetGroup: 0.15,
  text: 0.2,
  schedule: 0.1,
} as const;

/**
 * Pairs scoring below this are not shown. A shared phone or e-mail reaches it alone; a
 * shared address (a Stadtteilzentrum hosts many Träger) only with a shared category and
 * target group, or with one of them and hours at the same time.
 */
export const MIN_SCORE = 0.5;
/** Word overlap from which texts count as similar. */
export const MIN_TEXT = 0.3;

export function pairKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

const digits = (phone: string) => {
  const d = phone.replace(/\D/g, '');
  // +49 202 … and 0202 … are the same number.
  return d.startsWith('49') ? `0${d.slice(2)}` : d;
};

/** Numbers by their digits, each shown as first written. */
function phonesOf(o: Offer): Map<string, string> {
  const out = new Map<string, string>();
  for (const p of [o.service.phone, ...o.contacts.map((c) => c.phone)]) {
    if (p && digits(p).length >= 5 && !out.has(digits(p))) out.set(digits(p), p.trim());
  }
  return out;
}

function emailsOf(o: Offer): Set<string> {
  const all = [o.service.email, ...o.contacts.map((c) => c.email)];
  return new Set(all.flatMap((e) => (e ? [e.trim().toLowerCase()] : [])));
}

function addressesOf(o: Offer): Map<string, string> {
  const out = new Map<string, string>();
  for (const l of o.locations) {
    if (!l.address_1) continue;
    const key = `${fold(l.address_1)
      .replace(/[^a-z0-9]/g, '')
      .replace(/str(asse)?/g, 'str')}|${l.postal_code ?? ''}`;
    out.set(key, [l.address_1, l.postal_code].filter(Boolean).join(', '));
  }
  return out;
}

/** Words of three letters or more, folded. */
export function words(text: string): Set<string> {
  return new Set(
    fold(text)
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length >= 3),
  );
}

/** Jaccard overlap of two word sets, 0 … 1. */
export function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared / (a.size + b.size - shared);
}

export interface Prepared {
  offer: Offer;
  quartiere: string[];
  phones: Map<string, string>;
  emails: Set<string>;
  addresses: Map<string, string>;
  words: Set<string>;
  slots: WeeklySlot[];
}

export function prepare(o: Offer): Prepared {
  return {
    offer: o,
    quartiere: facetsOf(o).q as string[],
    phones: phonesOf(o),
    emails: emailsOf(o),
    addresses: addressesOf(o),
    words: words(`${o.service.name} ${o.service.description ?? ''}`),
    slots: o.schedules.map(weeklySlot),
  };
}

const firstShared = <T>(a: Iterable<T>, b: { has(x: T): boolean }) => {
  for (const x of a) if (b.has(x)) return x;
  return undefined;
};

/** The evidence that two offers are the same or parallel, with its score. */
export function compare(x: Prepared, y: Prepared): { score: number; reasons: Reason[] } {
  const reasons: Reason[] = [];
  let score = 0;
  const phone = firstShared(x.phones.keys(), y.phones);
  if (phone) {
    reasons.push({ kind: 'phone', value: x.phones.get(phone) as string });
    score += WEIGHTS.phone;
  }
  const email = firstShared(x.emails, y.emails);
  if (email) {
    reasons.push({ kind: 'email', value: email });
    score += WEIGHTS.email;
  }
  const address = firstShared(x.addresses.keys(), y.addresses);
  if (address) {
    reasons.push({ kind: 'address', value: x.addresses.get(address) as string });
    score += WEIGHTS.address;
  }
  const sx = x.offer.service;
  const sy = y.offer.service;
  const cats = sx.categories.filter((c) => sy.categories.includes(c));
  if (cats.length > 0) {
    reasons.push({ kind: 'category', shared: cats });
    score += WEIGHTS.category;
  }
  const groups = sx.target_groups.filter((g) => sy.target_groups.includes(g));
  if (groups.length > 0) {
    reasons.push({ kind: 'targetGroup', shared: groups });
    score += WEIGHTS.targetGroup;
  }
  const text = overlap(x.words, y.words);
  if (text >= MIN_TEXT) {
    reasons.push({ kind: 'text', similarity: Math.round(text * 100) / 100 });
    score += WEIGHTS.text * text;
  }
  if (x.slots.some((a) => y.slots.some((b) => slotsOverlap(a, b)))) {
    reasons.push({ kind: 'schedule' });
    score += WEIGHTS.schedule;
  }
  return { score: Math.min(1, Math.round(score * 100) / 100), reasons };
}

/**
 * Pairs worth comparing within one Quartier, without comparing all n² of them.
 *
 * A pair reaches MIN_SCORE only with strong evidence (a shared phone, e-mail or address)
 * or with texts at least MIN_TEXT alike, because category, target group and schedule
 * together weigh less than MIN_SCORE (a test holds the weights to that). Strong evidence is
 * found by bucketing on each key. Similar texts are found by prefix filtering: with words
 * in one order from rarest to most common, two sets with Jaccard overlap ≥ t share a word
 * among the first |x| − ⌈t·|x|⌉ + 1 of each. So the candidates miss no pair that could
 * score, and common words ("Beratung", "Quartier") do not pair everyone with everyone.
 */
function candidates(list: readonly Prepared[]): Set<number> {
  const n = list.length;
  const out = new Set<number>();
  const buckets = new Map<string, number[]>();
  const put = (key: string, i: number) => {
    const bucket = buckets.get(key);
    if (!bucket) buckets.set(key, [i]);
    else if (bucket[bucket.length - 1] !== i) bucket.push(i);
  };
  const frequency = new Map<string, number>();
  for (const p of list) for (const w of p.words) frequency.set(w, (frequency.get(w) ?? 0) + 1);
  const rarestFirst = (a: string, b: string) =>
    (frequency.get(a) as number) - (frequency.get(b) as number) || (a < b ? -1 : 1);
  list.forEach((p, i) => {
    for (const k of p.phones.keys()) put(`p:${k}`, i);
    for (const k of p.emails) put(`e:${k}`, i);
    for (const k of p.addresses.keys()) put(`a:${k}`, i);
    const sorted = [...p.words].sort(rarestFirst);
    const prefix = sorted.length - Math.ceil(MIN_TEXT * sorted.length) + 1;
    for (const w of sorted.slice(0, prefix)) put(`w:${w}`, i);
  });
  for (const bucket of buckets.values()) {
    for (let x = 0; x < bucket.length; x++) {
      for (let y = x + 1; y < bucket.length; y++) {
        out.add((bucket[x] as number) * n + (bucket[y] as number));
      }
    }
  }
  return out;
}

function byQuartier(offers: readonly Offer[]): Map<string, Prepared[]> {
  const out = new Map<string, Prepared[]>();
  for (const o of offers) {
    if (!isListed(o.service)) continue;
    const p = prepare(o);
    for (const q of p.quartiere) {
      const list = out.get(q);
      if (list) list.push(p);
      else out.set(q, [p]);
    }
  }
  return out;
}

/** Adds the pairs of one Quartier to `found`; a pair seen in an earlier one gains it. */
function pairsIn(
  quartier: string,
  list: readonly Prepared[],
  dismissed: ReadonlySet<string>,
  found: Map<string, SimilarPair>,
): void {
  const n = list.length;
  for (const pair of candidates(list)) {
    const x = list[Math.floor(pair / n)] as Prepared;
    const y = list[pair % n] as Prepared;
    if (x.offer.service.organization_id === y.offer.service.organization_id) continue;
    const key = pairKey(x.offer.service.id, y.offer.service.id);
    if (dismissed.has(key)) continue;
    const known = found.get(key);
    if (known) {
      known.quartiere.push(quartier);
      continue;
    }
    const { score, reasons } = compare(x, y);
    if (score < MIN_SCORE) continue;
    const [a, b] = x.offer.service.id < y.offer.service.id ? [x, y] : [y, x];
    found.set(key, { key, a: a.offer, b: b.offer, quartiere: [quartier], score, reasons });
  }
}

const bestFirst = (found: Map<string, SimilarPair>) =>
  [...found.values()].sort((p, q) => q.score - p.score || (p.key < q.key ? -1 : 1));

/**
 * Listed offers of different Träger sharing a Quartier whose evidence reaches MIN_SCORE,
 * best first; pairs in `dismissed` (pairKey) are left out.
 */
export function similarPairs(
  offers: readonly Offer[],
  dismissed: ReadonlySet<string> = new Set(),
): SimilarPair[] {
  const found = new Map<string, SimilarPair>();
  for (const [quartier, list] of byQuartier(offers)) pairsIn(quartier, list, dismissed, found);
  return bestFirst(found);
}

/**
 * The same as similarPairs, handing the thread back after each Quartier: a city of
 * thousands of offers takes about a second, which as one task would freeze the screen.
 */
export async function similarPairsStepwise(
  offers: readonly Offer[],
  dismissed: ReadonlySet<string>,
  pause: () => Promise<void> = () => new Promise((resolve) => setTimeout(resolve, 0)),
): Promise<SimilarPair[]> {
  const found = new Map<string, SimilarPair>();
  for (const [quartier, list] of byQuartier(offers)) {
    pairsIn(quartier, list, dismissed, found);
    await pause();
  }
  return bestFirst(found);
}
