/**
 * Lighthouse 12 on the start page, mobile defaults (simulated slow 4G, CPU 4×, Moto G
 * viewport), first visit: every run gets a fresh Chromium profile, and Lighthouse clears
 * the origin's storage before it loads. Reports the four category scores (median over the
 * runs, and each run) and the timing audits, with the same index.html without scripts
 * (/baseline.html) in the same run as the baseline of the timings.
 * Targets (issue 15): performance ≥ 0.98, accessibility, best practices and SEO 1.0.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import lighthouse from 'lighthouse';
import { demoDataset } from '../src/demo';
import { CHROMIUM_ARGS, chromiumPath, tempDir } from '../tests/e2e/support/browser';
import { ensureBuild, startBenchServer } from './firstvisit.server';
import { type BenchRow, percentile, row } from './stats';

const RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 3);
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const TIMINGS = {
  'first-contentful-paint': 'first contentful paint',
  'largest-contentful-paint': 'largest contentful paint',
  'speed-index': 'speed index',
  'total-blocking-time': 'total blocking time',
  interactive: 'time to interactive',
} as const;

interface Chrome {
  port: number;
  close(): Promise<void>;
}

/** Chromium with a fresh profile; port 0 lets it pick one, written to DevToolsActivePort. */
async function startChrome(
  port = Number(process.env.LIGHTHOUSE_CHROME_PORT ?? 0),
): Promise<Chrome> {
  const exe = chromiumPath();
  if (!exe) throw new Error('Chromium not found (/usr/bin/chromium)');
  const profile = tempDir('qw-lighthouse-profile-');
  const child: ChildProcess = spawn(
    exe,
    [
      '--headless',
      ...CHROMIUM_ARGS,
      // The measured visitor reads German, the app's default, as a resident of the city would.
      '--lang=de-DE',
      `--remote-debugging-port=${port}`,
      `--user-data-dir=${profile}`,
      'about:blank',
    ],
    { stdio: 'ignore' },
  );
  const file = join(profile, 'DevToolsActivePort');
  const deadline = Date.now() + 30_000;
  while (!existsSync(file) || !readFileSync(file, 'utf8').includes('\n')) {
    if (Date.now() > deadline || child.exitCode !== null) {
      child.kill();
      throw new Error('Chromium did not open its debugging port');
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const bound = Number(readFileSync(file, 'utf8').split('\n')[0]);
  return {
    port: bound,
    async close() {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill();
      await exited;
      // Chromium's helper processes may still write to it after the browser exited; a
      // profile left in the temp folder is better than a failed benchmark.
      try {
        rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
      } catch {}
    },
  };
}

interface LighthouseRun {
  scores: Record<(typeof CATEGORIES)[number], number>;
  timings: Record<keyof typeof TIMINGS, number>;
  cls: number;
}

async function audit(url: string): Promise<LighthouseRun> {
  const chrome = await startChrome();
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: [...CATEGORIES],
    });
    if (!result) throw new Error('Lighthouse returned nothing');
    const { lhr } = result;
    if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.message}`);
    const scores = Object.fromEntries(
      CATEGORIES.map((c) => [c, lhr.categories[c]?.score ?? Number.NaN]),
    ) as LighthouseRun['scores'];
    const timings = Object.fromEntries(
      Object.keys(TIMINGS).map((k) => [k, lhr.audits[k]?.numericValue ?? Number.NaN]),
    ) as LighthouseRun['timings'];
    const cls = lhr.audits['cumulative-layout-shift']?.numericValue ?? Number.NaN;
    return { scores, timings, cls };
  } finally {
    await chrome.close();
  }
}

export interface LighthouseResults {
  runs: number;
  /** Median over the runs. */
  scores: LighthouseRun['scores'];
  cls: number;
  perRun: LighthouseRun[];
  rows: BenchRow[];
}

export async function benchLighthouse(): Promise<LighthouseResults> {
  ensureBuild();
  const server = await startBenchServer(demoDataset);
  try {
    const app: LighthouseRun[] = [];
    const base: LighthouseRun[] = [];
    for (let i = 0; i < RUNS; i++) {
      base.push(await audit(`${server.url}/baseline.html`));
      app.push(await audit(`${server.url}/`));
    }
    const median = (xs: number[]) => percentile(xs, 50);
    const scores = Object.fromEntries(
      CATEGORIES.map((c) => [c, median(app.map((r) => r.scores[c]))]),
    ) as LighthouseRun['scores'];
    const rows = (Object.keys(TIMINGS) as (keyof typeof TIMINGS)[]).map((k) =>
      row(
        `lighthouse start page (mobile, first visit): ${TIMINGS[k]} vs static shell`,
        RUNS,
        app.map((r) => r.timings[k]),
        base.map((r) => r.timings[k]),
      ),
    );
    return { runs: RUNS, scores, cls: median(app.map((r) => r.cls)), perRun: app, rows };
  } finally {
    await server.close();
  }
}

export function writeLighthouseResults(results: LighthouseResults): void {
  const machine = {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    node: process.version,
    date: new Date().toISOString(),
    ...(process.env.BENCH_NOTE ? { note: process.env.BENCH_NOTE } : {}),
  };
  writeFileSync(
    'bench/results/lighthouse.json',
    `${JSON.stringify({ machine, ...results }, null, 2)}\n`,
  );
  console.log('scores (median):', results.scores, 'CLS:', results.cls);
  console.table(results.rows);
}

// `tsx bench/lighthouse.bench.ts` runs this benchmark alone.
if (import.meta.url === `file://${process.argv[1]}`) {
  writeLighthouseResults(await benchLighthouse());
  process.exit(0);
}
