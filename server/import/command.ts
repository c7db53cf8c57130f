import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { TableName } from '../../src/model';
import type { Db } from '../db';
import { lockVersions } from '../records';
import { type ImportIssue, IssueLog } from './issues';
import { type MapResult, mapRecords } from './map-records';
import { loadStoredMapping } from './mapping-store';
import {
  addQuartierFile,
  emptyQuartierRules,
  QuartierFileError,
  type QuartierRules,
} from './quartiere';
import { readSource, readSourceFile, SourceError } from './read-source';
import {
  MappingError,
  mappingOf,
  parseTaxonomyMapping,
  type TaxonomyMapping,
} from './taxonomy-mapping';
import { applyPlan, IMPORTED_TABLES, planChanges, type TableCounts } from './write';

export interface ImportOptions {
  /** A file or folder on disk, or else `upload`: one file's bytes under its name. */
  path: string;
  upload?: { name: string; bytes: Uint8Array };
  commit: boolean;
  mapping?: string;
  quartiere?: string[];
  source?: string;
}

export interface ImportOutcome {
  code: 0 | 1;
  lines: string[];
  /** What the import changes (a dry run) or changed (a commit), per table. */
  counts: Record<TableName, TableCounts> | null;
  issues: ImportIssue[];
  /** Source terms without a category or Zielgruppe, with how often they occur, most first. */
  unmappedTerms: [string, number][];
  /** Places left out because no rule gave them a Quartier. */
  unassignedLocations: number;
}

/** Findings printed per code; the rest are counted. */
const SHOWN_PER_CODE = 20;

const SEVERITY = { error: 'FEHLER', warning: 'WARNUNG' } as const;

function issueLine(i: ImportIssue): string {
  const where = `${i.file}${i.row > 0 ? ` Zeile ${i.row}` : ''}${i.column ? ` Spalte ${i.column}` : ''}`;
  const value = i.value === undefined ? '' : ` [Wert: „${i.value}“]`;
  return `${SEVERITY[i.severity]} ${i.code} ${where}: ${i.message}${value}`;
}

/**
 * `import <path> [--commit] [--mapping F] [--quartiere F]…`: reads and maps the source (with
 * the stored taxonomy mapping, and a --mapping file over it), then
 * compares with what the same source wrote before. A dry run writes nothing; --commit writes
 * it all in one transaction, and only when no error blocks it.
 */
export async function runImport(db: Db, opts: ImportOptions): Promise<ImportOutcome> {
  const log = new IssueLog();
  const lines: string[] = [];
  const fail = (message: string): ImportOutcome => ({
    code: 1,
    lines: [`FEHLER ${message}`],
    counts: null,
    issues: log.issues,
    unmappedTerms: [],
    unassignedLocations: 0,
  });
  let fileMapping: TaxonomyMapping | undefined;
  const quartiere = emptyQuartierRules();
  try {
    if (opts.mapping) {
      fileMapping = parseTaxonomyMapping(
        await readFile(opts.mapping, 'utf8'),
        basename(opts.mapping),
      );
    }
    for (const f of opts.quartiere ?? [])
      addQuartierFile(quartiere, await readFile(f, 'utf8'), basename(f));
  } catch (err) {
    if (err instanceof MappingError) return fail(`MAPPING ${err.message}`);
    if (err instanceof QuartierFileError) return fail(`QUARTIERE ${err.message}`);
    if ((err as NodeJS.ErrnoException).code === 'ENOENT')
      return fail(`FILE_NOT_FOUND ${(err as Error).message}`);
    throw err;
  }
  const loaded = await readAndMap(db, opts, log, fileMapping, quartiere);
  if ('failure' in loaded) return fail(loaded.failure);
  const { source, mapped } = loaded;
  const errors = log.errorCount;
  // A commit plans once, inside its transaction, so that nothing written meanwhile is
  // overlooked; a second plan beside it would hold every record's old and new version twice.
  const counts =
    opts.commit && errors === 0
      ? await db.tx(async (q) => {
          await lockVersions(q);
          const p = await planChanges(q, source, mapped.planned);
          await applyPlan(q, source, p);
          return p.counts;
        })
      : (await db.snapshot((q) => planChanges(q, source, mapped.planned))).counts;

  const unmappedTerms = [...mapped.unmappedTerms].sort((a, b) => b[1] - a[1]);
  const found = {
    issues: log.issues,
    unmappedTerms,
    unassignedLocations: mapped.unassignedLocations,
  };
  lines.push(`Quelle „${source}“ (${opts.commit ? 'Übernahme' : 'Probelauf, nichts geschrieben'})`);
  lines.push('Tabelle        neu  geändert  unverändert  gelöscht');
  for (const t of IMPORTED_TABLES) {
    const c = counts[t];
    lines.push(
      `${t.padEnd(13)} ${String(c.create).padStart(4)}  ${String(c.update).padStart(8)}  ${String(c.unchanged).padStart(11)}  ${String(c.delete).padStart(8)}`,
    );
  }
  const byCode = new Map<string, ImportIssue[]>();
  for (const i of log.issues) {
    const list = byCode.get(i.code) ?? [];
    list.push(i);
    byCode.set(i.code, list);
  }
  for (const [code, list] of byCode) {
    for (const i of list.slice(0, SHOWN_PER_CODE)) lines.push(issueLine(i));
    if (list.length > SHOWN_PER_CODE)
      lines.push(`  … und ${list.length - SHOWN_PER_CODE} weitere ${code}`);
  }
  if (mapped.unmappedTerms.size > 0) {
    lines.push(
      `Begriffe ohne Zuordnung (${mapped.unmappedTerms.size}; in der Koordination oder mit --mapping zuordnen):`,
    );
    for (const [term, n] of unmappedTerms) lines.push(`  ${term} (${n}×)`);
  }
  if (mapped.unassignedLocations > 0) {
    lines.push(`Orte ohne Quartier: ${mapped.unassignedLocations} (mit --quartiere zuordnen)`);
  }
  const warnings = log.issues.length - errors;
  lines.push(`${errors} Fehler, ${warnings} Warnungen.`);
  if (errors > 0) {
    lines.push(
      opts.commit
        ? 'Nichts übernommen: erst die Fehler beheben.'
        : 'So nicht übernehmbar: erst die Fehler beheben.',
    );
    return { code: 1, lines, counts, ...found };
  }
  lines.push(opts.commit ? 'Übernommen.' : 'Übernehmbar: mit --commit schreiben.');
  return { code: 0, lines, counts, ...found };
}

/**
 * Reads the source and maps it to records. Its own function so that the parsed source
 * tables, often larger than the records made from them, can be collected before planning.
 */
async function readAndMap(
  db: Db,
  opts: ImportOptions,
  log: IssueLog,
  fileMapping: TaxonomyMapping | undefined,
  quartiere: QuartierRules,
): Promise<{ source: string; mapped: MapResult } | { failure: string }> {
  let read: Awaited<ReturnType<typeof readSource>>;
  try {
    read = opts.upload
      ? await readSourceFile(opts.upload.name, opts.upload.bytes, log)
      : await readSource(opts.path, log);
  } catch (err) {
    if (err instanceof SourceError) return { failure: `SOURCE ${err.message}` };
    throw err;
  }
  const source = (opts.source ?? read.name).trim();
  // The coordinators' mapping from the dashboard, with a --mapping file's terms on top.
  const mapping = mappingOf(await loadStoredMapping(db), fileMapping);
  const mapped = mapRecords(
    read.tables,
    { source, mapping, quartiere, now: new Date().toISOString() },
    log,
  );
  return { source, mapped };
}
