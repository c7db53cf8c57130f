/**
 * Search in real Chromium, through the app's own store over real IndexedDB, at 5,000 and
 * 50,000 synthetic offers:
 * - query time for a mix of real-looking queries; baseline in the same run: a naive
 *   substring scan over the same text. Target: p95 ≤ 10 ms at 50,000.
 * - 8-word questions (stop words, concepts, best-match fill); baseline: the same naive scan.
 *   Targets: p95 ≤ 5 ms at 5,000 and ≥ 20× faster than the scan at 50,000.
 * - cold start to first results (the saved pieces, page by page) and until all pieces are
 *   in; baseline: a raw IndexedDB read of the same rows. Target: first results ≤ 1 s.
 * - one offer changed: its write, the index update and its piece saved; baseline: the same
 *   write with no index listening.
 * - the full build in memory (first start).
 */
import { build } from 'vite';
import { launchBrowser } from '../tests/e2e/support/browser';
import type { PageSamples } from './search.page';
import { type BenchRow, row } from './stats';

const ALL_SIZES = [
  { n: 5000, build: 3, cold: 5, updates: 20, rounds: 20, naiveRounds: 5 },
  { n: 50000, build: 1, cold: 3, updates: 20, rounds: 10, naiveRounds: 2 },
];

async function bundle(): Promise<string> {
  const result = await build({
    configFile: false,
    logLevel: 'error',
    build: {
      write: false,
      minify: true,
      target: 'es2022',
      lib: { entry: 'bench/search.page.ts', formats: ['iife'], name: 'qwBench' },
    },
  });
  const outputs = Array.isArray(result) ? result : [result];
  for (const o of outputs) {
    if ('output' in o) {
      const chunk = o.output.find((c) => c.type === 'chunk');
      if (chunk && 'code' in chunk) return chunk.code;
    }
  }
  throw new Error('bench bundle failed');
}

const SIZES = process.env.BENCH_SEARCH_N
  ? ALL_SIZES.filter((s) => String(s.n) === process.env.BENCH_SEARCH_N)
  : ALL_SIZES;

export async function benchSearch(): Promise<BenchRow[]> {
  const code = await bundle();
  const browser = await launchBrowser();
  const rows: BenchRow[] = [];
  try {
    for (const size of SIZES) {
      // A fresh page per size, on an origin of its own so IndexedDB is available offline.
      const page = await browser.newPage();
      await page.route('http://bench.local/**', (route) =>
        route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>bench</title>' }),
      );
      await page.goto('http://bench.local/');
      await page.addScriptTag({ content: code });
      const s = (await page.evaluate(
        ({ n, runs }) =>
          (
            window as unknown as { qwBench: { run: (n: number, r: unknown) => Promise<unknown> } }
          ).qwBench.run(n, runs),
        { n: size.n, runs: size },
      )) as PageSamples;
      await page.close();
      rows.push(
        row('search query p95 vs naive substring scan', s.n, s.query, s.naive),
        row(
          '8-word question p95 (stop words, concepts, best-match fill) vs naive scan',
          s.n,
          s.question,
          s.naiveQuestion,
        ),
        row('search query with filters (2 target groups + language)', s.n, s.filtered, s.naive),
        row(
          'cold start to first results vs raw read of all pieces',
          s.n,
          s.firstResults,
          s.rawRead,
        ),
        row(
          'cold start until all pieces are in vs raw read of all pieces',
          s.n,
          s.loaded,
          s.rawRead,
        ),
        row(
          'update of one offer (write + index + its piece) vs the plain write',
          s.n,
          s.update,
          s.plainWrite,
        ),
        row('index build in memory (whole directory)', s.n, s.build),
      );
      console.log(
        `n=${s.n}: first results from ${s.firstIndexed} offers (${s.firstHits} hits); mismatches after cold start: ${JSON.stringify(s.mismatches)}; hits ${JSON.stringify(s.hits)}`,
      );
      if (process.env.BENCH_VERBOSE) console.table(s.perQuery);
    }
  } finally {
    await browser.close();
  }
  return rows;
}

// `tsx bench/search.bench.ts` runs this benchmark alone.
if (import.meta.url === `file://${process.argv[1]}`) {
  const { writeResults } = await import('./stats');
  writeResults('search.json', await benchSearch());
}
