/**
 * `npm run bench`: every benchmark writes rows to bench/results/<name>.json.
 *
 * Each benchmark runs in a Node process of its own (`tsx bench/run.ts <name>`): the
 * browser and database benchmarks leave a heap of several hundred MB and warmed-up code
 * behind, which slowed the pure-computation schedule benchmark by half when they shared
 * a process.
 */
import { spawnSync } from 'node:child_process';
import { benchFirstVisit, writeFirstVisitResults } from './firstvisit.bench';
import { benchImport } from './import.bench';
import { benchLighthouse, writeLighthouseResults } from './lighthouse.bench';
import { benchParallel } from './parallel.bench';
import { benchPull } from './pull.bench';
import { benchSchedule } from './schedule.bench';
import { benchSearch } from './search.bench';
import { benchSoak, writeSoakResults } from './soak.bench';
import { writeResults } from './stats';
import { benchSyncClient, mergeClientResults } from './sync-client.bench';
import { benchSyncServer, mergeSyncResults } from './sync-server.bench';

const BENCHMARKS: Record<string, () => Promise<void>> = {
  pull: async () => writeResults('pull.json', await benchPull()),
  'sync-server': async () => mergeSyncResults(await benchSyncServer()),
  'sync-client': async () => mergeClientResults(await benchSyncClient()),
  search: async () => writeResults('search.json', await benchSearch()),
  import: async () => writeResults('import.json', await benchImport()),
  parallel: async () => writeResults('parallel.json', await benchParallel()),
  schedule: async () => writeResults('schedule.json', await benchSchedule()),
  firstvisit: async () => writeFirstVisitResults(await benchFirstVisit()),
  lighthouse: async () => writeLighthouseResults(await benchLighthouse()),
};

/** Run only when named: `npm run bench -- soak` takes 10 minutes (SOAK_SECONDS). */
const ON_DEMAND: Record<string, () => Promise<void>> = {
  soak: async () => writeSoakResults(await benchSoak()),
};

const only = process.argv[2];
if (only) {
  const run = BENCHMARKS[only] ?? ON_DEMAND[only];
  if (!run) {
    const known = [...Object.keys(BENCHMARKS), ...Object.keys(ON_DEMAND)].join(', ');
    console.error(`Unknown benchmark "${only}"; known: ${known}`);
    process.exit(2);
  }
  await run();
} else {
  for (const name of Object.keys(BENCHMARKS)) {
    console.log(`\n== ${name}`);
    const child = spawnSync(process.execPath, [...process.execArgv, process.argv[1] ?? '', name], {
      stdio: 'inherit',
    });
    if (child.status !== 0) {
      console.error(`Benchmark "${name}" failed (exit ${child.status ?? child.signal}).`);
      process.exit(1);
    }
  }
}
