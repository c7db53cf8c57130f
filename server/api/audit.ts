import { Hono } from 'hono';
import { ANONYMOUS_TABLES } from '../../protocol';
import { isAuditTable, readAudit } from '../audit';
import { requireRole } from '../auth/http';
import type { Db } from '../db';
import { apiError } from '../http/errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** GET /:table/:id — a record's field history, for coordinators. Mounted at /api/audit. */
export function auditApi({ db }: { db: Db }): Hono {
  const api = new Hono();
  api.get('/:table/:id', async (c) => {
    const allowed = await requireRole(db, c, 'coordinator');
    if (!allowed.ok) return allowed.response;
    const table = c.req.param('table');
    const id = c.req.param('id');
    if (!isAuditTable(table)) {
      return apiError(c, 404, 'unknown_table', `Unbekannte Tabelle „${table}“.`);
    }
    if (ANONYMOUS_TABLES.has(table)) {
      return apiError(
        c,
        404,
        'not_audited',
        'Verweise sind anonym: Zu ihnen gibt es keinen Änderungsverlauf.',
      );
    }
    if (!UUID.test(id)) return apiError(c, 400, 'invalid_id', 'Die ID muss eine UUID sein.');
    return c.json({ entries: await readAudit(db, table, id) });
  });
  return api;
}
