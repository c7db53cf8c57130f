/** Where in the source a finding is: file, row (1 = first data row; 0 = the file) and column. */
export interface Locator {
  file: string;
  row: number;
  column?: string;
}

export type Severity = 'error' | 'warning';

/**
 * One finding of an import. `code` is stable for scripts; `message` is German for the
 * operator; `value` is at most the one cell the finding is about, never a whole record.
 */
export interface ImportIssue extends Locator {
  severity: Severity;
  code: string;
  message: string;
  value?: string;
}

export class IssueLog {
  readonly issues: ImportIssue[] = [];

  error(at: Locator, code: string, message: string, value?: string): void {
    this.issues.push({ ...at, severity: 'error', code, message, ...cell(value) });
  }

  warn(at: Locator, code: string, message: string, value?: string): void {
    this.issues.push({ ...at, severity: 'warning', code, message, ...cell(value) });
  }

  get errorCount(): number {
    return this.issues.filter((i) => i.severity === 'error').length;
  }
}

const MAX_VALUE = 80;

function cell(value: string | undefined): { value?: string } {
  if (value === undefined) return {};
  return { value: value.length > MAX_VALUE ? `${value.slice(0, MAX_VALUE)}…` : value };
}
