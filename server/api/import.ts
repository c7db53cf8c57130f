import { Hono } from 'hono';
import { MAX_MAPPING_BYTES, MappingDocument } from '../../protocol/importMapping';
import { type ImportReport, MAX_IMPORT_BYTES } from '../../protocol/importReport';
import { requireRole } from '../auth/http';
import type { Db } from '../db';
import { apiError } from '../http/errors';
import { readBodyBytes, readJsonBody } from '../http/json-body';
import { runImport } from '../import/command';
import { loadStoredMapping, saveMappingEntries } from '../import/mapping-store';

/** Findings sent back; the rest are counted. */
const SHOWN_ISSUES = 200;
const FILE_NAME = /^[^/\\]{1,200}\.(json|csv|xlsx|zip)$/i;

/**
 * POST /?file=NAME[&commit=1] with the file as the body: the same import as `npm run admin
 * -- import NAME [--commit]`, for coordinators. The name is the source (as the file name is
 * on the command line), so uploading the same file again changes only what changed.
 *
 * GET /mapping gives the stored taxonomy mapping; POST /mapping with `{ entries }` saves those
 * terms (an entry with no slugs removes its term) and leaves the rest. Mounted at /api/import.
 */
export function importApi({ db }: { db: Db }): Hono {
  const api = new Hono();
  api.post('/', async (c) => {
    const allowed = await requireRole(db, c, 'coordinator');
    if (!allowed.ok) return allowed.response;
    const file = c.req.query('file') ?? '';
    const commit = c.req.query('commit');
    if (!FILE_NAME.test(file)) {
      return apiError(
        c,
        400,
        'invalid_file',
        'Bitte eine Datei mit der Endung .json, .csv, .xlsx oder .zip wählen.',
      );
    }
    if (commit !== undefined && commit !== '0' && commit !== '1') {
      return apiError(c, 400, 'invalid_commit', 'commit ist 0 oder 1.');
    }
    const body = await readBodyBytes(c, MAX_IMPORT_BYTES);
    if (!body.ok) return body.response;
    const outcome = await runImport(db, {
      path: file,
      upload: { name: file, bytes: body.bytes },
      commit: commit === '1',
    });
    const report: ImportReport = {
      ok: outcome.code === 0,
      committed: outcome.code === 0 && commit === '1',
      counts: outcome.counts ?? null,
      issues: outcome.issues.slice(0, SHOWN_ISSUES).map((i) => ({
        severity: i.severity,
        code: i.code,
        file: i.file,
        row: i.row,
        ...(i.column ? { column: i.column } : {}),
        message: i.message,
      })),
      issueCount: outcome.issues.length,
      errorCount: outcome.issues.filter((i) => i.severity === 'error').length,
      unmappedTerms: outcome.unmappedTerms
        .slice(0, SHOWN_ISSUES)
        .map(([term, count]) => ({ term, count })),
      unmappedTermCount: outcome.unmappedTerms.length,
      unassignedLocations: outcome.unassignedLocations,
      // Whole-file problems (an unreadable zip) come as a line, not as an issue.
      lines: outcome.lines,
    };
    return c.json(report);
  });

  api.get('/mapping', async (c) => {
    const allowed = await requireRole(db, c, 'coordinator');
    if (!allowed.ok) return allowed.response;
    return c.json({ entries: await loadStoredMapping(db) });
  });

  api.post('/mapping', async (c) => {
    const allowed = await requireRole(db, c, 'coordinator');
    if (!allowed.ok) return allowed.response;
    const body = await readJsonBody(c, MAX_MAPPING_BYTES);
    if (!body.ok) return body.response;
    const doc = MappingDocument.safeParse(body.value);
    if (!doc.success) {
      const at = doc.error.issues[0]?.path ?? [];
      const entry = at[0] === 'entries' && typeof at[1] === 'number' ? at[1] + 1 : null;
      return apiError(
        c,
        400,
        'invalid_mapping',
        entry === null
          ? 'Erwartet wird { "entries": [{ "term", "categories", "target_groups" }, …] }.'
          : `Eintrag ${entry}: ein Begriff und Schlüssel wie "beratung" (Kleinbuchstaben, Ziffern, "-").`,
      );
    }
    return c.json(await saveMappingEntries(db, doc.data.entries));
  });
  return api;
}
