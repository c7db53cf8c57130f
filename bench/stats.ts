import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';

export interface BenchRow {
  case: string;
  n: number;
  p50_ms: number;
  p95_ms: number;
  baseline_p95_ms: number | null;
  ratio: number | null;
}

export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const idx = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, idx)] ?? Number.NaN;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

export function row(name: string, n: number, samples: number[], baseline?: number[]): BenchRow {
  const p95 = percentile(samples, 95);
  const base = baseline ? percentile(baseline, 95) : null;
  return {
    case: name,
    n,
    p50_ms: round(percentile(samples, 50)),
    p95_ms: round(p95),
    baseline_p95_ms: base === null ? null : round(base),
    ratio: base ? round(p95 / base) : null,
  };
}

export async function time(fn: () => Promise<unknown> | unknown): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

/** Results carry the machine they were measured on; numbers from elsewhere don't compare. */
export function writeResults(file: string, rows: BenchRow[]): void {
  mkdirSync('bench/results', { recursive: true });
  const machine = {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    node: process.version,
    date: new Date().toISOString(),
  };
  writeFileSync(`bench/results/${file}`, `${JSON.stringify({ machine, rows }, null, 2)}\n`);
  console.table(rows);
}

/**
 * Replaces the rows whose case starts with `prefix` in bench/results/<file>, keeping the
 * other benchmarks' rows (several benchmarks share one file).
 */
export function mergeResults(file: string, prefix: string, mine: BenchRow[]): void {
  const path = `bench/results/${file}`;
  let others: BenchRow[] = [];
  if (existsSync(path)) {
    try {
      const old = JSON.parse(readFileSync(path, 'utf8')) as { rows?: BenchRow[] };
      others = (old.rows ?? []).filter((r) => !r.case.startsWith(prefix));
    } catch {
      // A broken file is rewritten with these rows only.
    }
  }
  writeResults(file, [...others, ...mine]);
}
