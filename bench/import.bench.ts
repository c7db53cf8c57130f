/**
 * Import of a generated HSDS 1.1 tabular package (5,000 services, 15,000 weekly schedules,
 * with organizations, locations, addresses and phones): the dry run and the commit, each on
 * a fresh embedded database, with the peak resident memory of the process while it runs;
 * then the time until a resident's delta pull (pages of 2,000 over the HTTP app) has every
 * imported record. Baseline: reading and parsing the same CSV files, without mapping,
 * checks or writes.
 *
 * The in-process peak says little about the import: this process holds two embedded
 * databases and the bench's own data. So the memory that counts (`command_peak_rss_mb`) is
 * the peak of the real command, `npm run admin -- import`, run alone in a child process on a
 * database that exists, as a coordinator's does once the server has started. Creating the
 * embedded database (initdb, once per data directory) peaks far higher than anything after
 * it, so it is its own row: the first admin command on an empty directory.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from '../server/app';
import { openPglite } from '../server/db';
import { runImport } from '../server/import/command';
import { parseCsv } from '../server/import/csv';
import { IssueLog } from '../server/import/issues';
import { migrate } from '../server/migrate';
import { type BenchRow, row, time } from './stats';

type ImportRow = BenchRow & {
  peak_rss_mb?: number;
  rss_before_mb?: number;
  command_peak_rss_mb?: number;
};

const SERVICES = 5000;
const SCHEDULES_PER_SERVICE = 3;
const DAYS = ['1', '2', '3', '4', '5'];

function writePackage(dir: string): void {
  const orgs = ['id,name,email'];
  const locs = ['id,organization_id,name,latitude,longitude'];
  const addrs = ['id,location_id,address_1,city,postal_code,address_type'];
  const services = ['id,organization_id,name,description,status,email'];
  const sal = ['id,service_id,location_id'];
  const phones = ['id,service_id,number'];
  const schedules = ['id,service_id,weekday,opens_at,closes_at'];
  for (let o = 0; o < SERVICES / 10; o++) {
    orgs.push(`o${o},Träger ${o},info${o}@traeger.example`);
    locs.push(`l${o},o${o},Haus ${o},51.${4000 + o},7.${1000 + o}`);
    addrs.push(`a${o},l${o},Straße ${o},Emscherhagen,4487${o % 10},physical`);
  }
  for (let s = 0; s < SERVICES; s++) {
    const o = Math.floor(s / 10);
    services.push(
      `s${s},o${o},Angebot ${s},"Beratung und Hilfe im Quartier, Nummer ${s}",active,angebot${s}@traeger.example`,
    );
    sal.push(`sal${s},s${s},l${o}`);
    phones.push(`p${s},s${s},0201 ${100000 + s}`);
    for (let k = 0; k < SCHEDULES_PER_SERVICE; k++) {
      schedules.push(`r${s}-${k},s${s},${DAYS[(s + k) % 5]},9:00am,12:30`);
    }
  }
  const files: Record<string, string[]> = {
    'organizations.csv': orgs,
    'locations.csv': locs,
    'physical_addresses.csv': addrs,
    'services.csv': services,
    'services_at_location.csv': sal,
    'phones.csv': phones,
    'regular_schedules.csv': schedules,
  };
  mkdirSync(dir, { recursive: true });
  for (const [name, lines] of Object.entries(files))
    writeFileSync(join(dir, name), `${lines.join('\n')}\n`);
  writeFileSync(join(dir, 'datapackage.json'), JSON.stringify({ name: 'bench', resources: [] }));
}

/**
 * Runs `fn` and samples the resident memory every 20 ms: the peak, and what the process held
 * before (the embedded database's WebAssembly heap is most of it), in MB.
 */
async function withPeak<T>(
  fn: () => Promise<T>,
): Promise<{ result: T; ms: number; peakMb: number; beforeMb: number }> {
  const before = process.memoryUsage().rss;
  let peak = before;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  const t0 = performance.now();
  try {
    const result = await fn();
    peak = Math.max(peak, process.memoryUsage().rss);
    return {
      result,
      ms: performance.now() - t0,
      peakMb: Math.round(peak / 1e6),
      beforeMb: Math.round(before / 1e6),
    };
  } finally {
    clearInterval(timer);
  }
}

const ADMIN = fileURLToPath(new URL('../server/cli/admin.ts', import.meta.url));

/** Wall time and peak resident memory (VmHWM, MB) of one admin command, as a process of its own. */
function adminCommand(args: string[], dataDir: string): Promise<{ ms: number; peakMb: number }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, ['--import', 'tsx', ADMIN, ...args], {
      env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' },
      stdio: 'ignore',
    });
    let peakKb = 0;
    const timer = setInterval(() => {
      try {
        const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
        peakKb = Math.max(peakKb, Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0));
      } catch {
        // Gone between two samples: the last one stands.
      }
    }, 20);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearInterval(timer);
      if (code !== 0) reject(new Error(`admin ${args[0]} exited with ${code}`));
      else resolve({ ms: performance.now() - t0, peakMb: Math.round((peakKb * 1024) / 1e6) });
    });
  });
}

export async function benchImport(): Promise<ImportRow[]> {
  const root = mkdtempSync(join(tmpdir(), 'qw-bench-import-'));
  const pkg = join(root, 'package');
  writePackage(pkg);
  const rows: ImportRow[] = [];
  try {
    const parse = await time(() => {
      const log = new IssueLog();
      for (const f of readdirSync(pkg)) {
        if (f.endsWith('.csv')) parseCsv(readFileSync(join(pkg, f)), f, log);
      }
    });
    // One directory for the commands: created by the first, then the dry run (which writes
    // nothing) and the commit on it.
    const cmdDir = join(root, 'cmd');
    const created = await adminCommand(['user', 'list'], cmdDir);
    rows.push({
      ...row(
        'create the embedded database (first command on an empty directory)',
        1,
        [created.ms],
        [parse],
      ),
      command_peak_rss_mb: created.peakMb,
    });
    for (const commit of [false, true]) {
      const db = await openPglite(join(root, commit ? 'db-commit' : 'db-dry'));
      try {
        await migrate(db);
        const run = await withPeak(() => runImport(db, { path: pkg, commit }));
        if (run.result.code !== 0) throw new Error(run.result.lines.slice(-5).join('\n'));
        rows.push({
          ...row(
            `import HSDS 1.1 package, ${commit ? 'commit' : 'dry run'}`,
            SERVICES,
            [run.ms],
            [parse],
          ),
          peak_rss_mb: run.peakMb,
          rss_before_mb: run.beforeMb,
          command_peak_rss_mb: (
            await adminCommand(['import', pkg, ...(commit ? ['--commit'] : [])], cmdDir)
          ).peakMb,
        });
        if (commit) {
          const app = createApp({ db, distDir: join(root, 'no-dist') });
          const pulled = await time(async () => {
            let since = '';
            let n = 0;
            for (;;) {
              const res = await app.request(`/api/sync/pull?since=${since}&limit=2000`);
              const page = (await res.json()) as {
                changes: unknown[];
                cursor: string;
                more: boolean;
              };
              n += page.changes.length;
              since = page.cursor;
              if (!page.more) break;
            }
            if (n < SERVICES * (1 + SCHEDULES_PER_SERVICE))
              throw new Error(`pull got only ${n} records`);
          });
          rows.push(
            row('resident delta pull of every imported record', SERVICES, [pulled], [parse]),
          );
        }
      } finally {
        await db.close();
      }
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  return rows;
}
