/**
 * A resident's first visit in real Chromium (phone viewport, fresh profile, service worker
 * allowed), against the real server with the demo city (93 offers) and with 5,000 synthetic
 * offers:
 * - CPU throttled 4× (Lighthouse's mobile profile): total blocking time, longest task and
 *   layout shift from navigation until the first sync is done, and the time from navigation
 *   until a result link shows for a query typed while that sync runs;
 * - 5,000 offers unthrottled: longest task.
 * Baseline, same run and browser: the same index.html with no script (/baseline.html), its
 * blocking time, longest task and layout shift, and its load event for the time to results.
 * Targets (issue 15): blocking ≤ 150 ms, no task over 100 ms, CLS < 0.01 with the demo data.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { demoDataset, syntheticDataset } from '../src/demo';
import { launchBrowser, newPhoneContext } from '../tests/e2e/support/browser';
import { readLocal } from '../tests/e2e/support/page';
import { residentOffers } from '../tests/e2e/support/residents';
import {
  blockingTime,
  cumulativeLayoutShift,
  type FirstVisitRecord,
  longestTask,
  RECORD_FIRST_VISIT,
} from './firstvisit.page';
import { ensureBuild, startBenchServer } from './firstvisit.server';
import { type BenchRow, row, writeResults } from './stats';

const RUNS_DEMO = Number(process.env.FIRSTVISIT_RUNS ?? 5);
const RUNS_LARGE = Number(process.env.FIRSTVISIT_RUNS_LARGE ?? 3);
const LARGE = 5000;
const QUERY = 'Beratung';
/** After the sync is done: late renders and shifts still count. */
const SETTLE_MS = 1500;
const TIMEOUT_MS = 180_000;

interface Visit {
  record: FirstVisitRecord;
  /** Baseline: the load event of the static page (ms from navigation). */
  loadAt: number;
}

interface VisitOptions {
  path: string;
  cpu: number;
  query?: string;
  waitForSync: boolean;
}

/** Until a pull has run to its end in the page (meta lastSyncAt, see src/db/dataState.ts). */
export async function waitForFirstSync(page: import('playwright-core').Page): Promise<void> {
  const deadline = Date.now() + TIMEOUT_MS;
  for (;;) {
    const done = await readLocal(page, 'meta', 'lastSyncAt').then(
      (row) => row !== undefined,
      () => false,
    );
    if (done) return;
    if (Date.now() > deadline) throw new Error('first sync not done in time');
    await page.waitForTimeout(500);
  }
}

async function visit(browser: Browser, url: string, o: VisitOptions): Promise<Visit> {
  const context = await newPhoneContext(browser);
  try {
    await context.addInitScript(RECORD_FIRST_VISIT);
    const page = await context.newPage();
    page.on('pageerror', (e) => console.error('pageerror:', e.message));
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: o.cpu });
    await page.goto(`${url}${o.path}`, { waitUntil: 'commit', timeout: TIMEOUT_MS });
    if (o.query) {
      await page.locator('#search-q').fill(o.query, { timeout: TIMEOUT_MS });
      await page.waitForSelector('.quick-results__link', { timeout: TIMEOUT_MS });
    }
    if (o.waitForSync) await waitForFirstSync(page);
    else await page.waitForLoadState('load');
    await page.waitForTimeout(SETTLE_MS);
    return await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      return {
        record: (window as unknown as { __firstVisit: FirstVisitRecord }).__firstVisit,
        loadAt: nav.loadEventEnd,
      };
    });
  } finally {
    await context.close();
  }
}

async function runs(n: number, fn: () => Promise<Visit>): Promise<Visit[]> {
  const out: Visit[] = [];
  for (let i = 0; i < n; i++) out.push(await fn());
  return out;
}

const tbt = (v: Visit[]) => v.map((x) => blockingTime(x.record.tasks));
const longest = (v: Visit[]) => v.map((x) => longestTask(x.record.tasks));
const cls = (v: Visit[]) => v.map((x) => cumulativeLayoutShift(x.record.shifts));

function firstResults(v: Visit[]): number[] {
  return v.map((x) => {
    if (x.record.firstResultAt === null) throw new Error('no result link was recorded');
    return x.record.firstResultAt;
  });
}

async function benchCase(
  browser: Browser,
  url: string,
  n: number,
  cpu: number,
  count: number,
  withResults: boolean,
): Promise<BenchRow[]> {
  const label = `first visit, ${n} offers, CPU ${cpu}×`;
  const base = await runs(count, () =>
    visit(browser, url, { path: '/baseline.html', cpu, waitForSync: false }),
  );
  const app = await runs(count, () => visit(browser, url, { path: '/', cpu, waitForSync: true }));
  const rows = [
    row(`${label}: total blocking time vs static shell`, n, tbt(app), tbt(base)),
    row(
      `${label}: longest task (0 = none over 50 ms) vs static shell`,
      n,
      longest(app),
      longest(base),
    ),
    row(
      `${label}: layout shift (CLS, unitless, in the _ms fields) vs static shell`,
      n,
      cls(app),
      cls(base),
    ),
  ];
  if (withResults) {
    const typed = await runs(count, () =>
      visit(browser, url, { path: '/', cpu, query: QUERY, waitForSync: false }),
    );
    rows.push(
      row(
        `${label}: time to first results ("${QUERY}" typed during the first sync) vs static shell load`,
        n,
        firstResults(typed),
        base.map((b) => b.loadAt),
      ),
    );
  }
  return rows;
}

export async function benchFirstVisit(): Promise<BenchRow[]> {
  ensureBuild();
  const browser = await launchBrowser();
  const rows: BenchRow[] = [];
  try {
    const demo = await startBenchServer(demoDataset);
    try {
      const n = residentOffers(demoDataset());
      rows.push(...(await benchCase(browser, demo.url, n.length, 4, RUNS_DEMO, true)));
    } finally {
      await demo.close();
    }
    const large = await startBenchServer(() => syntheticDataset(LARGE));
    try {
      rows.push(...(await benchCase(browser, large.url, LARGE, 4, RUNS_LARGE, true)));
      rows.push(...(await benchCase(browser, large.url, LARGE, 1, RUNS_LARGE, false)));
    } finally {
      await large.close();
    }
  } finally {
    await browser.close();
  }
  return rows;
}

export async function writeFirstVisitResults(rows: BenchRow[]): Promise<void> {
  writeResults('firstvisit.json', rows);
  // How busy the machine was says as much about these numbers as the CPU model.
  if (process.env.BENCH_NOTE) {
    const path = 'bench/results/firstvisit.json';
    const results = JSON.parse(readFileSync(path, 'utf8'));
    results.machine.note = process.env.BENCH_NOTE;
    writeFileSync(path, `${JSON.stringify(results, null, 2)}\n`);
  }
}

// `tsx bench/firstvisit.bench.ts` runs this benchmark alone.
if (import.meta.url === `file://${process.argv[1]}`) {
  await writeFirstVisitResults(await benchFirstVisit());
  process.exit(0);
}
