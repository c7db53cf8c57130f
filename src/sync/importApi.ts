/**
 * The coordinators' import endpoints: POST /api/import (one file, dry run or commit) and the
 * taxonomy mapping at /api/import/mapping.
 */
import { MappingDocument, type MappingEntry } from '../../protocol/importMapping';
import type { ImportReport } from '../../protocol/importReport';
import type { FetchLike } from './pull';

export type ImportFailure = 'offline' | 'auth' | 'tooLarge' | 'badFile' | 'server';
export type ImportUpload =
  | { ok: true; report: ImportReport }
  | { ok: false; reason: ImportFailure };
export type MappingLoad =
  | { ok: true; entries: MappingEntry[] }
  | { ok: false; reason: ImportFailure };
export type MappingSave = { ok: true } | { ok: false; reason: ImportFailure };

type Sent = { ok: true; res: Response } | { ok: false; reason: ImportFailure };

async function send(
  fetch: FetchLike,
  token: string | null,
  url: string,
  init: { method: 'GET' | 'POST'; contentType?: string; body?: BodyInit },
): Promise<Sent> {
  if (!token) return { ok: false, reason: 'auth' };
  let res: Response;
  try {
    res = await fetch(url, {
      method: init.method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(init.contentType ? { 'content-type': init.contentType } : {}),
      },
      ...(init.body ? { body: init.body } : {}),
      cache: 'no-store',
    });
  } catch {
    return { ok: false, reason: 'offline' };
  }
  if (res.status === 401 || res.status === 403) return { ok: false, reason: 'auth' };
  if (res.status === 413) return { ok: false, reason: 'tooLarge' };
  if (res.status === 400) return { ok: false, reason: 'badFile' };
  if (!res.ok) return { ok: false, reason: 'server' };
  return { ok: true, res };
}

const endpoint = (baseUrl: string, path: string) =>
  `${baseUrl.replace(/\/+$/, '')}/api/import${path}`;

export async function uploadImport(
  fetch: FetchLike,
  token: string | null,
  file: Blob & { name: string },
  commit: boolean,
  baseUrl = '',
): Promise<ImportUpload> {
  const query = new URLSearchParams({ file: file.name, ...(commit ? { commit: '1' } : {}) });
  const sent = await send(fetch, token, endpoint(baseUrl, `?${query}`), {
    method: 'POST',
    contentType: 'application/octet-stream',
    body: file,
  });
  if (!sent.ok) return sent;
  const report = (await sent.res.json().catch(() => null)) as ImportReport | null;
  if (
    !report ||
    typeof report !== 'object' ||
    !Array.isArray(report.issues) ||
    !Array.isArray(report.unmappedTerms) ||
    typeof report.unmappedTermCount !== 'number'
  ) {
    return { ok: false, reason: 'server' };
  }
  return { ok: true, report };
}

export async function loadMapping(
  fetch: FetchLike,
  token: string | null,
  baseUrl = '',
): Promise<MappingLoad> {
  const sent = await send(fetch, token, endpoint(baseUrl, '/mapping'), { method: 'GET' });
  if (!sent.ok) return sent;
  const doc = MappingDocument.safeParse(await sent.res.json().catch(() => null));
  return doc.success ? { ok: true, entries: doc.data.entries } : { ok: false, reason: 'server' };
}

/** Saves these terms; one with no category and no Zielgruppe is removed. */
export async function saveMapping(
  fetch: FetchLike,
  token: string | null,
  entries: MappingEntry[],
  baseUrl = '',
): Promise<MappingSave> {
  const sent = await send(fetch, token, endpoint(baseUrl, '/mapping'), {
    method: 'POST',
    contentType: 'application/json',
    body: JSON.stringify({ entries }),
  });
  return sent.ok ? { ok: true } : sent;
}
