import readXlsxFile from 'read-excel-file/node';
import { cleanCells, type SourceRow } from '../import/csv';
import type { IssueLog } from '../import/issues';
import { type SheetTable, sheetTableOf } from './sheets';

/** Thrown for a file that is no readable workbook at all. */
export class WorkbookError extends Error {}

function cellText(v: unknown): unknown {
  // Dates typed into a sheet arrive as Date: the day is what was written.
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  return v;
}

/** The template sheets of a workbook as rows, cells by lower-cased header; other sheets are left out. */
export async function readWorkbook(
  bytes: Uint8Array,
  file: string,
  log: IssueLog,
): Promise<Map<SheetTable, SourceRow[]>> {
  let sheets: Awaited<ReturnType<typeof readXlsxFile>>;
  try {
    sheets = await readXlsxFile(Buffer.from(bytes));
  } catch (err) {
    throw new WorkbookError(`${file} ist keine lesbare XLSX-Datei: ${(err as Error).message}`);
  }
  const out = new Map<SheetTable, SourceRow[]>();
  for (const { sheet, data } of sheets) {
    const table = sheetTableOf(sheet);
    if (!table) continue;
    const [header = [], ...rows] = data;
    const names = header.map((h) =>
      String(h ?? '')
        .trim()
        .toLowerCase(),
    );
    const where = `${file} › ${sheet}`;
    out.set(
      table,
      rows
        .map((cells, i) => {
          const raw = Object.fromEntries(names.map((n, j) => [n, cellText(cells[j])]));
          return { file: where, row: i + 1, cells: cleanCells(raw, where, i + 1, log) };
        })
        .filter((r) => Object.keys(r.cells).length > 0),
    );
  }
  return out;
}
