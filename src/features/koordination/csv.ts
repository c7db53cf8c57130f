/**
 * CSV for spreadsheets: `;` as German Excel expects it, a BOM so Excel reads UTF-8, CRLF.
 */
import { downloadBlob } from './download';

/** A field that a spreadsheet would run as a formula is prefixed with `'`. */
function field(value: string | number): string {
  let s = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[";\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(rows: readonly (readonly (string | number)[])[]): string {
  return `\uFEFF${rows.map((r) => r.map(field).join(';')).join('\r\n')}\r\n`;
}

/** Offers the text as a file download (in the browser only). */
export function downloadCsv(fileName: string, csv: string): void {
  downloadBlob(fileName, new Blob([csv], { type: 'text/csv;charset=utf-8' }));
}
