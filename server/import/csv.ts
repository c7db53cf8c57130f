import { parse } from 'csv-parse/sync';
import type { IssueLog } from './issues';

/** One data row of a source table: trimmed cells (blank ones left out) and where it was. */
export interface SourceRow {
  file: string;
  row: number;
  /** Inside a JSON document: the path of the object the cells come from. */
  path?: string;
  cells: Record<string, string>;
}

const BOM = 0xfeff;

/**
 * Bytes as text. A BOM is dropped; bytes that are no UTF-8 become U+FFFD, which the cell
 * check reports per row (see cleanCells), so one bad byte does not stop a whole file.
 */
export function decodeText(bytes: Uint8Array, file: string, log: IssueLog): string {
  let text = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(bytes);
  if (text.charCodeAt(0) === BOM) {
    text = text.slice(1);
    log.warn({ file, row: 0 }, 'BOM', 'Byte-Order-Mark am Dateianfang entfernt');
  }
  return text;
}

/** The separator of the header line: ";" (German Excel), tab or ",". */
export function detectDelimiter(text: string): string {
  const header = text.slice(0, text.search(/\r?\n|$/));
  const count = (c: string) => header.split(c).length - 1;
  const candidates = [',', ';', '\t'].map((c) => [c, count(c)] as const);
  return candidates.reduce((best, c) => (c[1] > best[1] ? c : best))[0];
}

/**
 * A small settings file the coordinator passes along (Quartiere, taxonomy mapping): JSON,
 * or CSV with any separator and headers compared in lower case. `fail` makes the caller's
 * own error, so each file type keeps its message.
 */
export function readSettingsFile(
  text: string,
  fileName: string,
  fail: (message: string) => Error,
): { json: unknown } | { rows: Record<string, string>[] } {
  const body = text.replace(/^\ufeff/, '');
  if (/\.(geo)?json$/i.test(fileName)) {
    try {
      return { json: JSON.parse(body) };
    } catch (err) {
      throw fail(`${fileName} ist kein gültiges JSON: ${(err as Error).message}`);
    }
  }
  const rows = parse(body, {
    columns: (h: string[]) => h.map((c) => c.trim().toLowerCase()),
    delimiter: detectDelimiter(body),
    relax_column_count: true,
    skip_empty_lines: true,
  }) as Record<string, string>[];
  return { rows };
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g;

/** Trims cells, leaves out blank ones, reports spaces, broken bytes and control characters. */
export function cleanCells(
  raw: Record<string, unknown>,
  file: string,
  row: number,
  log: IssueLog,
  path?: string,
): Record<string, string> {
  const cells: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw)) {
    const name = key.trim();
    const column = path ? `${path}.${name}` : name;
    if (value === null || value === undefined || typeof value === 'object' || name === '') continue;
    let s = typeof value === 'string' ? value : String(value);
    if (s.includes('\ufffd')) {
      log.warn({ file, row, column }, 'ENCODING', 'Ungültige Zeichen (kein UTF-8) ersetzt', s);
    }
    if (CONTROL.test(s)) {
      log.warn({ file, row, column }, 'CONTROL_CHARS', 'Steuerzeichen entfernt');
      s = s.replace(CONTROL, '');
    }
    const trimmed = s.trim();
    if (trimmed !== s && trimmed !== '') {
      log.warn({ file, row, column }, 'WHITESPACE', 'Leerzeichen am Rand entfernt');
    }
    if (trimmed !== '') cells[name] = trimmed;
  }
  return cells;
}

/** Parses one CSV file into rows; a file that is no CSV at all is one error. */
export function parseCsv(bytes: Uint8Array, file: string, log: IssueLog): SourceRow[] {
  const text = decodeText(bytes, file, log);
  const delimiter = detectDelimiter(text);
  if (delimiter !== ',') {
    log.warn(
      { file, row: 0 },
      'DELIMITER',
      `Trennzeichen „${delimiter === '\t' ? 'Tab' : delimiter}“ erkannt`,
    );
  }
  let records: Record<string, string>[];
  try {
    records = parse(text, {
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      info: false,
    }) as Record<string, string>[];
  } catch (err) {
    const line = (err as { lines?: number }).lines ?? 0;
    log.error(
      { file, row: Math.max(0, line - 1) },
      'CSV_SYNTAX',
      `CSV nicht lesbar: ${(err as Error).message.split('\n')[0]}`,
    );
    return [];
  }
  return records.map((r, i) => ({ file, row: i + 1, cells: cleanCells(r, file, i + 1, log) }));
}
