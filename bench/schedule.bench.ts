/**
 * Recurrence engine on 5,000 synthetic offers (~10,000 schedules): "what is open now"
 * and "the next date of each offer". Every run gets freshly cloned schedule objects, as
 * a screen gets them from IndexedDB, so rule parsing is part of the measured time.
 * Baselines are the naive ways: expand the whole month and look for the instant, and
 * scan day by day until a date turns up.
 */
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { syntheticDataset } from '../src/demo';
import type { Schedule } from '../src/model';
import { isOpenAt, nextOccurrences, occurrences } from '../src/schedule';
import { type BenchRow, row, time } from './stats';

const RUNS = 100;
const N = 5000;
/** Wednesday 18 Nov 2026, 10:30 Berlin: a working morning, when most hours are open. */
const AT = new Date('2026-11-18T10:30:00+01:00');
const DAY = 86_400_000;

function byService(schedules: Schedule[]): Schedule[][] {
  const map = new Map<string, Schedule[]>();
  for (const s of schedules) {
    const list = map.get(s.service_id);
    if (list) list.push(s);
    else map.set(s.service_id, [s]);
  }
  return [...map.values()];
}

function openNaive(list: Schedule[], at: Date): boolean {
  const from = new Date(at.getFullYear(), at.getMonth() - 1, 1);
  const to = new Date(at.getFullYear(), at.getMonth() + 1, 1);
  return list.some((s) => occurrences(s, from, to).some((o) => o.start <= at && at < o.end));
}

function nextNaive(list: Schedule[], after: Date): Date | null {
  for (let d = 0; d < 400; d++) {
    const from = new Date(after.getTime() + d * DAY);
    const to = new Date(from.getTime() + DAY);
    const found = list
      .flatMap((s) => occurrences(s, d === 0 ? after : from, to))
      .sort((a, b) => a.start.getTime() - b.start.getTime())[0];
    if (found) return found.start;
  }
  return null;
}

export async function benchSchedule(): Promise<BenchRow[]> {
  const { schedules } = syntheticDataset(N);
  const fresh = () => byService(structuredClone(schedules));
  const samples = {
    open: [] as number[],
    openBase: [] as number[],
    next: [] as number[],
    nextBase: [] as number[],
  };
  let openCount = 0;
  let withNext = 0;
  // The previous clones' garbage is collected outside the timed region.
  v8.setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  for (let i = 0; i < RUNS; i++) {
    let groups = fresh();
    gc();
    samples.open.push(
      await time(() => {
        openCount = 0;
        for (const g of groups) if (isOpenAt(g, AT)) openCount++;
      }),
    );
    groups = fresh();
    gc();
    samples.next.push(
      await time(() => {
        withNext = 0;
        for (const g of groups) if (nextOccurrences(g, AT, 1).length > 0) withNext++;
      }),
    );
    // The naive baselines are slow; a few runs give a stable p95.
    if (i % 10 === 0) {
      groups = fresh();
      samples.openBase.push(await time(() => groups.filter((g) => openNaive(g, AT)).length));
      groups = fresh();
      samples.nextBase.push(await time(() => groups.filter((g) => nextNaive(g, AT)).length));
    }
  }
  console.log(
    `schedule bench: ${schedules.length} schedules, ${openCount} offers open, ${withNext} with a next date`,
  );
  return [
    row('open now, all offers (isOpenAt)', N, samples.open, samples.openBase),
    row('next date of every offer (nextOccurrences n=1)', N, samples.next, samples.nextBase),
  ];
}
