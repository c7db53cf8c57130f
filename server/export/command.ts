import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import type { ExportFormat } from '../../protocol/exportFormats';
import type { Db } from '../db';
import { templateWorkbook } from '../template/write';
import { type ExportData, toServiceList } from './hsds-json';
import { readForExport } from './read';
import { type TabularFile, toTabular } from './tabular';

export { EXPORT_FORMATS, type ExportFormat, isExportFormat } from '../../protocol/exportFormats';

export interface ExportOptions {
  path: string;
  format: ExportFormat;
  includeInternal: boolean;
}

/**
 * The bytes of an export: one JSON file, a package's files (or one zip), or the spreadsheet
 * template filled in.
 */
export async function renderExport(
  data: ExportData,
  format: ExportFormat,
  zip: boolean,
): Promise<{ count: number; output: { files: TabularFile[] } | { bytes: Uint8Array } }> {
  if (format === 'xlsx')
    return { count: data.services.length, output: { bytes: await templateWorkbook(data) } };
  const list = toServiceList(data);
  const count = list.contents.length;
  if (format === 'hsds')
    return { count, output: { bytes: strToU8(`${JSON.stringify(list, null, 2)}\n`) } };
  const files = toTabular(list);
  if (!zip) return { count, output: { files } };
  const bytes = zipSync(Object.fromEntries(files.map((f) => [f.name, strToU8(f.text)])));
  return { count, output: { bytes } };
}

/**
 * `export <file> --format hsds|hsds-csv|xlsx [--include-internal]`. Written to a temporary name
 * first and renamed at the end, so a failed export never leaves half a file where a script
 * expects a whole one.
 */
export async function runExport(
  db: Db,
  opts: ExportOptions,
): Promise<{ code: 0 | 1; lines: string[] }> {
  const data = await readForExport(db, opts.includeInternal ? 'internal' : 'public');
  const zip = opts.format === 'hsds-csv' && /\.zip$/i.test(opts.path);
  const { count, output } = await renderExport(data, opts.format, zip);
  const tmp = join(dirname(opts.path), `.${Date.now()}-${process.pid}.export-tmp`);
  try {
    await mkdir(dirname(opts.path), { recursive: true });
    if ('bytes' in output) {
      await writeFile(tmp, output.bytes);
    } else {
      await mkdir(tmp);
      for (const f of output.files) await writeFile(join(tmp, f.name), f.text);
    }
    await rm(opts.path, { recursive: true, force: true });
    await rename(tmp, opts.path);
  } catch (err) {
    await rm(tmp, { recursive: true, force: true }).catch(() => {});
    const code = (err as NodeJS.ErrnoException).code;
    if (!code) throw err;
    return {
      code: 1,
      lines: [`FEHLER ${code} ${opts.path} lässt sich nicht schreiben: ${(err as Error).message}`],
    };
  }
  const what = opts.includeInternal ? 'mit internen Einträgen' : 'nur öffentliche Einträge';
  return {
    code: 0,
    lines: [
      `${count} Angebote exportiert nach ${opts.path} (${opts.format}${zip ? ', ZIP' : ''}, ${what}).`,
    ],
  };
}
