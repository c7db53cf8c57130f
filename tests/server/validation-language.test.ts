/**
 * A refusal from the real server reaches the device as a code with a message key, and the
 * device shows it in its UI language; the German text travels along for API clients.
 */
import 'fake-indexeddb/auto';
import type { Hono } from 'hono';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app';
import { saveRecord } from '../../src/db/edits';
import { provideCatalogues, setLanguage } from '../../src/i18n';
import ar from '../../src/i18n/ar.coordination.json';
import { catalogueLoaders } from '../../src/i18n/catalogues';
import { coordinationMessages } from '../../src/i18n/coordination';
import { fieldErrorText } from '../../src/i18n/fieldError';
import { readPayload } from '../../src/sync/outbox';
import { pushOutbox } from '../../src/sync/push';
import { destroy, freshDb, org } from '../unit/db.fixtures';
import { account, backends, openMigrated, type TestDb } from './helpers';

describe.each(backends)('server refusals in the UI language on $name', (backend) => {
  let t: TestDb;
  let app: Hono;
  const device = freshDb().db;

  beforeAll(async () => {
    t = await openMigrated(backend);
    app = createApp({ db: t.db, distDir: '/nonexistent' });
    provideCatalogues(catalogueLoaders);
    // As the conflict screens do: their messages are a part of their own.
    await coordinationMessages;
  });
  afterAll(async () => {
    destroy(device);
    await t?.destroy();
  });
  afterEach(async () => {
    await setLanguage('de');
  });

  it("a worker's change to a Träger is refused as 'forbidden' and shown in Arabic", async () => {
    const worker = await account(t.db, 'worker');
    expect(
      (await saveRecord({ db: device, userEmail: worker.email }, 'organizations', org(901))).ok,
    ).toBe(true);
    const summary = await pushOutbox({
      db: device,
      fetch: async (input, init) => {
        const headers = new Headers(init?.headers);
        headers.set('Authorization', `Bearer ${worker.token}`);
        return app.request(input, { ...init, headers });
      },
      baseUrl: '',
      clientId: 'worker-device',
      token: worker.token,
      userEmail: worker.email,
    });
    expect(summary).toMatchObject({ rejected: 1 });
    const [entry] = await device.outbox.toArray();
    const payload = entry ? readPayload(entry) : null;
    const [error] = payload?.errors ?? [];
    expect(error).toMatchObject({ code: 'forbidden', key: 'forbidden' });
    expect(error?.message).toBe('Diese Änderung ist nur Koordinator*innen erlaubt');
    if (!error) throw new Error('no error stored');

    expect(fieldErrorText(error)).toBe(error.message);
    await setLanguage('ar');
    expect(fieldErrorText(error)).toBe(ar.validation.forbidden);
    expect(fieldErrorText(error)).not.toBe(error.message);
  });
});
