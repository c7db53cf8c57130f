import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { unzipSync } from 'fflate';
import { templateToTables } from '../template/read';
import { sheetTableOf } from '../template/sheets';
import { readWorkbook, WorkbookError } from '../template/workbook';
import { decodeText, parseCsv } from './csv';
import type { IssueLog } from './issues';
import {
  attributesToServiceTerms,
  emptyTables,
  flattenServices,
  type SourceTables,
  sourceTableOf,
} from './tables';

export interface ReadSource {
  tables: SourceTables;
  /** The default source name: the file or folder name without extension. */
  name: string;
}

/** Whole-file problems (missing, unknown format) that stop an import before any row. */
export class SourceError extends Error {}

/** Reads a JSON file, a CSV file, a folder or a zip of a data package into source tables. */
export async function readSource(path: string, log: IssueLog): Promise<ReadSource> {
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(path);
  } catch {
    throw new SourceError(`Die Datei oder den Ordner ${path} gibt es nicht.`);
  }
  const name = basename(path, extname(path));
  if (info.isDirectory()) {
    const files = new Map<string, Uint8Array>();
    const folders: string[] = [];
    for (const entry of await readdir(path, { withFileTypes: true })) {
      if (entry.isDirectory()) folders.push(entry.name);
      else if (/\.(csv|json)$/i.test(entry.name)) {
        files.set(entry.name, await readFile(join(path, entry.name)));
      }
    }
    try {
      return { name, tables: readPackage(files, log) };
    } catch (err) {
      // A folder of several packages (as HSDS samples ship): say which ones to import.
      const packages = await packagesIn(path, folders);
      if (!(err instanceof SourceError) || packages.length === 0) throw err;
      throw new SourceError(
        `Keine HSDS-Tabellen (CSV) in diesem Ordner, aber Datenpakete in: ${packages.join(', ')}. Bitte einen davon importieren.`,
      );
    }
  }
  return readSourceFile(basename(path), await readFile(path), log);
}

/** The subfolders that hold a data package (a datapackage.json). */
async function packagesIn(path: string, folders: string[]): Promise<string[]> {
  const found: string[] = [];
  for (const folder of folders.sort()) {
    const manifest = await stat(join(path, folder, 'datapackage.json')).catch(() => null);
    if (manifest?.isFile()) found.push(folder);
  }
  return found;
}

/**
 * Reads one file (JSON, CSV, XLSX or a zipped data package) from its bytes; the name decides
 * the format, as a file's extension does.
 */
export async function readSourceFile(
  fileName: string,
  bytes: Uint8Array,
  log: IssueLog,
): Promise<ReadSource> {
  const path = basename(fileName);
  const name = basename(path, extname(path));
  const ext = extname(path).toLowerCase();
  if (ext === '.zip') {
    let entries: Record<string, Uint8Array>;
    try {
      entries = unzipSync(bytes);
    } catch {
      throw new SourceError(`${basename(path)} ist keine lesbare ZIP-Datei.`);
    }
    const files = new Map<string, Uint8Array>();
    for (const [entry, data] of Object.entries(entries)) {
      if (/\.(csv|json)$/i.test(entry) && !entry.startsWith('__MACOSX/')) {
        files.set(basename(entry), data);
      }
    }
    return { name, tables: readPackage(files, log) };
  }
  if (ext === '.xlsx') {
    try {
      const sheets = await readWorkbook(bytes, basename(path), log);
      if (sheets.size === 0)
        throw new SourceError(
          `${basename(path)} hat keine Blätter der Vorlage (Träger, Orte, Angebote, Sprechzeiten, Ansprechpersonen).`,
        );
      return { name, tables: templateToTables(sheets, log) };
    } catch (err) {
      if (err instanceof WorkbookError) throw new SourceError(err.message);
      throw err;
    }
  }
  if (ext === '.json') {
    const file = basename(path);
    let doc: unknown;
    try {
      doc = JSON.parse(decodeText(bytes, file, log));
    } catch (err) {
      throw new SourceError(`${file} ist kein gültiges JSON: ${(err as Error).message}`);
    }
    const tables = flattenServices(doc, file, log);
    if (!tables) throw new SourceError(`${file} enthält keine HSDS-Angebote (services).`);
    return { name, tables };
  }
  if (ext === '.csv') {
    const file = basename(path);
    const tables = emptyTables();
    const table = sourceTableOf(name) ?? 'services';
    tables[table] = parseCsv(bytes, file, log);
    return { name, tables };
  }
  throw new SourceError(
    `Unbekanntes Format ${ext || '(ohne Endung)'}: erwartet .json, .csv, .xlsx, .zip oder einen Ordner.`,
  );
}

/**
 * A tabular data package: the CSV files named in datapackage.json (or, without one, every CSV
 * named like an HSDS table).
 */
function readPackage(files: Map<string, Uint8Array>, log: IssueLog): SourceTables {
  // CSV files named like the template's sheets (Angebote.csv, …) are the template.
  const sheets = new Map(
    [...files]
      .filter(([f]) => f.toLowerCase().endsWith('.csv'))
      .flatMap(([f, bytes]) => {
        const table = sheetTableOf(basename(f, extname(f)));
        return table ? [[table, parseCsv(bytes, f, log)] as const] : [];
      }),
  );
  if (sheets.size > 0) return templateToTables(sheets, log);
  const tables = emptyTables();
  const resources = new Map<string, string>();
  const manifest = files.get('datapackage.json');
  if (manifest) {
    try {
      const pkg = JSON.parse(decodeText(manifest, 'datapackage.json', log)) as {
        resources?: { name?: string; path?: string }[];
      };
      for (const r of pkg.resources ?? []) {
        if (typeof r.path === 'string') resources.set(basename(r.path), r.name ?? r.path);
      }
    } catch {
      log.warn({ file: 'datapackage.json', row: 0 }, 'MANIFEST', 'datapackage.json nicht lesbar');
    }
  }
  let found = 0;
  for (const [file, bytes] of [...files].sort(([a], [b]) => a.localeCompare(b))) {
    if (!file.toLowerCase().endsWith('.csv')) continue;
    const stem = basename(file, extname(file));
    const declared = resources.get(file);
    const table = sourceTableOf(stem) ?? (declared ? sourceTableOf(declared) : null);
    if (stem.toLowerCase() === 'attributes') {
      const rows = parseCsv(bytes, file, log);
      tables.attributes.push(...rows);
      tables.service_terms.push(...attributesToServiceTerms(rows));
      found++;
      continue;
    }
    if (!table) continue;
    tables[table].push(...parseCsv(bytes, file, log));
    found++;
  }
  if (found === 0) throw new SourceError('Keine HSDS-Tabellen (CSV) gefunden.');
  return tables;
}
