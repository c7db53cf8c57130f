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

/** axe-core's WCAG 2.1 A/AA rules on the page as it is: "rule: target" per violation. */
export async function axeViolations(page: Page): Promise<string[]> {
  const r = await runAxe(page, {
    type: 'tag',
    values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'],
  });
  // A run that checked nothing (axe not loaded, an empty page) is itself a failure.
  if (r.passes.length < 10) return [`only ${r.passes.length} rules passed`];
  return r.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
}
