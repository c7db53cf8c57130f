/** What POST /api/import answers: the dry run's or the commit's report, for the dashboard. */

/** The largest upload; larger sources go through `npm run admin -- import`, from disk. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

export interface ImportTableCounts {
  create: number;
  update: number;
  unchanged: number;
  delete: number;
}

export interface ImportFinding {
  severity: 'error' | 'warning';
  /** Stable, as on the command line (e.g. DUPLICATE_ID). */
  code: string;
  file: string;
  /** 1 = the first data row; 0 = the file as a whole. */
  row: number;
  column?: string;
  /** German, as the admin tool prints it. */
  message: string;
}

export interface ImportReport {
  /** No error blocks the import (dry run), or it was written (commit). */
  ok: boolean;
  committed: boolean;
  /** Per table; null when the file could not be read at all (see `lines`). */
  counts: Record<string, ImportTableCounts> | null;
  /** The first findings; `issueCount` says how many there were. */
  issues: ImportFinding[];
  issueCount: number;
  errorCount: number;
  /**
   * The most frequent source terms that map to no category or Zielgruppe (the offers are
   * imported anyway); `unmappedTermCount` says how many there are in all.
   */
  unmappedTerms: { term: string; count: number }[];
  unmappedTermCount: number;
  /** Places left out because no rule gave them a Quartier (their offers are imported). */
  unassignedLocations: number;
  /** The admin tool's report, line by line (German). */
  lines: string[];
}
