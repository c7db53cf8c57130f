import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

export interface AxeResult {
  violations: { id: string; nodes: { target: string[]; failureSummary: string }[] }[];
  passes: { nodes: unknown[] }[];
}

/** Runs axe-core on the page as it is, loading it into the page once. */
export async function runAxe(page: Page, runOnly: unknown): Promise<AxeResult> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  return page.evaluate(async (only) => {
    const axe = (
      window as unknown as {
        axe: { run: (c: Document, o: object) => Promise<AxeResult> };
      }
    ).axe;
    const r = await axe.run(document, { runOnly: only });
    // Only what the tests read crosses back: axe's full result is large.
    return {
      violations: r.violations.map((v) => ({
        id: v.id,
        nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
      })),
      passes: r.passes.map((p) => ({ nodes: p.nodes.map(() => null) })),
    };
  }, runOnly);
}
