import { Hono } from 'hono';
import { requireRole } from '../auth/http';
import type { Db } from '../db';
import { isExportFormat, renderExport } from '../export/command';
import { readForExport } from '../export/read';
import { apiError } from '../http/errors';

const FILE_TYPES = {
  hsds: ['json', 'application/json; charset=utf-8'],
  'hsds-csv': ['zip', 'application/zip'],
  xlsx: ['xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
} as const;

/**
 * GET /?format=hsds|hsds-csv|xlsx[&internal=1] — the export as a download, for coordinators (the
 * same bytes as `npm run admin -- export`). Mounted at /api/export.
 */
export function exportApi({ db }: { db: Db }): Hono {
  const api = new Hono();
  api.get('/', async (c) => {
    const allowed = await requireRole(db, c, 'coordinator');
    if (!allowed.ok) return allowed.response;
    const format = c.req.query('format');
    const internal = c.req.query('internal');
    if (!isExportFormat(format)) {
      return apiError(c, 400, 'invalid_format', 'Format „hsds“, „hsds-csv“ oder „xlsx“ erwartet.');
    }
    if (internal !== undefined && internal !== '0' && internal !== '1') {
      return apiError(c, 400, 'invalid_internal', 'internal ist 0 oder 1.');
    }
    const data = await readForExport(db, internal === '1' ? 'internal' : 'public');
    const { output } = await renderExport(data, format, true);
    if (!('bytes' in output)) throw new Error('a download is always one file');
    const day = new Date().toISOString().slice(0, 10);
    const [ext, type] = FILE_TYPES[format];
    const name = `quartier-wegweiser-${day}${internal === '1' ? '-intern' : ''}.${ext}`;
    return c.body(output.bytes as Uint8Array<ArrayBuffer>, 200, {
      'content-type': type,
      'content-disposition': `attachment; filename="${name}"`,
      'cache-control': 'no-store',
    });
  });
  return api;
}
