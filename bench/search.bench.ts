/**
 * Search in real Chromium: index build, index load from IndexedDB (cold start), cold start
 * to first results, and query time for a mix of real-looking queries at 1,000, 5,000 and
 * 50,000 synthetic offers. Baseline in the same run: the naive substring scan the list used
 * before the search engine. Targets: p95 ≤ 5 ms at 5,000; ≥ 20× faster than the scan
 * (ratio = p95 / baseline p95 ≤ 0.05); cold start to first results ≤ 1 s at 5,000.
 */
import { build } from 'vite';
import { launchBrowser } from '../tests/e2e/support/browser';
import type { PageSamples } from './search.page';
import { type BenchRow, row } from './stats';

const ALL_SIZES = [
  { n: 1000, build: 5, load: 5, rounds: 20, naiveRounds: 10 },
  { n: 5000, build: 3, load: 5, rounds: 20, naiveRounds: 5 },
  { n: 50000, build: 1, load: 2, rounds: 10, naiveRounds: 2 },
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
        row('search query with filters (2 target groups + language)', s.n, s.filtered, s.naive),
        row('index build in memory (whole directory)', s.n, s.build),
        row('index load from IndexedDB (cold start)', s.n, s.load),
        row('cold start to first results (load + first query)', s.n, s.firstResults),
      );
      console.log(
        `n=${s.n}: snapshot ${(s.snapshotBytes / 1e6).toFixed(1)} MB; hits ${JSON.stringify(s.hits)}`,
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
